namespace LoginPosture.FsCheck;

/// <summary>The level a generated log line was written at, as its decoration states it.</summary>
public enum LogLineLevel
{
    /// <summary>The line states no level.</summary>
    None,

    /// <summary>TRACE, DEBUG or IBeam's <c>|D|</c>.</summary>
    Debug,

    /// <summary>INFO, IBeam's <c>|I|</c>, or an IBC step.</summary>
    Info,

    /// <summary>WARNING or IBeam's <c>|W|</c>.</summary>
    Warning,

    /// <summary>ERROR or IBeam's <c>|E|</c>.</summary>
    Error,
}

/// <summary>A generated raw log line in the shape one IBKR tool writes, with what a reader of it must find.</summary>
/// <param name="Line">The line.</param>
/// <param name="Tool">The tool whose shape it copies: IBeam, IBC, ib_insync, ib_async, ibapi, python-logging, Lean, samples, ibind, requests or json.</param>
/// <param name="Code">The TWS code written into the line, or <see langword="null"/>.</param>
/// <param name="HttpStatus">The HTTP status written into the line, or <see langword="null"/>.</param>
/// <param name="Level">The level the decoration states.</param>
/// <param name="Message">The text the line carries after its decoration.</param>
public sealed record RawLogLine(string Line, string Tool, int? Code, int? HttpStatus, LogLineLevel Level, string Message)
{
    internal object? Model { get; init; }

    /// <summary>The line, for counterexamples.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => Line;
}
