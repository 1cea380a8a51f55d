using System.Globalization;
using System.Text.Json;

namespace LoginPosture.Posture;

/// <summary>
/// A value of the posture document with its path. Every read either returns a well-typed value or throws a
/// <see cref="PostureFormatException"/> naming the path, what was expected and the fix.
/// </summary>
internal readonly struct PostureJsonNode(JsonTree tree)
{
    public JsonTree Tree => tree;

    public string Path => tree.Path;

    public JsonValueKind Kind => tree.Kind;

    public PostureJsonNode Required(string name) =>
        Optional(name) ?? throw Fail(JsonTree.Member(Path, name), "is missing; this field is required.");

    public PostureJsonNode? Optional(string name)
    {
        ExpectObject();
        return tree.Present(name) is { } value ? new PostureJsonNode(value) : null;
    }

    /// <summary>Refuses fields the format does not define, so that a misspelt field is reported, not ignored.</summary>
    public void ExpectOnly(params string[] names)
    {
        ExpectObject();
        foreach (var (name, value) in tree.Members)
        {
            if (Array.IndexOf(names, name) < 0)
            {
                var near = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
                throw Fail(value.Path, near is null
                    ? $"is not a known field here; known fields: {string.Join(", ", names)}."
                    : $"is not a known field here; field names are case-sensitive: write \"{near}\".");
            }
        }
    }

    /// <summary>The fields of an object, for maps keyed by name.</summary>
    public IEnumerable<(string Name, PostureJsonNode Value)> Properties()
    {
        ExpectObject();
        return tree.Members.Select(static m => (m.Key, new PostureJsonNode(m.Value)));
    }

    public IEnumerable<PostureJsonNode> Items() =>
        tree.Kind == JsonValueKind.Array
            ? tree.Items.Select(static item => new PostureJsonNode(item))
            : throw Fail($"is {JsonKinds.Describe(tree.Kind)}; expected an array ([...]).");

    public string String() =>
        tree.Kind == JsonValueKind.String && !string.IsNullOrWhiteSpace(tree.Text)
            ? tree.Text
            : throw Fail(tree.Kind == JsonValueKind.String ? "is a blank string; expected a non-empty string." : $"is {JsonKinds.Describe(tree.Kind)}; expected a non-empty string.");

    public bool Bool() => tree.Kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Fail($"is {JsonKinds.Describe(tree.Kind)}; expected true or false."),
    };

    public int Int32() =>
        tree.TryInt32(out var value) ? value
        : tree.IsIntegerText ? throw Fail($"is a whole number outside the range {int.MinValue} to {int.MaxValue}; give the value the field describes.")
        : throw Fail(tree.Kind == JsonValueKind.Number ? "is a number with a fraction or exponent; expected a whole number." : $"is {JsonKinds.Describe(tree.Kind)}; expected a whole number.");

    public decimal Decimal() =>
        tree.TryDecimal(out var value) ? value
        : throw Fail(tree.Kind == JsonValueKind.Number
            ? "is a number too large to hold (beyond ±7.9e28); give the amount in plain digits such as 25000."
            : $"is {JsonKinds.Describe(tree.Kind)}; expected a number such as 25000.");

    public DateTimeOffset Time()
    {
        if (tree.Kind == JsonValueKind.String
            && DateTimeOffset.TryParse(tree.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        throw Fail($"is {JsonKinds.Describe(tree.Kind)}{(tree.Kind == JsonValueKind.String ? " that is not a time" : "")}; expected an ISO 8601 time such as \"2026-11-22T08:30:00Z\".");
    }

    public TimeSpan Duration()
    {
        if (tree.Kind == JsonValueKind.String && TimeSpan.TryParse(tree.Text, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw Fail($"is {JsonKinds.Describe(tree.Kind)}{(tree.Kind == JsonValueKind.String ? " that is not a duration" : "")}; expected a duration such as \"00:15:00\" (hh:mm:ss) or \"1.00:00:00\" (days).");
    }

    /// <summary>An enum by name, case-insensitively. Numbers are refused: they would admit undefined values.</summary>
    public TEnum Enum<TEnum>()
        where TEnum : struct, Enum =>
        tree.Kind == JsonValueKind.String
            ? EnumNamed<TEnum>(tree.Text!, Path)
            : throw Fail($"is {JsonKinds.Describe(tree.Kind)}, not a {typeof(TEnum).Name} name; use one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");

    /// <summary>An enum from a name found at <paramref name="at"/> (a value, or a field name of a map).</summary>
    public static TEnum EnumNamed<TEnum>(string name, string at)
        where TEnum : struct, Enum =>
        TryEnum<TEnum>(name, out var value)
            ? value
            : throw Fail(at, $"{Shown(name)} is not a known {typeof(TEnum).Name} value; use one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");

    // A misspelt name is quoted back when it reads like a word ("Teleport"); anything else may be a pasted secret.
    private static string Shown(string name) =>
        name.Length <= 40 && name.All(c => char.IsAsciiLetter(c) || c is ' ' or '-' or '_') ? $"\"{name}\"" : "the value";

    public static bool TryEnum<TEnum>(string name, out TEnum value)
        where TEnum : struct, Enum =>
        !int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        & System.Enum.TryParse(name, ignoreCase: true, out value)
        && System.Enum.IsDefined(value);

    public PostureFormatException Fail(string problem) => Fail(Path, problem);

    public static PostureFormatException Fail(string at, string problem) => new(at, problem);

    private void ExpectObject()
    {
        if (tree.Kind != JsonValueKind.Object)
        {
            throw Fail($"is {JsonKinds.Describe(tree.Kind)}; expected an object ({{...}}).");
        }
    }
}
