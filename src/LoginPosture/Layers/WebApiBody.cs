#if NET9_0_OR_GREATER
using System.Buffers;
#endif

namespace LoginPosture.Layers;

/// <summary>
/// The web-API parts of a log line: an HTTP status that a wrapper printed and the response body the line carries, with
/// the body's <c>error</c> text. Allocation-free; the parts are segments of the line.
/// </summary>
internal static class WebApiBody
{
    // ibind: "... :: 400 :: Bad Request :: {json}"; requests: "HTTPError: 500 Server Error: ..."; a body the line ends with.
    public static (int? Status, Segment Body) Find(ReadOnlySpan<char> line, Segment message)
    {
        int? status = null;
        var body = default(Segment);
        var noWrapper = HasNoWrapper(line);
        var wrapped = noWrapper ? -1 : line.IndexOf(" :: ", StringComparison.Ordinal);
        if (wrapped >= 0)
        {
            status = ThreeDigits(line, wrapped + 4);
            var last = line.LastIndexOf(" :: ", StringComparison.Ordinal) + 4;
            var tail = line[last..].TrimStart();
            body = tail is ['{', ..] ? new Segment(line.Length - tail.Length, tail.TrimEnd().Length) : body;
        }

        status ??= noWrapper ? null : RequestsStatus(line);

        if (body.IsEmpty)
        {
            var text = message.Of(line);
            var open = text.IndexOf('{');
            var trimmed = text.TrimEnd();
            if (open >= 0 && trimmed.Length > 0 && trimmed[^1] is '}' or ',')
            {
                body = new Segment(message.Start + open, trimmed.Length - open);
            }
        }

        return (status, body);
    }

    /// <summary>The status a wrapper printed: ibind's <c>:: 400 ::</c> or requests' <c>HTTPError: 500 Server Error</c>.</summary>
    public static int? Status(ReadOnlySpan<char> line)
    {
        if (HasNoWrapper(line))
        {
            return null;
        }

        var wrapped = line.IndexOf(" :: ", StringComparison.Ordinal);
        return (wrapped >= 0 ? ThreeDigits(line, wrapped + 4) : null) ?? RequestsStatus(line);
    }

#if NET9_0_OR_GREATER
    private static readonly SearchValues<string> WrapperMarks = SearchValues.Create([" :: ", "HTTPError: "], StringComparison.Ordinal);
#endif

    // True when neither wrapper's mark is in the line (one search for both, where the runtime offers it): most lines.
    private static bool HasNoWrapper(ReadOnlySpan<char> line) =>
#if NET9_0_OR_GREATER
        !line.ContainsAny(WrapperMarks);
#else
        false;
#endif

    private static int? RequestsStatus(ReadOnlySpan<char> line)
    {
        var httpError = line.IndexOf("HTTPError: ", StringComparison.Ordinal);
        return httpError >= 0 ? ThreeDigits(line, httpError + 11) : null;
    }

    private static int? ThreeDigits(ReadOnlySpan<char> line, int i) =>
        i + 3 <= line.Length && char.IsAsciiDigit(line[i]) && char.IsAsciiDigit(line[i + 1]) && char.IsAsciiDigit(line[i + 2])
            && (i + 3 == line.Length || !char.IsAsciiDigit(line[i + 3]))
            && ((line[i] - '0') * 100) + ((line[i + 1] - '0') * 10) + (line[i + 2] - '0') is var value && value is >= 100 and <= 599
            ? value
            : null;

    // The value of the body's first "error" (or 'error') key, when it is a string.
    public static Segment ErrorText(ReadOnlySpan<char> line, Segment body)
    {
        var text = body.Of(line);
        var key = text.IndexOf("error", StringComparison.Ordinal);
        while (key > 0)
        {
            var quote = text[key - 1];
            var j = key + 5;
            if (quote is '"' or '\'' && j < text.Length && text[j] == quote)
            {
                j++;
                while (j < text.Length && text[j] is ' ' or ':')
                {
                    j++;
                }

                if (j < text.Length && text[j] is '"' or '\'')
                {
                    var close = text[(j + 1)..].IndexOf(text[j]);
                    return close < 0 ? default : new Segment(body.Start + j + 1, close);
                }
            }

            var further = text[(key + 5)..].IndexOf("error", StringComparison.Ordinal);
            key = further < 0 ? -1 : key + 5 + further;
        }

        return default;
    }
}
