using LoginPosture.Layers;

namespace LoginPosture.Triage;

/// <summary>
/// Reads the timestamp a log line starts with, without allocating. Recognised: python logging and IBeam
/// (<c>2024-05-01 09:15:02,311</c>), ISO-8601 and docker's RFC 3339 (<c>2025-01-07T01:41:49.123456789Z</c>, an offset
/// such as <c>+02:00</c> or <c>+0200</c>), slashed dates (<c>2024/05/01 09:15:02</c>), the TWS API log
/// (<c>20260423 04:15:03.635</c>, <c>20260423-04:15:03</c>), and the time-only forms of TWS, IB Gateway and IBC logs
/// (<c>06:17:00:609</c>, <c>09:15:02.311</c>, <c>3:07PM</c>), plus an epoch in milliseconds (13 digits).
/// A time with an offset is converted to UTC; a time without one is kept as written. A time-only form has no date:
/// <see cref="TriageClock"/> gives it one.
/// </summary>
internal static class LogTimestamp
{
    /// <summary>What a line's timestamp holds: a full date and time, a time of day only, or nothing.</summary>
    public enum Kind : byte
    {
        None = 0,
        DateTime,
        TimeOnly,
    }

    // Where the header's timestamp is looked for when the line does not start with one.
    private const int SearchLimit = 96;

    /// <summary>The timestamp of a line: at its start (after spaces or a bracket) or where the header parser finds one.</summary>
    public static Kind Find(ReadOnlySpan<char> line, out DateTime value) => At(line, Locate(line), out value);

    /// <summary>The timestamp that starts at <paramref name="index"/> (from <see cref="Locate"/>); none for -1.</summary>
    public static Kind At(ReadOnlySpan<char> line, int index, out DateTime value)
    {
        value = default;
        return index < 0 || index >= line.Length ? Kind.None : Parse(line[index..], out value);
    }

    /// <summary>
    /// Where a line's timestamp would start, or -1: at its start after spaces or a bracket, or where the header parser
    /// puts it. Depends only on the line's shape (the header parser counts digits, it does not read them), so lines
    /// that differ only in their timestamps' digits share it.
    /// </summary>
    public static int Locate(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && i < SearchLimit && line[i] is ' ' or '\t' or '[')
        {
            i++;
        }

        if (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            return i;
        }

