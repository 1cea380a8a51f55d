namespace LoginPosture.Layers;

/// <summary>Level names as loggers print them, and the level field of structured (JSON) log lines.</summary>
internal static class LogLevels
{
    // Level names as loggers print them: upper case anywhere in the header, any case when followed by a colon.
    public static LogLevel Of(ReadOnlySpan<char> word, bool anyCase)
    {
        // Most header words are not levels: reject them on length and first letter before comparing.
        if (word.Length is < 3 or > 8 || (word[0] | 0x20) is not ('t' or 'd' or 'v' or 'i' or 'n' or 'w' or 'e' or 'c' or 'f' or 's'))
        {
            return LogLevel.None;
        }

        if (!anyCase)
        {
            foreach (var c in word)
            {
                if (!char.IsAsciiLetterUpper(c))
                {
                    return LogLevel.None;
                }
            }
        }

        return Is(word, "INFO") || Is(word, "INF") || Is(word, "NOTICE") ? LogLevel.Info
            : Is(word, "ERROR") || Is(word, "ERR") || Is(word, "CRIT") || Is(word, "CRITICAL") || Is(word, "FATAL") || Is(word, "SEVERE") ? LogLevel.Error
            : Is(word, "WARN") || Is(word, "WARNING") || Is(word, "WRN") ? LogLevel.Warning
            : Is(word, "DEBUG") || Is(word, "TRACE") || Is(word, "DBG") || Is(word, "VERBOSE") ? LogLevel.Debug
            : LogLevel.None;
    }

    private static bool Is(ReadOnlySpan<char> word, string level) =>
        word.Length == level.Length && word.Equals(level, StringComparison.OrdinalIgnoreCase);

    // {"level":"info", ...}: zap, logrus and most JSON loggers.
    public static LogLevel Structured(ReadOnlySpan<char> line)
    {
        var at = line.IndexOf("\"level\":\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return LogLevel.None;
        }

        var value = line[(at + 9)..];
        var close = value.IndexOf('"');
        return close > 0 ? Of(value[..close], anyCase: true) : LogLevel.None;
    }
}
