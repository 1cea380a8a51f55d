using System.Globalization;
using System.Text;
using LoginPosture;
using LoginPosture.Posture;
using LoginPosture.Tiers;

namespace LoginPosture.Samples.Audit;

/// <summary>
/// Renders a report for a person: a summary per engine, then every finding bottom-up by layer (the worst first
/// within a layer; severity is a column). Every line passes
/// through <see cref="TerminalText.Visible"/>, so text from the posture file prints inert and on its own row.
/// </summary>
internal static class AuditTable
{
    public static string Render(PostureReport report)
    {
        var text = new StringBuilder();
        var counts = string.Join(", ", Enum.GetValues<Severity>().Reverse()
            .Select(s => (s, n: report.Findings.Count(f => f.Severity == s)))
            .Where(c => c.n > 0)
            .Select(c => $"{c.n} {c.s.ToString().ToLowerInvariant()}"));
        Line(text, $"LoginPosture audit: {report.Account ?? "(unnamed account)"}");
        Line(text, $"As of {report.AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC. Overall grade {report.Grade}. Findings: {(counts.Length == 0 ? "none" : counts)}.");
        text.AppendLine();

        if (report.SecondFactors is { } factors)
        {
            var weakest = factors.TakeoverPaths.MinBy(p => p.BlockRate);
            Row(text, "Second factors", $"score {factors.Score}/100 ({factors.Grade}); lockout resilience {factors.LockoutResilience} (losing {string.Join(" + ", factors.LockoutDomains)} locks you out); weakest path: {weakest.Attack} via {weakest.Authenticator ?? "nothing"} ({weakest.BlockRate}% blocked)");
        }

        var label = "API keys";
        foreach (var key in report.ApiKeys)
        {
            Row(text, label, $"{key.Label}: severity {key.Severity?.ToString() ?? "none"}; keep {key.Minimal}; remove {(key.Excess == 0 ? "nothing" : key.Excess.ToString())}");
            label = "";
        }

        label = "Session checks";
        foreach (var (check, decision) in report.SessionChecks)
        {
            var why = decision.Verdict switch
            {
                TierVerdict.Allow => "",
                TierVerdict.StepUp => $" (authenticate with {decision.RequiredStrength} within {decision.MaxAge})",
                _ => $" ({string.Join(", ", decision.Unmet.Enumerate())})",
            };
            Row(text, label, $"{check.Name}: tier {(int)decision.Tier} {decision.Verdict}{why}");
            label = "";
        }

        if (report.Layers.Diagnoses.Count > 0)
        {
            var failures = report.Layers.Diagnoses.Count(d => d.IsFailure);
            var root = report.Layers.Root is { } r ? $"; fix first: {r.Layer} / {r.CauseId} ({r.Retry})" : "";
            Row(text, "Failure signals", $"{report.Layers.Diagnoses.Count} read, {failures} failing{root}");
        }

        text.AppendLine();
        if (report.Findings.Count == 0)
        {
            Line(text, "No findings.");
            return text.ToString();
        }

        // Identical findings (a signal logged a million times) print once, with their count.
        var distinct = report.Findings.CountBy(f => f).ToArray();
        var idWidth = Math.Max(2, report.Findings.Max(f => f.Id.Length));
        var countWidth = Math.Max(5, distinct.Max(f => f.Value).ToString(CultureInfo.InvariantCulture).Length);
        var indent = new string(' ', 9 + 1 + 12 + 1 + countWidth + 1 + idWidth + 1);
        Line(text, $"{"SEVERITY",-9} {"LAYER",-12} {"COUNT".PadLeft(countWidth)} {"ID".PadRight(idWidth)} FINDING");
        // The report's one order: bottom-up by layer (fix the lowest first), the most severe first within a layer.
        foreach (var (finding, count) in distinct.OrderBy(f => f.Key, FindingOrder.Instance))
        {
            Line(text, $"{finding.Severity.ToString().ToUpperInvariant(),-9} {finding.Layer,-12} {count.ToString(CultureInfo.InvariantCulture).PadLeft(countWidth)} {finding.Id.PadRight(idWidth)} {finding.Message}");
            Line(text, $"{indent}fix: {finding.Fix}");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string label, string value) => Line(text, $"{label,-16} {value}");

    private static void Line(StringBuilder text, string line) => text.Append(TerminalText.Visible(line)).Append('\n');
}
