namespace LoginPosture.Layers;

/// <summary>
/// Reads the decoration of a log line without allocating (see <see cref="LogDecoration"/>). The header (everything
/// before the message) is read left to right as a run of elements, each optional and in any order: whitespace, a
/// timestamp (<c>2024-05-01 09:15:02,311</c>, <c>20260423 04:15:03.635</c>, <c>06:17:00:609</c>, <c>3:07PM</c>, an
/// epoch in milliseconds), a level (<c>|I|</c>, <c>[ERROR]</c>, <c>INFO</c>, <c>ERROR::</c>, <c>Warning:</c>), a
/// bracketed thread name, a docker-compose container prefix (<c>ibeam  | </c>), a logger name (<c>ib_insync.client</c>,
/// <c>ERROR:ibapi.wrapper:</c>) or IBC's <c>IBC:</c>. The first element that is none of these starts the message.
/// Structured lines (<c>{"level":"info",...}</c>) give their level from the <c>level</c> field.
/// </summary>
internal static class LogDecorationParser
{
    // A decoration never runs further than this; a longer header is read as message.
    private const int HeaderLimit = 160;

    /// <summary>Every part of the decoration: the header, the web-API status and body, the Client Portal status.</summary>
    public static LogDecoration Parse(ReadOnlySpan<char> line)
    {
        var header = Header(line);
        var (status, body) = WebApiBody.Find(line, header.Message);
        return new LogDecoration
        {
            Level = header.Level,
            Timestamp = header.Timestamp,
            Source = header.Source,
            Message = header.Message,
            HttpStatus = status,
            Body = body,
            ErrorText = body.IsEmpty ? default : WebApiBody.ErrorText(line, body),
            Portal = PortalStatus.Read(body.IsEmpty ? header.Message.Of(line) : body.Of(line)),
        };
    }

    /// <summary>The header alone: level, timestamp and source, and where the message starts.</summary>
    public static LogHeader Header(ReadOnlySpan<char> line)
    {
        var level = LogLevel.None;
        Segment timestamp = default, source = default;
        var i = 0;
        while (i < line.Length && i < HeaderLimit)
        {
            var c = line[i];
            if (c is ' ' or '\t' or '>' or '|' && !IsPipeLevel(line, i, ref level))
            {
                i++;
                continue;
            }

            if (c == '|')
            {
                i += 3;
                continue;
            }

            if (char.IsAsciiDigit(c) && Timestamp(line, i) is var end && end > i)
            {
                timestamp = timestamp.IsEmpty ? new Segment(i, end - i) : timestamp;
                i = end;
                continue;
            }

            if (c == '[' && line[(i + 1)..].IndexOf(']') is var close && close is > 0 and < 40)
            {
                var inner = line.Slice(i + 1, close).Trim();
                level = LogLevels.Of(inner, anyCase: true) is var bracketed && bracketed != LogLevel.None ? bracketed : level;
                i += close + 2;
                continue;
            }

            if (c == '-' && i + 1 < line.Length && line[i + 1] == ' ' && (!timestamp.IsEmpty || !source.IsEmpty))
            {
                i += 2;
                continue;
            }

            if (!char.IsAsciiLetter(c) || !Word(line, i, ref level, ref source, out var next))
            {
                break;
            }

            i = next;
            if (source.Length == 3 && line.Slice(source.Start, 3).SequenceEqual("IBC"))
            {
                // IBC writes every step of a login without a level; what it reports is a step unless its words say otherwise.
                level = level == LogLevel.None ? LogLevel.Info : level;
                break;
            }
        }

        i = CallbackPrefix(line, Math.Min(i, line.Length));
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        var message = new Segment(i, line.Length - i);
        return new LogHeader(level == LogLevel.None && message.Of(line).TrimStart() is ['{', ..] ? LogLevels.Structured(line) : level, timestamp, source, message);
    }

