using System.Globalization;
using System.Text.Json;

namespace LoginPosture.Posture;

/// <summary>
/// A JSON value and its path. Every read either returns a well-typed value or throws a
/// <see cref="PostureFormatException"/> naming the path, what was expected and the fix.
/// </summary>
internal readonly struct PostureJsonNode(JsonElement element, string path)
{
    public JsonElement Element => element;

    public string Path => path;

    public JsonValueKind Kind => element.ValueKind;

    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } p ? p : "$";
            throw new PostureFormatException(where, $"the JSON is malformed at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}; fix the syntax there (a missing comma, quote or bracket).", e);
        }
    }

    public PostureJsonNode Required(string name) =>
        Optional(name) ?? throw Fail(Child(name), "is missing; this field is required.");

    public PostureJsonNode? Optional(string name)
    {
        ExpectObject();
        return element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new PostureJsonNode(value, Child(name))
            : null;
    }

    public IEnumerable<PostureJsonNode> Items()
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Fail(path, $"is {Describe(element.ValueKind)}; expected an array ([...]).");
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            yield return new PostureJsonNode(item, $"{path}[{index++}]");
        }
    }

    public string String()
    {
        if (element.ValueKind != JsonValueKind.String || element.GetString() is not { Length: > 0 } text || string.IsNullOrWhiteSpace(text))
        {
            throw Fail(path, $"is {Describe(element.ValueKind)}; expected a non-empty string.");
        }

        return text;
    }

    public bool Bool() => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Fail(path, $"is {Describe(element.ValueKind)}; expected true or false."),
    };

    public int Int32() =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)
            ? value
            : throw Fail(path, $"is {Describe(element.ValueKind)}; expected a whole number.");

    public decimal Decimal() =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value)
            ? value
            : throw Fail(path, $"is {Describe(element.ValueKind)}; expected a number such as 25000.");

    public DateTimeOffset Time()
    {
        if (element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        throw Fail(path, $"is {Describe(element.ValueKind)}; expected an ISO 8601 time such as \"2026-11-22T08:30:00Z\".");
    }

    public TimeSpan Duration()
    {
        if (element.ValueKind == JsonValueKind.String
            && TimeSpan.TryParse(element.GetString(), CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw Fail(path, $"is {Describe(element.ValueKind)}; expected a duration such as \"00:15:00\" (hh:mm:ss) or \"1.00:00:00\" (days).");
    }

    /// <summary>An enum by name, case-insensitively. Numbers are refused: they would admit undefined values.</summary>
    public TEnum Enum<TEnum>()
        where TEnum : struct, Enum
    {
        if (element.ValueKind == JsonValueKind.String
            && element.GetString() is { } name
            && !int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            && System.Enum.TryParse<TEnum>(name, ignoreCase: true, out var value)
            && System.Enum.IsDefined(value))
        {
            return value;
        }

        var shown = element.ValueKind == JsonValueKind.String ? $"\"{element.GetString()}\"" : Describe(element.ValueKind);
        throw Fail(path, $"is {shown}, which is not a {typeof(TEnum).Name}; use one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
    }

    public PostureFormatException Fail(string problem) => Fail(path, problem);

    private static PostureFormatException Fail(string at, string problem) => new(at, problem);

    private string Child(string name) => $"{path}.{name}";

    private void ExpectObject()
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail(path, $"is {Describe(element.ValueKind)}; expected an object ({{...}}).");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };
}
