using System.Numerics;

namespace LoginPosture.Layers;

/// <summary>
/// Finds a TWS code or an HTTP status written into a log line, in one pass over its word starts and without
/// allocating. Only forms that client libraries print are recognised: a number right after the word <c>code</c>
/// (or <c>errorCode</c>, <c>errCode</c>), <c>error</c> or <c>warning</c> (<c>Error 354, reqId 3</c>, ibapi's
/// <c>ERROR -1 2104</c>), <c>HTTP</c> or <c>status</c>. A number counts only when it ends at a separator, so
/// timestamps (<c>2024-05-01</c>, <c>10:22:33</c>) and names such as <c>ConnectionRefusedError(111</c> are not codes.
/// </summary>
internal static class LogLineParser
{
    private const int MaxCodeDigits = 6;

    public static (int? Code, int? HttpStatus) Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return (null, null);
        }

        var found = new Found { StatusStart = -1 };
        for (var chunk = 0; chunk < text.Length; chunk += WordStarts.Width)
        {
            // Every token of interest starts with one of these letters; other words (numbers among them) are skipped unread.
            for (var bits = WordStarts.LetterChunk(text, chunk); bits != 0; bits &= bits - 1)
            {
                var start = chunk + BitOperations.TrailingZeroCount(bits);
                if ((text[start] | 0x20) is 'c' or 'e' or 'w' or 'h' or 's')
                {
                    ReadToken(text, start, ref found);
                }
            }
        }

        return (found.Code ?? found.Error ?? found.Warning, found.Http ?? found.Status);
    }

    // Reads the word starting at start when it may be a token of interest, keeping the first number after each kind.
    private static void ReadToken(ReadOnlySpan<char> text, int start, ref Found found)
    {
        // "status code 503": the status word is the word right before this one.
        var afterStatus = found.StatusStart >= 0 && NextWordStart(text, found.StatusStart) == start;
        var i = start;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        // Dispatch on length first so that most words cost one comparison or none.
        var word = text[start..i];
        switch (word.Length)
        {
            case 6 when Is(word, "status"):
            case 10 when Is(word, "statuscode"):
                found.Status ??= ReadStatus(text, i, word.Length == 6);
                found.StatusStart = start;
                break;
            case 4 when Is(word, "http"):
                found.Http ??= ReadStatus(text, i, mayBeFollowedByCode: false);
                break;
            case 4 when Is(word, "code"):
            case 7 when Is(word, "errcode"):
            case 9 when Is(word, "errorcode"):
                // "status code 503" is an HTTP status, read above.
                found.Code ??= afterStatus ? null : ReadCode(text, i);
                break;
            case 5 when Is(word, "error"):
                found.Error ??= ReadErrorCode(text, i);
                break;
            case 7 when Is(word, "warning"):
                found.Warning ??= ReadErrorCode(text, i);
                break;
        }
    }

    private struct Found
    {
        public int? Code;
        public int? Error;
        public int? Warning;
        public int? Http;
        public int? Status;
        public int StatusStart; // Where the last "status" word starts, or -1 (set by Parse).
    }

    // The start of the word after the one starting at i.
    private static int NextWordStart(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && WordStarts.IsWordChar(text[i]))
        {
            i++;
        }

        while (i < text.Length && !WordStarts.IsWordChar(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool Is(ReadOnlySpan<char> word, string token) => word.Equals(token, StringComparison.OrdinalIgnoreCase);

    // "HTTP 401", "HTTP/1.1 401", "status 503", "status code 503", "status=503", "statusCode: 503".
    private static int? ReadStatus(ReadOnlySpan<char> text, int i, bool mayBeFollowedByCode)
    {
        if (i < text.Length && text[i] == '/')
        {
            i++;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }
        }

        i = SkipSeparators(text, i);
        if (mayBeFollowedByCode && text[i..].StartsWith("code", StringComparison.OrdinalIgnoreCase))
        {
            i = SkipSeparators(text, i + 4);
        }

        return ReadNumber(text, i, out var value, out var digits, out _) && digits == 3 && value is >= 100 and <= 599 ? value : null;
    }

    // "Code: 2104", "errorCode=354", "code 200".
    private static int? ReadCode(ReadOnlySpan<char> text, int i) =>
        ReadNumber(text, SkipSeparators(text, i), out var value, out var digits, out _) && digits <= MaxCodeDigits && value >= 0 ? value : null;

    // "Error 354, reqId 3: ...", "Warning 2104, reqId -1: ...", "ERROR -1 2104 ..." (ibapi: reqId, then the code;
    // newer ibapi prints a millisecond timestamp between them). Of the numbers that follow the word, separated by
    // spaces only, the last one short enough to be a code wins.
    private static int? ReadErrorCode(ReadOnlySpan<char> text, int i)
    {
        int? code = null;
        i = SkipSeparators(text, i);
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

        return code;
    }

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
