using System.Text.Json;

namespace LoginPosture.Layers;

/// <summary>
/// Reads a Client Portal Web API auth-status or tickle body with <see cref="JsonDocument"/> (AOT-safe) and names
/// each problem it reports in the catalog's wording (<c>auth/status.competing=true</c>, <c>hmds.error: no bridge</c>).
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

        var signals = new List<FailureSignal>();
        try
        {
            if (body.Length > MaxBodyLength)
            {
                throw new JsonException("The body is too long to be an auth-status response.");
            }

            // Bodies pasted from logs often keep the comma that followed them in a list or a dict.
            using var document = JsonDocument.Parse(body.AsMemory().TrimEnd().TrimEnd(','), new JsonDocumentOptions { AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [Text(body)];
            }

            // /tickle nests the auth status under iserver.authStatus; /iserver/auth/status returns it at the root.
            var status = root.TryGetProperty("iserver", out var iserver) && iserver.ValueKind == JsonValueKind.Object
                && iserver.TryGetProperty("authStatus", out var nested) && nested.ValueKind == JsonValueKind.Object
                ? nested
                : root;

            AddIf(signals, status, "authenticated", JsonValueKind.False, "auth/status.authenticated=false");
            AddIf(signals, status, "competing", JsonValueKind.True, "auth/status.competing=true");
            AddIf(signals, status, "connected", JsonValueKind.False, "auth/status.connected=false");
            AddText(signals, status, "fail", "auth/status.fail");
            AddText(signals, status, "message", "auth/status.message");
            AddText(signals, status, "prompts", "auth/status.prompts");
            if (root.TryGetProperty("hmds", out var hmds) && hmds.ValueKind == JsonValueKind.Object)
            {
                AddText(signals, hmds, "error", "hmds.error");
            }

            AddText(signals, root, "error", "error");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // Not JSON, or text that cannot be transcoded to UTF-8 (a lone surrogate): classify it as plain text.
            return [Text(body)];
        }

        return [.. signals];
    }

    private static FailureSignal Text(string text) => new(SignalSource.ClientPortal, null, text);

    private static void AddIf(List<FailureSignal> signals, JsonElement status, string name, JsonValueKind bad, string text)
    {
        if (status.TryGetProperty(name, out var value) && value.ValueKind == bad)
        {
            signals.Add(Text(text));
        }
    }

    // A non-empty string, or a non-empty array of strings (prompts), becomes "<label>: <text>".
    private static void AddText(List<FailureSignal> signals, JsonElement parent, string name, string label)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => string.Join(" | ", value.EnumerateArray().Select(static e => e.ToString())),
            JsonValueKind.Object => value.GetRawText(),
            _ => null,
        };

        if (!string.IsNullOrWhiteSpace(text))
        {
            signals.Add(Text($"{label}: {text}"));
        }
    }
}
