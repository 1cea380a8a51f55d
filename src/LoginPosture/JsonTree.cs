using System.Globalization;
using System.Text.Json;

namespace LoginPosture;

/// <summary>
/// One JSON value as <see cref="JsonTreeReader"/> read it: its kind, its path from the document root and its
/// content. Strings are valid UTF-16, the names of an object are unique (ignoring case) and nesting is bounded, so
/// nothing read from a tree can throw anything but the reader's own <see cref="JsonInputException"/>.
/// </summary>
internal sealed class JsonTree
{
    private static readonly KeyValuePair<string, JsonTree>[] NoMembers = [];
    private static readonly JsonTree[] NoItems = [];

    public JsonTree(JsonValueKind kind, string path, string? text = null, IReadOnlyList<KeyValuePair<string, JsonTree>>? members = null, IReadOnlyList<JsonTree>? items = null)
    {
        Kind = kind;
        Path = path;
        Text = text;
        Members = members ?? NoMembers;
        Items = items ?? NoItems;
    }

    public JsonValueKind Kind { get; }

    /// <summary>The path from the document root, such as <c>$.apiKeys[0].binance.enableReading</c>.</summary>
    public string Path { get; }

    /// <summary>A string's value, or a number's JSON text; null for other kinds.</summary>
    public string? Text { get; }

    /// <summary>An object's fields in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonTree>> Members { get; }

    /// <summary>An array's items in order.</summary>
    public IReadOnlyList<JsonTree> Items { get; }

    /// <summary>The field named exactly <paramref name="name"/>, JSON null included; null when absent or not an object.</summary>
    public JsonTree? Field(string name)
    {
        for (var i = 0; i < Members.Count; i++)
        {
            if (string.Equals(Members[i].Key, name, StringComparison.Ordinal))
            {
                return Members[i].Value;
            }
        }

        return null;
    }

    /// <summary>The field named <paramref name="name"/>, or null when it is absent or JSON null.</summary>
    public JsonTree? Present(string name) => Field(name) is { Kind: not JsonValueKind.Null } value ? value : null;

    public bool TryInt64(out long value) =>
        long.TryParse(Kind == JsonValueKind.Number ? Text : null, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public bool TryInt32(out int value) =>
        int.TryParse(Kind == JsonValueKind.Number ? Text : null, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public bool TryDecimal(out decimal value) =>
        decimal.TryParse(Kind == JsonValueKind.Number ? Text : null, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A whole number written without fraction or exponent, however large (so that range errors can say so).</summary>
    public bool IsIntegerText => Kind == JsonValueKind.Number && Text is { } t && !t.AsSpan().ContainsAny('.', 'e', 'E');

    /// <summary>The path of a field of the object at <paramref name="parent"/>: <c>.name</c>, or <c>['na me']</c> for other names.</summary>
    public static string Member(string parent, string name) =>
        IsPlainName(name) ? $"{parent}.{name}" : $"{parent}['{Redaction.Visible(Redaction.Redact(name), quote: '\'')}']";

    private static bool IsPlainName(string name)
    {
        if (name.Length is 0 or > 64 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return !Redaction.LooksSecret(name);
    }
}
