using System.Globalization;
using System.Text.Json;

namespace LoginPosture;

/// <summary>
/// The one JSON reader of the library: posture documents, the platform objects inside them and the platforms' own
/// responses are all read here, once, into a <see cref="JsonTree"/>. One rule for every input: comments and
/// trailing commas are allowed; a UTF-8 byte-order mark is skipped; UTF-16 and UTF-32 are named and refused;
/// invalid UTF-8, lone surrogate escapes, repeated field names (also when they differ only in case), nesting
/// deeper than <see cref="MaxDepth"/> and empty input are each refused with their own message naming the path.
/// Messages never quote the input around an error: it may be key material.
/// </summary>
internal static class JsonTreeReader
{
    /// <summary>The deepest nesting of objects and arrays accepted.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth + 1, // one more than ours, so that our own message is the one raised
    };

    /// <summary>Reads <paramref name="utf8"/>, naming its root <paramref name="rootPath"/> in errors.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <param name="rootPath">The path of the root value, <c>$</c> for a document.</param>
    /// <param name="source">A prefix for exception messages (such as the platform endpoint), or null.</param>
    /// <exception cref="JsonInputException">The bytes are not one acceptable JSON value.</exception>
    public static JsonTree Read(ReadOnlySpan<byte> utf8, string rootPath = "$", string? source = null)
    {
        if (utf8 is [0xEF, 0xBB, 0xBF, ..])
        {
            utf8 = utf8[3..];
        }

        if (WideEncoding(utf8) is { } encoding)
        {
            throw Fail(rootPath, $"is encoded as {encoding}; save it as UTF-8 (a byte-order mark is optional).", source);
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw Fail(rootPath, "is empty (no bytes, or only whitespace, is malformed JSON); expected an object ({...}).", source);
        }

        var reader = new Utf8JsonReader(utf8, Options);
        var at = new Position(rootPath);
        try
        {
            reader.Read();
            var root = Value(ref reader, rootPath, at, source);
            at.Path = rootPath;
            reader.Read(); // throws when anything but whitespace or comments follows the root value
            return root;
        }
        catch (JsonException e)
        {
            // The reader's own message quotes the offending character; report the position only.
            throw Fail(at.Path, string.Create(CultureInfo.InvariantCulture, $"the JSON is malformed at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}; fix the syntax there (a missing comma, quote or bracket, or text after the end of the document)."), source);
        }
    }

    private static JsonTree Value(ref Utf8JsonReader reader, string path, Position at, string? source)
    {
        at.Path = path;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                CheckDepth(ref reader, path, source);
                return Object(ref reader, path, at, source);
            case JsonTokenType.StartArray:
                CheckDepth(ref reader, path, source);
                var items = new List<JsonTree>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Value(ref reader, $"{path}[{items.Count}]", at, source));
                    at.Path = path;
                }

                return new JsonTree(JsonValueKind.Array, path, items: items);
            case JsonTokenType.String:
                return new JsonTree(JsonValueKind.String, path, Text(ref reader, path, "a string", source));
            case JsonTokenType.Number:
                return new JsonTree(JsonValueKind.Number, path, System.Text.Encoding.ASCII.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JsonTree(JsonValueKind.True, path);
            case JsonTokenType.False:
                return new JsonTree(JsonValueKind.False, path);
            default:
                return new JsonTree(JsonValueKind.Null, path);
        }
    }

    private static JsonTree Object(ref Utf8JsonReader reader, string path, Position at, string? source)
    {
        var members = new List<KeyValuePair<string, JsonTree>>();
        HashSet<string>? seen = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Text(ref reader, path, "a field name", source);
            var member = JsonTree.Member(path, name);
            at.Path = member;
            if (IsRepeated(members, ref seen, name))
            {
                var first = members.First(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)).Key;
                var problem = string.Equals(first, name, StringComparison.Ordinal)
                    ? "is given twice in one object; readers disagree on which copy counts, so keep exactly one."
                    : $"repeats {JsonTree.Member(path, first)} (the names differ only in case); readers disagree on which one counts, so keep exactly one.";
                throw new JsonInputException(member, problem, malformed: false, Message(member, problem, source));
            }

            reader.Read();
            members.Add(new(name, Value(ref reader, member, at, source)));
            at.Path = path;
        }

        return new JsonTree(JsonValueKind.Object, path, members: members);
    }

    // Whether an earlier member has the name, ignoring case. Most objects have a few members and are scanned; from
    // SmallObject members on, a set keeps the check linear however many members a hostile document holds.
    private static bool IsRepeated(List<KeyValuePair<string, JsonTree>> members, ref HashSet<string>? seen, string name)
    {
        const int SmallObject = 8;
        if (seen is null && members.Count < SmallObject)
        {
            foreach (var member in members)
            {
                if (string.Equals(member.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        if (seen is null)
        {
            seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var member in members)
            {
                seen.Add(member.Key);
            }
        }

        return !seen.Add(name);
    }

    private static string Text(ref Utf8JsonReader reader, string path, string what, string? source)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Fail(path, $"holds {what} that is not valid text: bytes that are not UTF-8, or a \\u escape that is half of a surrogate pair; save the file as UTF-8 and escape characters beyond U+FFFF as a pair such as \\ud83d\\ude00.", source);
        }
    }

    private static void CheckDepth(ref Utf8JsonReader reader, string path, string? source)
    {
        if (reader.CurrentDepth >= MaxDepth)
        {
            throw Fail(path, $"nests objects and arrays deeper than {MaxDepth} levels; no posture or platform document needs that many, so flatten it.", source);
        }
    }

    // UTF-16 and UTF-32 by their byte-order marks, or by the zero bytes around the ASCII first character.
    private static string? WideEncoding(ReadOnlySpan<byte> bytes) =>
        bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] or [not 0, 0, 0, 0, ..] => "UTF-32 (little-endian)",
            [0x00, 0x00, 0xFE, 0xFF, ..] or [0, 0, 0, not 0, ..] => "UTF-32 (big-endian)",
            [0xFF, 0xFE, ..] or [not 0, 0, ..] => "UTF-16 (little-endian)",
            [0xFE, 0xFF, ..] or [0, not 0, ..] => "UTF-16 (big-endian)",
            _ => null,
        };

    private static JsonInputException Fail(string path, string problem, string? source) =>
        new(path, problem, malformed: true, Message(path, problem, source));

    private static string Message(string path, string problem, string? source) =>
        source is null ? $"{path}: {problem}" : $"{source}: {path}: {problem}";

    // The path being read, for syntax errors raised by the reader itself.
    private sealed class Position(string path)
    {
        public string Path { get; set; } = path;
    }
}
