using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using LoginPosture.Triage;

namespace LoginPosture.Samples.Audit;

/// <summary>Writes a triage as JSON for machines; names are camelCase, timestamps ISO-8601 (a time alone when the log gave no date).</summary>
internal static class TriageJson
{
    public static string ToJson(LogTriageReport report, string name)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("input", name);
            writer.WriteNumber("lines", report.Lines);
            writer.WriteNumber("failingLines", report.FailingLines);
            writer.WriteNumber("blankLines", report.BlankLines);
            writer.WriteNumber("invalidUtf8Lines", report.InvalidUtf8Lines);
            writer.WriteNumber("truncatedLines", report.TruncatedLines);
            writer.WriteStartArray("notes");
            foreach (var note in report.Notes)
            {
                writer.WriteStringValue(note);
            }

            writer.WriteEndArray();
            writer.WriteString("root", report.Root?.Cause.Id);
            writer.WriteString("rootLayer", report.Root?.Cause.Layer.ToString());
            writer.WriteStartArray("timeline");
            foreach (var stage in report.Timeline)
            {
                writer.WriteStartObject();
                writer.WriteString("layer", stage.Layer.ToString());
                writer.WriteString("firstCause", stage.FirstCauseId);
                writer.WriteNumber("lines", stage.Lines);
                writer.WriteNumber("firstLine", stage.FirstLine);
                writer.WriteNumber("lastLine", stage.LastLine);
                writer.WriteString("firstSeen", Time(stage.FirstSeen));
                writer.WriteString("lastSeen", Time(stage.LastSeen));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("causes");
            foreach (var cause in report.Causes)
            {
                writer.WriteStartObject();
                writer.WriteString("id", cause.Cause.Id);
                writer.WriteBoolean("failure", cause.Cause.IsFailure);
                writer.WriteString("layer", cause.Cause.Layer.ToString());
                writer.WriteString("severity", cause.Cause.Severity.ToString());
                writer.WriteString("retry", cause.Cause.Retry.ToString());
                writer.WriteNumber("count", cause.Count);
                writer.WriteNumber("firstLine", cause.FirstLine);
                writer.WriteNumber("lastLine", cause.LastLine);
                writer.WriteString("firstSeen", Time(cause.FirstSeen));
                writer.WriteString("lastSeen", Time(cause.LastSeen));
                writer.WriteString("example", cause.Example);
                writer.WriteString("fix", cause.Cause.Fix);
                writer.WriteString("anchor", cause.Anchor);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("id", finding.Id);
                writer.WriteString("severity", finding.Severity.ToString());
                writer.WriteString("layer", finding.Layer.ToString());
                writer.WriteString("message", finding.Message);
                writer.WriteString("fix", finding.Fix);
                writer.WriteString("anchor", finding.Anchor);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Time(DateTime? time) => time switch
    {
        null => null,
        { Year: 1 } => LogTriageReport.FormatTime(time),
        { } t => t.ToString("O", CultureInfo.InvariantCulture),
    };
}
