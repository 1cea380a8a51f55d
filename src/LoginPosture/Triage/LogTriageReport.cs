using System.Globalization;

namespace LoginPosture.Triage;

/// <summary>
/// What a log says, folded by cause: one entry per distinct cause however many lines it explains, the root cause
/// (the lowest failing layer, the one to fix first) and the timeline of failing layers. Its size grows with the number
/// of distinct causes, never with the number of lines.
/// </summary>
/// <remarks>
/// Timestamps are read from the start of each line (TWS, IB Gateway, IBC, IBeam and python logging, ISO-8601 and
/// docker forms). A time with an offset is given in UTC; a time without one as written (its <see cref="DateTime.Kind"/>
/// is <see cref="DateTimeKind.Unspecified"/>). A time of day alone takes the date before it, moving to the next day
/// at midnight; with no date anywhere (and no <see cref="LogTriageOptions.StartDate"/>) it is dated from year 1.
/// </remarks>
public sealed class LogTriageReport
{
    private readonly LogTriageCounts _counts;

    internal LogTriageReport(LogTriageCounts counts, List<TriageCause> causes, TriageCause? root, List<TriageStage> timeline)
    {
        _counts = counts;
        Causes = causes;
        Root = root;
        Timeline = timeline;
        var findings = new List<Finding>();
        foreach (var cause in causes)
        {
            if (cause.Cause.IsFailure)
            {
                findings.Add(ToFinding(cause));
            }
        }

        Findings = FindingOrder.Sort(findings);
        Notes = NotesOf(counts);
    }

    /// <summary>Every line read, blank, invalid and truncated ones included.</summary>
    public long Lines => _counts.Lines;

    /// <summary>Lines holding nothing but whitespace: counted, not classified.</summary>
    public long BlankLines => _counts.Blank;

    /// <summary>Lines classified as a failure.</summary>
    public long FailingLines => _counts.Failing;

    /// <summary>Lines that are not valid UTF-8 (a stream only): counted and skipped, never classified.</summary>
    public long InvalidUtf8Lines => _counts.Invalid;

    /// <summary>Lines longer than <see cref="LogTriageOptions.MaxLineLength"/>: classified by their first part.</summary>
    public long TruncatedLines => _counts.Truncated;

    /// <summary>Every cause seen, failures first bottom-up (by layer, then severity descending, then id), informational causes after.</summary>
    public IReadOnlyList<TriageCause> Causes { get; }

    /// <summary>The cause to fix first: the lowest failing layer, its most severe cause, then the earliest; null when nothing failed.</summary>
    public TriageCause? Root { get; }

    /// <summary>The failing layers in the order they started failing.</summary>
    public IReadOnlyList<TriageStage> Timeline { get; }

    /// <summary>One finding per failing cause, bottom-up: its count, first and last time, and a redacted example in the message.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>What the reader had to skip or cut (invalid UTF-8, over-long lines), in words; empty when nothing was.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>How many findings are at or above a severity (a CI gate).</summary>
    /// <param name="severity">The lowest severity counted.</param>
    /// <returns>The number of findings at or above it.</returns>
    public int CountAtOrAbove(Severity severity)
    {
        var count = 0;
        foreach (var finding in Findings)
        {
            count += finding.Severity >= severity ? 1 : 0;
        }

        return count;
    }

    /// <summary>A timestamp as the report writes it: <c>2024-05-01 09:15:02</c> (UTC marked with Z), the time alone when the log gave no date.</summary>
    /// <param name="time">The timestamp.</param>
    /// <returns>The text; "-" for null.</returns>
    public static string FormatTime(DateTime? time) => time switch
    {
        null => "-",
        { Year: 1 } t => t.ToString(t.Day > 1 ? "'day '%d' 'HH:mm:ss" : "HH:mm:ss", CultureInfo.InvariantCulture),
        { Kind: DateTimeKind.Utc } t => t.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        { } t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    };

    private static Finding ToFinding(TriageCause cause)
    {
        var lines = cause.Count == 1 ? "1 line" : string.Create(CultureInfo.InvariantCulture, $"{cause.Count} lines");
        var when = string.Create(CultureInfo.InvariantCulture, $"first at line {cause.FirstLine} ({FormatTime(cause.FirstSeen)}), last at line {cause.LastLine} ({FormatTime(cause.LastSeen)})");
        return new Finding(cause.Cause.Id, cause.Cause.Severity, cause.Cause.Layer, $"{lines}: {cause.Cause.Title} {when}. Example: \"{cause.Example}\"", cause.Cause.Fix, cause.Anchor);
    }

    private static List<string> NotesOf(in LogTriageCounts counts)
    {
        var notes = new List<string>();
        if (counts.Invalid > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{counts.Invalid} line(s) are not valid UTF-8 (the first is line {counts.FirstInvalid}); they were skipped, not classified."));
        }

        if (counts.Truncated > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{counts.Truncated} line(s) are longer than the line limit (the first is line {counts.FirstTruncated}); each was classified by its first part."));
        }

        return notes;
    }
}

/// <summary>The line counts of a triage run.</summary>
internal readonly record struct LogTriageCounts(long Lines, long Blank, long Failing, long Invalid, long Truncated, long? FirstInvalid, long? FirstTruncated);
