namespace LoginPosture.Layers;

/// <summary>
/// Reads a Client Portal auth-status object pasted into a line, in any of the forms it is printed: JSON
/// (<c>"authenticated":false</c>), a Python dict (<c>'authenticated': False</c>) or IBeam's
/// <c>Status(authenticated=False, ...)</c>. Only a key followed by <c>:</c> or <c>=</c> and a boolean counts, so the
/// prose "running and authenticated" is not a status. Allocation-free.
/// </summary>
internal static class PortalStatus
{
    public static PortalState Read(ReadOnlySpan<char> text)
    {
        if (Flag(text, "authenticated") is not { } authenticated)
        {
            return PortalState.None;
        }

        if (!authenticated)
        {
            return PortalState.NotAuthenticated;
        }

        if (Flag(text, "competing") == true)
        {
            return PortalState.Competing;
        }

        return Flag(text, "connected") == false ? PortalState.NotConnected : PortalState.Healthy;
    }

    // The boolean of the first occurrence of key used as a key; null when the key is absent or has no boolean.
    private static bool? Flag(ReadOnlySpan<char> text, string key)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text[from..].IndexOf(key, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            at += from;
            var startsKey = at == 0 || !char.IsAsciiLetter(text[at - 1]);
            var j = at + key.Length;
            while (j < text.Length && text[j] is '"' or '\'' or ' ')
            {
                j++;
            }

            if (startsKey && j < text.Length && text[j] is ':' or '=')
            {
                j++;
                while (j < text.Length && text[j] is ' ' or '"' or '\'')
                {
                    j++;
                }

                var value = text[j..];
                if (value.StartsWith("true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (value.StartsWith("false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            from = at + key.Length;
        }

        return null;
    }
}
