using LoginPosture.Layers;

namespace LoginPosture.Triage;

/// <summary>
/// Every line of a log that one cause explains, folded into one entry: how many, where and when the first and the
/// last were written, and the first as a redacted example.
/// </summary>
public sealed class TriageCause
{
    internal TriageCause(FailureCause cause, string anchor, long count, long firstLine, long lastLine, DateTime? firstSeen, DateTime? lastSeen, string example)
    {
        Cause = cause;
        Anchor = anchor;
        Count = count;
        FirstLine = firstLine;
        LastLine = lastLine;
        FirstSeen = firstSeen;
        LastSeen = lastSeen;
        Example = example;
    }

    /// <summary>The cause, with its layer, retry advice, severity and remediation.</summary>
    public FailureCause Cause { get; }

    /// <summary>The public source behind the catalog row that matched the first line.</summary>
    public string Anchor { get; }

    /// <summary>How many lines the cause explains.</summary>
    public long Count { get; }

    /// <summary>The 1-based number of the first line the cause explains.</summary>
    public long FirstLine { get; }

    /// <summary>The 1-based number of the last line the cause explains.</summary>
    public long LastLine { get; }

    /// <summary>The timestamp of the first such line that carries one (see <see cref="LogTriageReport"/> for the formats); null when none did.</summary>
    public DateTime? FirstSeen { get; }

    /// <summary>The timestamp of the last such line that carries one; null when none did.</summary>
    public DateTime? LastSeen { get; }

    /// <summary>The first line the cause explains, with secrets redacted and cut to a few hundred characters.</summary>
    public string Example { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Cause.Id} x{Count}";
}
