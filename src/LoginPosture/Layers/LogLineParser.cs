namespace LoginPosture.Layers;

/// <summary>
/// Finds a TWS code or an HTTP status written into a log line, without allocating. Only forms that client
/// libraries actually print are recognised, and a number counts only when it ends at a separator, so timestamps
/// (<c>2024-05-01</c>, <c>10:22:33</c>) and names such as <c>ConnectionRefusedError(111</c> are not mistaken for codes.
/// </summary>
internal static class LogLineParser
{
    private const int MaxCodeDigits = 6;

    public static (int? Code, int? HttpStatus) Parse(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return (null, null);
        }

        var text = line.AsSpan();
        var status = FindHttpStatus(text);
        var code = FindCode(text);
        code ??= FindErrorCode(text, "error");
        code ??= FindErrorCode(text, "warning");
        return (code, status);
    }

    // "HTTP 401", "HTTP/1.1 401", "status 503", "status code 503", "status=503".
    private static int? FindHttpStatus(ReadOnlySpan<char> text)
    {
        var fromHttp = FindStatusAfter(text, "http");
        return fromHttp ?? FindStatusAfter(text, "status");
    }

    private static int? FindStatusAfter(ReadOnlySpan<char> text, string token)
    {
        var start = 0;
        while (NextWord(text, token, ref start) is var at && at >= 0)
        {
            var i = at + token.Length;
            if (token == "http" && i < text.Length && text[i] == '/')
            {
                i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
            }

            i = SkipSeparators(text, i);
            if (token == "status" && StartsWithWord(text[i..], "code"))
            {
                i = SkipSeparators(text, i + 4);
            }

            if (ReadNumber(text, i, out var value, out var digits, out _) && digits == 3 && value is >= 100 and <= 599)
            {
                return value;
            }
        }

        return null;
    }

    // "Code: 2104", "errorCode=354", "code 200" (but not "status code 503", which is an HTTP status).
    private static int? FindCode(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (true)
        {
            var found = text[start..].IndexOf("code", StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return null;
            }

            var at = start + found;
            start = at + 4;
            if (text[..at].TrimEnd().EndsWith("status", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (ReadNumber(text, SkipSeparators(text, start), out var value, out var digits, out _) && digits <= MaxCodeDigits && value >= 0)
            {
                return value;
            }
        }
    }

    // "Error 354, reqId 3: ...", "Warning 2104, reqId -1: ...", "ERROR -1 2104 ..." (ibapi: reqId, then the code;
    // newer ibapi prints a millisecond timestamp between them). Of the numbers that follow the word, separated by
    // spaces only, the last one short enough to be a code wins.
    private static int? FindErrorCode(ReadOnlySpan<char> text, string token)
    {
        var start = 0;
        while (NextWord(text, token, ref start) is var at && at >= 0)
        {
            int? code = null;
            var i = SkipSeparators(text, at + token.Length);
            while (ReadNumber(text, i, out var value, out var digits, out var end))
            {
                if (digits <= MaxCodeDigits && value >= 0)
                {
                    code = value;
                }

                i = end;
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }

                if (i == end)
                {
                    break;
                }
            }

            if (code is not null)
            {
                return code;
            }
        }

        return null;
    }

    // The next occurrence of the token that starts a word (not "ConnectionRefusedError").
    private static int NextWord(ReadOnlySpan<char> text, string token, ref int start)
    {
        while (start < text.Length)
        {
            var found = text[start..].IndexOf(token, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                break;
            }

            var at = start + found;
            start = at + token.Length;
            if (at == 0 || !char.IsAsciiLetter(text[at - 1]))
            {
                return at;
            }
        }

        start = text.Length;
        return -1;
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsAsciiLetter(text[word.Length]));

    private static int SkipSeparators(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or ':' or '=' or '.' or '#' or '[' or '(' or '"' or '\'')
        {
            i++;
        }

        return i;
    }

    // An optionally negative integer that ends at a separator: the end, whitespace, , ; ) ] quotes, or a ':' or '.'
    // not followed by a digit (so "10:22" and "1.5" are not codes). Longer than six digits reads as a timestamp.
    private static bool ReadNumber(ReadOnlySpan<char> text, int i, out int value, out int digits, out int end)
    {
        value = 0;
        end = i;
        var negative = i < text.Length && text[i] == '-';
        var digitsStart = negative ? i + 1 : i;
        var j = digitsStart;
        while (j < text.Length && char.IsAsciiDigit(text[j]))
        {
            if (j - digitsStart < MaxCodeDigits)
            {
                value = (value * 10) + (text[j] - '0');
            }

            j++;
        }

        digits = j - digitsStart;
        if (digits == 0)
        {
            return false;
        }

        if (j < text.Length)
        {
            var c = text[j];
            var separator = char.IsWhiteSpace(c) || c is ',' or ';' or ')' or ']' or '"' or '\''
                || (c is ':' or '.' && (j + 1 >= text.Length || !char.IsAsciiDigit(text[j + 1])));
            if (!separator)
            {
                return false;
            }
        }

        value = negative ? -value : value;
        end = j;
        return true;
    }
}
