using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace LoginPosture.ApiKeys;

/// <summary>
/// Reads named fields of a platform's JSON, failing with a <see cref="FormatException"/> that names the source,
/// the field and the fix. Only the fields asked for are ever read; anything else (including key material some
/// platforms return) is never touched, copied or echoed, and parse errors report a position, never content.
/// </summary>
internal readonly struct JsonFields(JsonElement obj, string source, string path)
{
    public string Source => source;

    public static JsonDocument Parse(ReadOnlySpan<byte> utf8Json, string source)
    {
        try
        {
            return JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException e)
        {
            // Position and path only: the text around the error may be key material.
            throw new FormatException($"{source}: the JSON is malformed at {e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}); pass the response body unchanged, as UTF-8.");
        }
    }

    public static JsonFields Root(JsonDocument document, string source) =>
        document.RootElement.ValueKind == JsonValueKind.Object
            ? new JsonFields(document.RootElement, source, "")
            : throw new FormatException($"{source}: the JSON is {JsonKinds.Describe(document.RootElement.ValueKind)}, not an object; pass the response body itself.");

    public bool Has(string name) => obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonFields Object(string name) =>
        Required(name) is { ValueKind: JsonValueKind.Object } value
            ? new JsonFields(value, source, Path(name) + ".")
            : throw WrongType(name, "an object");

    /// <summary>A permission flag: <c>true</c>/<c>false</c>, or the same as a string as some endpoints send.</summary>
    public bool Bool(string name) => ReadBool(name, Required(name));

    /// <summary>A flag a platform added later; absent means the key predates it and does not hold it.</summary>
    public bool OptionalBool(string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null && ReadBool(name, value);

    public string? OptionalString(string name) =>
        !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw WrongType(name, "a string");

    /// <summary>A Unix time in seconds or milliseconds (number or numeric string) or an ISO 8601 string; 0 and absence give null.</summary>
    public DateTimeOffset? OptionalUnixTime(string name, bool milliseconds)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && !long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        if (!TryReadInteger(value, out var number))
        {
            throw WrongType(name, milliseconds ? "a Unix time in milliseconds" : "a Unix time in seconds");
        }

        var max = milliseconds ? DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() : DateTimeOffset.MaxValue.ToUnixTimeSeconds();
        if (number < 0 || number > max)
        {
            throw new FormatException($"{source}: field '{Path(name)}' is {number}, outside the range of Unix times; pass the platform's value unchanged.");
        }

        return number == 0 ? null
            : milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(number)
            : DateTimeOffset.FromUnixTimeSeconds(number);
    }

    public DateTimeOffset? RequiredUnixTime(string name, bool milliseconds)
    {
        Required(name);
        return OptionalUnixTime(name, milliseconds);
    }

    /// <summary>An array of address or CIDR strings; absent or empty means no allow-list.</summary>
    public ImmutableArray<IPNetwork> OptionalAllowList(string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(name, "an array of IP addresses or CIDR ranges");
        }

        var list = ImmutableArray.CreateBuilder<IPNetwork>(value.GetArrayLength());
        var index = 0;
        foreach (var entry in value.EnumerateArray())
        {
            var text = entry.ValueKind == JsonValueKind.String ? entry.GetString() : null;
            if (!IpRanges.TryParse(text, out var network, out var problem))
            {
                throw new FormatException($"{source}: field '{Path(name)}[{index}]' {(text is null ? "is not a string" : problem)}; list addresses such as \"203.0.113.7\" or ranges such as \"203.0.113.0/24\".");
            }

            if (!list.Contains(network))
            {
                list.Add(network);
            }

            index++;
        }

        return list.ToImmutable();
    }

    private static bool TryReadInteger(JsonElement value, out long number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out number),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    private JsonElement Required(string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new FormatException($"{source}: field '{Path(name)}' is missing; pass the whole response unchanged. Permission fields are required so that a missing one is never taken as 'off'.");

    private bool ReadBool(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when value.ValueEquals("true"u8) => true,
        JsonValueKind.String when value.ValueEquals("false"u8) => false,
        _ => throw WrongType(name, "true or false"),
    };

    private FormatException WrongType(string name, string expected)
    {
        obj.TryGetProperty(name, out var value);
        return new FormatException($"{source}: field '{Path(name)}' is {JsonKinds.Describe(value.ValueKind)}; expected {expected}.");
    }

    private string Path(string name) => path + name;
}
