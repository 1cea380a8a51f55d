using System.Globalization;
using System.Text;
using LoginPosture.Triage;

namespace LoginPosture.Samples.Audit;

/// <summary>
/// Renders a triage for a person: what was read, the root cause, the timeline of failing layers, then one row per
/// failing cause bottom-up with its count, first and last time, a redacted example and the fix. Every line passes
/// through <see cref="TerminalText.Visible"/>: the log's text prints inert and on its own row.
/// </summary>
internal static class TriageTable
{
    private const int TimeWidth = 19;

    public static string Render(LogTriageReport report, string name)
    {
        var text = new StringBuilder();
        var counts = string.Join(", ", Enum.GetValues<Severity>().Reverse()
            .Select(s => (s, n: report.Findings.Count(f => f.Severity == s)))
            .Where(c => c.n > 0)
            .Select(c => $"{c.n} {c.s.ToString().ToLowerInvariant()}"));
        Line(text, $"LoginPosture triage: {name}");
        Line(text, string.Create(CultureInfo.InvariantCulture, $"{Lines(report.Lines)} read: {report.FailingLines:N0} failing, {report.BlankLines:N0} blank. Causes: {report.Causes.Count(c => c.Cause.IsFailure)} failing, {report.Causes.Count(c => !c.Cause.IsFailure)} informational. Findings: {(counts.Length == 0 ? "none" : counts)}."));
        foreach (var note in report.Notes)
        {
            Line(text, $"Note: {note}");
        }

        text.AppendLine();
        if (report.Root is not { } root)
        {
            Line(text, "No failures.");
            return text.ToString();
        }

        Line(text, string.Create(CultureInfo.InvariantCulture, $"Fix first: {root.Cause.Layer} / {root.Cause.Id} ({root.Cause.Retry}), first at line {root.FirstLine} ({LogTriageReport.FormatTime(root.FirstSeen)})"));
        Line(text, "Timeline: " + string.Join(" -> ", report.Timeline.Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"{s.Layer} failing from {LogTriageReport.FormatTime(s.FirstSeen)} (line {s.FirstLine}, {s.FirstCauseId}; {Lines(s.Lines)})"))));
        text.AppendLine();

        var failing = report.Causes.Where(c => c.Cause.IsFailure).ToArray();
        var idWidth = Math.Max(2, failing.Max(c => c.Cause.Id.Length));
        var countWidth = Math.Max(5, failing.Max(c => c.Count.ToString("N0", CultureInfo.InvariantCulture).Length));
        var indent = new string(' ', 9 + 1 + 12 + 1 + countWidth + 1);
        Line(text, $"{"SEVERITY",-9} {"LAYER",-12} {"COUNT".PadLeft(countWidth)} {"CAUSE".PadRight(idWidth)} {"FIRST",-TimeWidth} {"LAST",-TimeWidth}");
        foreach (var cause in failing)
        {
            Line(text, $"{cause.Cause.Severity.ToString().ToUpperInvariant(),-9} {cause.Cause.Layer,-12} {cause.Count.ToString("N0", CultureInfo.InvariantCulture).PadLeft(countWidth)} {cause.Cause.Id.PadRight(idWidth)} {LogTriageReport.FormatTime(cause.FirstSeen),-TimeWidth} {LogTriageReport.FormatTime(cause.LastSeen),-TimeWidth}");
            Line(text, string.Create(CultureInfo.InvariantCulture, $"{indent}{cause.Cause.Title} Lines {cause.FirstLine} to {cause.LastLine}."));
            Line(text, $"{indent}example: {cause.Example}");
            Line(text, $"{indent}fix: {cause.Cause.Fix}");
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(TerminalText.Visible(line.TrimEnd(' '))).Append('\n');

    private static string Lines(long n) => n == 1 ? "1 line" : n.ToString("N0", CultureInfo.InvariantCulture) + " lines";
}
