using System.Text;
using System.Text.Json;

namespace LoginPosture.Layers;

/// <summary>
/// Reads a Client Portal Web API auth-status or tickle body and names each problem it reports in the catalog's
/// wording (<c>auth/status.competing=true</c>, <c>hmds.error: no bridge</c>). The body is read by the library's one
/// JSON reader, by the same rules as a posture document, so a comment or trailing comma means the same here as
/// anywhere; a body that is not JSON by those rules is classified as plain text.
/// </summary>
internal static class ClientPortalStatus
{
    private const int MaxBodyLength = 1 << 20;

    public static FailureSignal[] Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            // Bodies pasted from logs often keep the comma that followed them in a list or a dict.
            if (body.Length <= MaxBodyLength
                && JsonTreeReader.Read(Encoding.UTF8.GetBytes(body.TrimEnd().TrimEnd(','))) is { Kind: JsonValueKind.Object } root)
            {
                return FromTree(root);
            }
        }
        catch (JsonInputException)
        {
            // Not JSON (some wrappers print Python dictionaries): classify it as plain text below.
        }

        return [Text(body)];
    }

    /// <summary>The signals of a status object already read (inside a posture document, for example).</summary>
    public static FailureSignal[] FromTree(JsonTree root)
    {
        // /tickle nests the auth status under iserver.authStatus; /iserver/auth/status returns it at the root.
        var status = root.Present("iserver") is { Kind: JsonValueKind.Object } iserver
            && iserver.Present("authStatus") is { Kind: JsonValueKind.Object } nested
            ? nested
            : root;

        var signals = new List<FailureSignal>();
        AddIf(signals, status, "authenticated", JsonValueKind.False, "auth/status.authenticated=false");
        AddIf(signals, status, "competing", JsonValueKind.True, "auth/status.competing=true");
        AddIf(signals, status, "connected", JsonValueKind.False, "auth/status.connected=false");
        AddText(signals, status, "fail", "auth/status.fail");
        AddText(signals, status, "message", "auth/status.message");
        AddText(signals, status, "prompts", "auth/status.prompts");
        if (root.Present("hmds") is { Kind: JsonValueKind.Object } hmds)
        {
            AddText(signals, hmds, "error", "hmds.error");
        }

        AddText(signals, root, "error", "error");
        return [.. signals];
    }

    private static FailureSignal Text(string text) => new(SignalSource.ClientPortal, null, text);

    private static void AddIf(List<FailureSignal> signals, JsonTree status, string name, JsonValueKind bad, string text)
    {
        if (status.Field(name)?.Kind == bad)
        {
            signals.Add(Text(text));
        }
    }

    // A non-empty string, or a non-empty array of strings (prompts), becomes "<label>: <text>".
    private static void AddText(List<FailureSignal> signals, JsonTree parent, string name, string label)
    {
        var text = parent.Field(name) is { } value ? Flatten(value) : null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            signals.Add(Text($"{label}: {text}"));
        }
    }

    private static string? Flatten(JsonTree value) => value.Kind switch
    {
        JsonValueKind.String or JsonValueKind.Number => value.Text,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(" | ", value.Items.Select(Flatten)),
        JsonValueKind.Object => "{" + string.Join(", ", value.Members.Select(m => $"{m.Key}: {Flatten(m.Value)}")) + "}",
        _ => null,
    };
}
