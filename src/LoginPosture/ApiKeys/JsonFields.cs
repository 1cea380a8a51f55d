using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace LoginPosture.ApiKeys;

/// <summary>
/// Reads named fields of a platform's JSON, read by <see cref="JsonTreeReader"/> on its own or inside a posture
/// document. Failures are <see cref="JsonInputException"/>s (so <see cref="FormatException"/>s) carrying the full
/// path for the posture document and a message naming the source and the field for direct callers. Only the
/// fields asked for are read; anything else (including key material some platforms return) is never touched,
/// copied or echoed, and no message quotes a value.
/// </summary>
internal readonly struct JsonFields(JsonTree obj, string source, string root, List<(string Path, DateTimeOffset Time)>? pastTimes)
{
    public static JsonFields Root(JsonTree tree, string source, List<(string Path, DateTimeOffset Time)>? pastTimes) =>
        tree.Kind == JsonValueKind.Object
            ? new JsonFields(tree, source, tree.Path, pastTimes)
            : throw new JsonInputException(tree.Path, $"is {JsonKinds.Describe(tree.Kind)}; expected the {source} response object ({{...}}).", malformed: false,
                $"{source}: the JSON is {JsonKinds.Describe(tree.Kind)}, not an object; pass the response body itself.");

    public JsonTree Tree => obj;

    public bool Has(string name) => obj.Present(name) is not null;

    public JsonFields Object(string name) =>
        Required(name) is { Kind: JsonValueKind.Object } value
            ? new JsonFields(value, source, root, pastTimes)
            : throw WrongType(name, "an object");

    /// <summary>A permission flag: <c>true</c>/<c>false</c>, or the same as a string as some endpoints send.</summary>
    public bool Bool(string name) => ReadBool(name, Required(name));

    /// <summary>A flag a platform added later; absent means the key predates it and does not hold it.</summary>
    public bool OptionalBool(string name) => obj.Present(name) is { } value && ReadBool(name, value);

    public string? OptionalString(string name) =>
        obj.Present(name) is not { } value ? null
        : value.Kind == JsonValueKind.String ? value.Text
        : throw WrongType(name, "a string");

    /// <summary>
    /// A Unix time in seconds or milliseconds (number or numeric string) or an ISO 8601 string; 0 and absence give
    /// null. A time that describes the past is recorded, with its path, for the check against the judgement instant.
    /// </summary>
    public DateTimeOffset? OptionalUnixTime(string name, bool milliseconds, bool past)
    {
        if (obj.Present(name) is not { } value)
        {
            return null;
        }

        DateTimeOffset? time;
        if (value.Kind == JsonValueKind.String
            && !long.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = parsed;
        }
        else if (!TryReadInteger(value, out var number))
        {
            throw WrongType(name, milliseconds ? "a Unix time in milliseconds" : "a Unix time in seconds");
        }
        else
        {
            var max = milliseconds ? DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() : DateTimeOffset.MaxValue.ToUnixTimeSeconds();
            if (number < 0 || number > max)
            {
                throw Fail(name, "is outside the range of Unix times; pass the platform's value unchanged.");
            }

            time = number == 0 ? null
                : milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(number)
                : DateTimeOffset.FromUnixTimeSeconds(number);
        }

        if (past && time is { } t)
        {
            pastTimes?.Add((value.Path, t));
        }

        return time;
    }

    public DateTimeOffset? RequiredUnixTime(string name, bool milliseconds, bool past)
    {
        Required(name);
        return OptionalUnixTime(name, milliseconds, past);
    }

    /// <summary>An array of address or CIDR strings; absent or empty means no allow-list.</summary>
    public ImmutableArray<IPNetwork> OptionalAllowList(string name)
    {
        if (obj.Present(name) is not { } value)
        {
            return [];
        }

        if (value.Kind != JsonValueKind.Array)
        {
            throw WrongType(name, "an array of IP addresses or CIDR ranges");
        }

        var list = ImmutableArray.CreateBuilder<IPNetwork>(value.Items.Count);
        for (var index = 0; index < value.Items.Count; index++)
        {
            var entry = value.Items[index];
            if (!IpRanges.TryParse(entry.Kind == JsonValueKind.String ? entry.Text : null, out var network, out var problem))
            {
                throw Fail(string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]"), entry.Path,
                    $"{(entry.Kind == JsonValueKind.String ? problem : "is not a string")}; list addresses such as \"203.0.113.7\" or ranges such as \"203.0.113.0/24\".");
            }

            if (!list.Contains(network))
            {
                list.Add(network);
            }
        }

        return list.ToImmutable();
    }

    /// <summary>An error about this object itself (such as a platform error reported instead of a key).</summary>
    public JsonInputException FailHere(string problem, string directMessage) =>
        new(obj.Path, problem, malformed: false, $"{source}: {directMessage}");

    private static bool TryReadInteger(JsonTree value, out long number)
    {
        number = 0;
        return value.Kind switch
        {
            JsonValueKind.Number => value.TryInt64(out number),
            JsonValueKind.String => long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    private JsonTree Required(string name) =>
        obj.Present(name) ?? throw Fail(name, "is missing; pass the whole response unchanged. Permission fields are required so that a missing one is never taken as 'off'.");

    private bool ReadBool(string name, JsonTree value) => value.Kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when value.Text == "true" => true,
        JsonValueKind.String when value.Text == "false" => false,
        _ => throw WrongType(name, "true or false"),
    };

    private JsonInputException WrongType(string name, string expected) =>
        Fail(name, $"is {JsonKinds.Describe(obj.Field(name)?.Kind ?? JsonValueKind.Undefined)}; expected {expected}.");

    private JsonInputException Fail(string name, string problem) => Fail(name, JsonTree.Member(obj.Path, name), problem);

    // The direct caller sees "source: field 'permissions.funds_query' ..."; the posture document sees the full path.
    private JsonInputException Fail(string name, string path, string problem)
    {
        var inside = obj.Path.Length > root.Length ? obj.Path[(root.Length + 1)..] + "." : "";
        return new JsonInputException(path, problem, malformed: false, $"{source}: field '{inside}{name}' {problem}");
    }
}
