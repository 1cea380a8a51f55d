using System.Text.Json;
using LoginPosture.Tiers;

namespace LoginPosture.Posture;

/// <summary>
/// Writes a <see cref="PostureReport"/> as JSON for machines (CI gates, dashboards). Names are camelCase. Identical
/// findings and identical diagnoses are written once each with a <c>count</c>, so a document of a million repeated
/// signals gives a few lines, not a million.
/// </summary>
public static class PostureReportJson
{
    /// <summary>Writes the report as one JSON object.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(PostureReport report, Utf8JsonWriter writer)
    {
        Guard.NotNull(report);
        Guard.NotNull(writer);
        writer.WriteStartObject();
        if (report.Account is { } account)
        {
            writer.WriteString("account", account);
        }

        writer.WriteString("asOf", report.AsOf);
        writer.WriteString("grade", report.Grade.ToString());
        if (report.WorstSeverity is { } worst)
        {
            writer.WriteString("worstSeverity", worst.ToString());
        }

        if (report.SecondFactors is { } factors)
        {
            writer.WriteStartObject("secondFactors");
            writer.WriteNumber("score", factors.Score);
            writer.WriteString("grade", factors.Grade.ToString());
            writer.WriteNumber("lockoutResilience", factors.LockoutResilience);
            WriteStrings(writer, "lockoutDomains", factors.LockoutDomains);
            writer.WriteNumber("takeoverResistance", factors.TakeoverResistance);
            writer.WriteStartArray("takeoverPaths");
            foreach (var path in factors.TakeoverPaths)
            {
                writer.WriteStartObject();
                writer.WriteString("attack", path.Attack.ToString());
                writer.WriteNumber("blockRate", path.BlockRate);
                writer.WriteString("weakest", path.Authenticator);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteStartArray("apiKeys");
        foreach (var key in report.ApiKeys)
        {
            writer.WriteStartObject();
            writer.WriteString("label", key.Label);
            writer.WriteString("severity", key.Severity?.ToString());
            writer.WriteString("granted", key.Granted.ToString());
            writer.WriteString("minimal", key.Minimal.ToString());
            writer.WriteString("excess", key.Excess.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("sessionChecks");
        foreach (var (check, decision) in report.SessionChecks)
        {
            writer.WriteStartObject();
            writer.WriteString("name", check.Name);
            writer.WriteNumber("tier", (int)decision.Tier);
            writer.WriteString("verdict", decision.Verdict.ToString());
            WriteStrings(writer, "unmet", decision.Unmet.Enumerate().Select(static r => r.ToString()));
            if (decision.Verdict == TierVerdict.StepUp)
            {
                writer.WriteString("requiredStrength", decision.RequiredStrength.ToString());
                writer.WriteNumber("maxAgeSeconds", (long)decision.MaxAge.TotalSeconds);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("signals");
        if (report.Layers.Root is { } root)
        {
            writer.WriteString("root", root.CauseId);
            writer.WriteString("rootLayer", root.Layer.ToString());
        }

        // Identical diagnoses are written once with their count, so the output grows with distinct causes, not signals.
        writer.WriteStartArray("diagnoses");
        foreach (var (diagnosis, count) in Tally(report.Layers.Diagnoses, static d => (d.IsFailure, d.IsFailure ? d.Layer : default, d.CauseId, d.Retry)))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("failure", diagnosis.IsFailure);
            writer.WriteString("layer", diagnosis.IsFailure ? diagnosis.Layer.ToString() : null);
            writer.WriteString("cause", diagnosis.CauseId);
            writer.WriteString("retry", diagnosis.Retry.ToString());
            writer.WriteNumber("count", count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray("findings");
        foreach (var (finding, count) in Tally(report.Findings, static f => f))
        {
            writer.WriteStartObject();
            writer.WriteString("id", finding.Id);
            writer.WriteNumber("count", count);
            writer.WriteString("severity", finding.Severity.ToString());
            writer.WriteString("layer", finding.Layer.ToString());
            writer.WriteString("message", finding.Message);
            writer.WriteString("fix", finding.Fix);
            writer.WriteString("anchor", finding.Anchor);
            if (finding.HelpUri is { } help)
            {
                writer.WriteString("helpUri", help);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Returns the report as indented JSON, escaping only what JSON requires (for terminals and files, not HTML).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(PostureReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(report, writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    // Each distinct item (by key) once, in order of first appearance, with how many times it appeared.
    private static List<(T Item, int Count)> Tally<T, TKey>(IReadOnlyList<T> items, Func<T, TKey> key)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, int>();
        var tally = new List<(T Item, int Count)>();
        foreach (var item in items)
        {
            var k = key(item);
            if (index.TryGetValue(k, out var at))
            {
                tally[at] = (tally[at].Item, tally[at].Count + 1);
            }
            else
            {
                index.Add(k, tally.Count);
                tally.Add((item, 1));
            }
        }

        return tally;
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