    // The error callback's own print: "Error 354, reqId 3: ", "Warning 2104, reqId -1: " (ib_insync, ib_async),
    // "-1 2104 " after ibapi's "ERROR", "Error. Id: 7, Code: 200, Msg: " (the official samples). Its "Error" names the
    // callback, not the outcome (TWS sends notices through it), so it is decoration, not a word of the message.
    private static int CallbackPrefix(ReadOnlySpan<char> line, int i)
    {
        var rest = line[i..];
        if (rest.StartsWith("Error. Id: ", StringComparison.Ordinal) && rest.IndexOf(", Msg: ", StringComparison.Ordinal) is var msg && msg > 0)
        {
            return i + msg + 7;
        }

        var j = i;
        if (rest.StartsWith("Error ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("Warning ", StringComparison.OrdinalIgnoreCase))
        {
            j = i + rest.IndexOf(' ') + 1;
        }

        // Numbers, "reqId" and their punctuation, as long as a number comes first.
        var k = j;
        while (k < line.Length && (char.IsAsciiDigit(line[k]) || line[k] is '-' or ',' or ':' or ' '
            || (line[k..].StartsWith("reqId", StringComparison.Ordinal) && (k += 4) > 0)))
        {
            k++;
        }

        return k > j && (char.IsAsciiDigit(line[j]) || (line[j] == '-' && j + 1 < line.Length && char.IsAsciiDigit(line[j + 1]))) ? k : i;
    }

    // "|I|", "|E|", "|W|", "|D|": IBeam's level between pipes; any other pipe is a separator.
    private static bool IsPipeLevel(ReadOnlySpan<char> line, int i, ref LogLevel level)
    {
        if (line[i] != '|' || i + 2 >= line.Length || line[i + 2] != '|')
        {
            return false;
        }

        var parsed = line[i + 1] switch
        {
            'D' or 'T' => LogLevel.Debug,
            'I' => LogLevel.Info,
            'W' => LogLevel.Warning,
            'E' or 'C' or 'F' => LogLevel.Error,
            _ => LogLevel.None,
        };
        level = parsed == LogLevel.None ? level : parsed;
        return parsed != LogLevel.None;
    }

    // The end of a timestamp starting at i, or i when the digits there are not one (a code such as "354 - ...").
    private static int Timestamp(ReadOnlySpan<char> line, int i)
    {
        var j = i;
        int digits = 0, colons = 0, dashes = 0;
        while (j < line.Length)
        {
            var c = line[j];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is ':' or '.' or ',' or '-' or '/' or 'T' or 'Z' or '+')
            {
                colons += c == ':' ? 1 : 0;
                dashes += c is '-' or '/' ? 1 : 0;
            }
            else if (!(c == ' ' && j + 1 < line.Length && char.IsAsciiDigit(line[j + 1]) && char.IsAsciiDigit(line[j - 1]) && (colons > 0 || dashes > 0 || digits == 8)))
            {
                break;
            }

            j++;
        }

        if (j + 1 < line.Length && line[j] is 'A' or 'P' && line[j + 1] == 'M')
        {
            j += 2;
        }

        var valid = colons > 0 || (dashes >= 2 && digits >= 6) || (digits >= 8 && digits == j - i);
        return valid && (j == line.Length || !char.IsAsciiLetterOrDigit(line[j]) || line[j] == ' ') ? j : i;
    }

    // A word of the header: a level, IBC's "IBC:", a container name before " | ", or a logger name. False: the message starts.
    private static bool Word(ReadOnlySpan<char> line, int i, ref LogLevel level, ref Segment source, out int next)
    {
        var end = i;
        var dotted = false;
        while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] is '_' or '.' or '-'))
        {
            dotted |= line[end] is '_' or '.';
            end++;
        }

        var word = line[i..end];
        var after = end < line.Length ? line[end] : '\0';
        next = end;
        if (LogLevels.Of(word, anyCase: false) is var upper && upper != LogLevel.None && !char.IsAsciiLetterOrDigit(after))
        {
            level = upper;
            while (next < line.Length && line[next] == ':')
            {
                next++;
            }

            return true;
        }

        if (after == ':' && LogLevels.Of(word, anyCase: true) is var mixed && mixed != LogLevel.None)
        {
            level = mixed;
            next = end + 1;
            return true;
        }

        if (word is "STDERR" or "STDOUT")
        {
            return true;
        }

        // "Brokerage Warning: ..." (Lean): a source word, then a level in any case with its colon.
        if (after == ' ' && LeveledColon(line, end + 1, out var named, out var afterColon))
        {
            source = source.IsEmpty ? new Segment(i, end - i) : source;
            level = named;
            next = afterColon;
            return true;
        }

        var rest = line[end..];
        var spaces = rest.Length - rest.TrimStart(' ').Length;
        var isContainer = rest.Length > spaces + 1 && rest[spaces] == '|' && rest[spaces + 1] == ' ' && spaces > 0;
        var isIbc = word.SequenceEqual("IBC") && after == ':';
        var isLogger = dotted && (after == ':' || (after == ' ' && NextIsLevelOrDash(line, end + 1)));
        if (isContainer || isIbc || isLogger)
        {
            source = source.IsEmpty || isIbc ? new Segment(i, end - i) : source;
            next = isContainer ? end + spaces + 2 : isIbc || after == ':' ? end + 1 : end;
            return true;
        }

        return false;
    }

    private static bool LeveledColon(ReadOnlySpan<char> line, int i, out LogLevel level, out int next)
    {
        var end = i;
        while (end < line.Length && char.IsAsciiLetter(line[end]))
        {
            end++;
        }

        level = end < line.Length && line[end] == ':' ? LogLevels.Of(line[i..end], anyCase: true) : LogLevel.None;
        next = end + 1;
        return level != LogLevel.None;
    }

    private static bool NextIsLevelOrDash(ReadOnlySpan<char> line, int i)
    {
        if (i < line.Length && line[i] == '-')
        {
            return true;
        }

        var end = i;
        while (end < line.Length && char.IsAsciiLetter(line[end]))
        {
            end++;
        }

        return LogLevels.Of(line[i..end], anyCase: false) != LogLevel.None;
    }
}
