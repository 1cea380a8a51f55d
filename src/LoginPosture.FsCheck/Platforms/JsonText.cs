using System.Text;
using System.Text.Json;

namespace LoginPosture.FsCheck;

// Writes generated platform responses: members in the order given, compact or indented like a pretty-printed body.
internal static class JsonText
{
    public static string Object(IEnumerable<(string Name, string Value)> members, bool indented, int depth = 0)
    {
        var text = new StringBuilder("{");
        var pad = new string(' ', 2 * (depth + 1));
        var first = true;
        foreach (var (name, value) in members)
        {
            text.Append(first ? "" : ",").Append(indented ? "\n" + pad : first ? "" : " ");
            text.Append(String(name)).Append(indented ? ": " : ":").Append(value);
            first = false;
        }

        return text.Append(indented && !first ? "\n" + new string(' ', 2 * depth) : "").Append('}').ToString();
    }

    public static string Array(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";

    public static string String(string value) => JsonSerializer.Serialize(value);

    public static string Bool(bool value, bool asString) => asString ? (value ? "\"true\"" : "\"false\"") : value ? "true" : "false";

    public static string Number(long value, bool asString) => asString ? $"\"{value}\"" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
