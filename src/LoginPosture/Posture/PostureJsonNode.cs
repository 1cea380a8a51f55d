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

    /// <summary>Refuses fields the format does not define, so that a misspelt field is reported, not ignored.</summary>
    public void ExpectOnly(params string[] names)
    {
        ExpectObject();
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(names, property.Name) < 0)
            {
                throw Fail(Child(property.Name), $"is not a known field here; known fields: {string.Join(", ", names)}.");
            }
        }
    }

    /// <summary>The properties of an object, for maps keyed by name.</summary>
    public IEnumerable<(string Name, PostureJsonNode Value)> Properties()
    {
        ExpectObject();
        foreach (var property in element.EnumerateObject())
        {
            yield return (property.Name, new PostureJsonNode(property.Value, Child(property.Name)));
        }
    }

    public IEnumerable<PostureJsonNode> Items()
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Fail(path, $"is {JsonKinds.Describe(element.ValueKind)}; expected an array ([...]).");
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
            throw Fail(path, $"is {JsonKinds.Describe(element.ValueKind)}; expected a non-empty string.");
        }

        return text;
    }

    public bool Bool() => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Fail(path, $"is {JsonKinds.Describe(element.ValueKind)}; expected true or false."),
    };

    public int Int32() =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)
            ? value
            : throw Fail(path, $"is {JsonKinds.Describe(element.ValueKind)}; expected a whole number.");

    public decimal Decimal() =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var value)
            ? value
            : throw Fail(path, $"is {JsonKinds.Describe(element.ValueKind)}; expected a number such as 25000.");

    public DateTimeOffset Time()
    {
        if (element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        throw Fail(path, $"is {JsonKinds.Describe(element.ValueKind)}; expected an ISO 8601 time such as \"2026-11-22T08:30:00Z\".");
    }

    public TimeSpan Duration()
    {
        if (element.ValueKind == JsonValueKind.String
            && TimeSpan.TryParse(element.GetString(), CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw Fail(path, $"is {JsonKinds.Describe(element.ValueKind)}; expected a duration such as \"00:15:00\" (hh:mm:ss) or \"1.00:00:00\" (days).");
    }

    /// <summary>An enum by name, case-insensitively. Numbers are refused: they would admit undefined values.</summary>
    public TEnum Enum<TEnum>()
        where TEnum : struct, Enum =>
        element.ValueKind == JsonValueKind.String
            ? EnumNamed<TEnum>(element.GetString()!, path)
            : throw Fail(path, $"is {JsonKinds.Describe(element.ValueKind)}, not a {typeof(TEnum).Name} name; use one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");

    /// <summary>An enum from a name found at <paramref name="at"/> (a value, or a property name of a map).</summary>
    public static TEnum EnumNamed<TEnum>(string name, string at)
        where TEnum : struct, Enum =>
        !int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        && System.Enum.TryParse<TEnum>(name, ignoreCase: true, out var value)
        && System.Enum.IsDefined(value)
            ? value
            : throw Fail(at, $"\"{name}\" is not a known {typeof(TEnum).Name} value; use one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");

    public PostureFormatException Fail(string problem) => Fail(path, problem);

    private static PostureFormatException Fail(string at, string problem) => new(at, problem);

    private string Child(string name) => $"{path}.{name}";

    private void ExpectObject()
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail(path, $"is {JsonKinds.Describe(element.ValueKind)}; expected an object ({{...}}).");
        }
    }
}