        // A level, logger or container name first ("ibeam  | 2024-...", "INFO 2024-..."): the header parser knows them.
        var header = LogDecorationParser.Header(line.Length > SearchLimit * 2 ? line[..(SearchLimit * 2)] : line);
        return header.Timestamp.IsEmpty ? -1 : header.Timestamp.Start;
    }

    /// <summary>Parses a timestamp at the start of <paramref name="text"/>; trailing text is ignored.</summary>
    public static Kind Parse(ReadOnlySpan<char> text, out DateTime value) => Parse(text, out value, out _);

    /// <summary>Parses a timestamp at the start of <paramref name="text"/> and says how many characters it took.</summary>
    public static Kind Parse(ReadOnlySpan<char> text, out DateTime value, out int length)
    {
        value = default;
        length = 0;
        var n = Digits(text, 0, out var first);
        if (n == 4 && At(text, 4) is '-' or '/')
        {
            // yyyy-MM-dd or yyyy/MM/dd, then 'T' or ' ' or '_' and a time.
            if (Digits(text, 5, out var month) != 2 || At(text, 7) != text[4] || Digits(text, 8, out var day) != 2)
            {
                return Kind.None;
            }

            return Dated(text, (int)first, (int)month, (int)day, 10, requireTime: false, out value, out length);
        }

        if (n == 8 && At(text, 8) is ' ' or '-' or 'T')
        {
            return Dated(text, (int)(first / 10000), (int)(first / 100 % 100), (int)(first % 100), 8, requireTime: true, out value, out length);
        }

        if (n == 13 && !char.IsAsciiLetterOrDigit(At(text, 13)))
        {
            // An epoch in milliseconds: 2001-09-09 (10^12 ms) to 2286.
            value = DateTime.UnixEpoch.AddMilliseconds(first);
            length = 13;
            return Kind.DateTime;
        }

        if (n is 1 or 2 && At(text, n) == ':' && Time(text, 0, out var time, out length))
        {
            value = DateTime.MinValue + time;
            return Kind.TimeOnly;
        }

        return Kind.None;
    }

    private static Kind Dated(ReadOnlySpan<char> text, int year, int month, int day, int at, bool requireTime, out DateTime value, out int length)
    {
        value = default;
        length = at;
        if (year is < 1970 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Kind.None;
        }

        var date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        if (At(text, at) is not (' ' or 'T' or '-' or '_') || !Time(text, at + 1, out var time, out var end))
        {
            // A date alone is a timestamp too (midnight), as long as it ends there.
            value = date;
            return requireTime || char.IsAsciiDigit(At(text, at)) ? Kind.None : Kind.DateTime;
        }

        value = date + time;
        length = end;
        if (Offset(text, end, out var offset, out var utc, out var zone))
        {
            length = end + zone;
            value = DateTime.SpecifyKind(value - offset, DateTimeKind.Utc);
        }
        else if (utc)
        {
            length = end + 1;
            value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        return Kind.DateTime;
    }

    // HH:mm[:ss][(.|,|:)fraction][ ][AM|PM]
    private static bool Time(ReadOnlySpan<char> text, int at, out TimeSpan time, out int end)
    {
        time = default;
        end = at;
        var hourDigits = Digits(text, at, out var hour);
        if (hourDigits is not (1 or 2) || At(text, at + hourDigits) != ':' || Digits(text, at + hourDigits + 1, out var minute) != 2)
        {
            return false;
        }

        var i = at + hourDigits + 3;
        long second = 0, ticks = 0;
        if (At(text, i) == ':' && Digits(text, i + 1, out second) == 2)
        {
            i += 3;
            if (At(text, i) is '.' or ',' or ':' && Digits(text, i + 1, out _) is var fraction and > 0)
            {
                // Up to seven digits are ticks; more (docker's nanoseconds) are cut.
                for (var k = 0; k < 7; k++)
                {
                    ticks = (ticks * 10) + (k < fraction ? text[i + 1 + k] - '0' : 0);
                }

                i += 1 + fraction;
            }
        }

        var j = At(text, i) == ' ' ? i + 1 : i;
        if (At(text, j) is 'A' or 'P' or 'a' or 'p' && At(text, j + 1) is 'M' or 'm' && hour is >= 1 and <= 12)
        {
            hour = (hour % 12) + (At(text, j) is 'P' or 'p' ? 12 : 0);
            i = j + 2;
        }

        if (hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        time = new TimeSpan(0, (int)hour, (int)minute, (int)Math.Min(second, 59)) + TimeSpan.FromTicks(ticks);
        end = i;
        return true;
    }

    // Z, +hh:mm, -hh:mm, +hhmm, +hh (after an optional space for "+0000").
    private static bool Offset(ReadOnlySpan<char> text, int at, out TimeSpan offset, out bool utc, out int length)
    {
        offset = default;
        length = 0;
        utc = At(text, at) == 'Z';
        if (At(text, at) is not ('+' or '-'))
        {
            return false;
        }

        var sign = text[at] == '-' ? -1 : 1;
        var n = Digits(text, at + 1, out var value);
        long hours, minutes = 0;
        length = 1 + n;
        if (n == 4)
        {
            (hours, minutes) = (value / 100, value % 100);
        }
        else if (n == 2)
        {
            hours = value;
            if (At(text, at + 3) == ':' && Digits(text, at + 4, out var m) == 2)
            {
                minutes = m;
                length = 6;
            }
        }
        else
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(sign * (int)hours, sign * (int)minutes, 0);
        return true;
    }

    private static char At(ReadOnlySpan<char> text, int i) => (uint)i < (uint)text.Length ? text[i] : '\0';

    // The number of ASCII digits from i (at most 18 are read into value).
    private static int Digits(ReadOnlySpan<char> text, int i, out long value)
    {
        value = 0;
        var n = 0;
        while ((uint)(i + n) < (uint)text.Length && char.IsAsciiDigit(text[i + n]))
        {
            value = n < 18 ? (value * 10) + (text[i + n] - '0') : value;
            n++;
        }

        return n;
    }
}
