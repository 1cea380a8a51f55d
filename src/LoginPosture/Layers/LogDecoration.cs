namespace LoginPosture.Layers;

/// <summary>The severity a log line was written at, as its decoration states it; <see cref="None"/> when it states none.</summary>
internal enum LogLevel : byte
{
    None = 0,
    Debug,
    Info,
    Warning,
    Error,
}

/// <summary>What a Client Portal auth-status object written into a line says about the session.</summary>
internal enum PortalState : byte
{
    None = 0,
    Healthy,
    NotAuthenticated,
    Competing,
    NotConnected,
}

/// <summary>A part of a line: a start and a length; empty when the line has no such part.</summary>
internal readonly record struct Segment(int Start, int Length)
{
    public bool IsEmpty => Length == 0;

    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}

/// <summary>The header of a log line: its level, timestamp and source, and the message that follows them.</summary>
internal readonly record struct LogHeader(LogLevel Level, Segment Timestamp, Segment Source, Segment Message);

/// <summary>
/// The decoration of one log line, found by <see cref="LogDecorationParser"/> without allocating: the level, timestamp
/// and source (logger, container or tool) written before the message, the message itself, an HTTP status that a web-API
/// wrapper printed (ibind's <c>:: 400 :: Bad Request ::</c>, requests' <c>HTTPError: 500 Server Error</c>), a JSON or
/// Python-dict body, the body's <c>error</c> text, and the state of a Client Portal auth-status object in the line.
/// </summary>
internal readonly struct LogDecoration
{
    public LogLevel Level { get; init; }

    public Segment Timestamp { get; init; }

    public Segment Source { get; init; }

    public Segment Message { get; init; }

    public int? HttpStatus { get; init; }

    public Segment Body { get; init; }

    public Segment ErrorText { get; init; }

    public PortalState Portal { get; init; }

    /// <summary>Whether the line says it was written as a trace, debug or info record (or comes from IBC, which logs its steps).</summary>
    public bool IsInformationalLevel => Level is LogLevel.Debug or LogLevel.Info;
}
