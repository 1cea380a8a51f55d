using System.Text.Json;

namespace LoginPosture.Samples.Tests;

public sealed class AuditSampleTests : IDisposable
{
    private const string Example = "samples/posture.example.json";
    private readonly string _dir = Directory.CreateTempSubdirectory("loginposture-audit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_example_prints_a_table_bottom_up_worst_first_within_a_layer()
    {
        var run = SampleProcess.Audit(Example);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Out.Split('\n');
        Assert.StartsWith("LoginPosture audit: U7654321", lines[0], StringComparison.Ordinal);
        Assert.Contains("Overall grade F. Findings: 1 critical", lines[1], StringComparison.Ordinal);
        var findings = lines.SkipWhile(l => !l.StartsWith("SEVERITY", StringComparison.Ordinal)).Skip(1).Where(l => !l.StartsWith(' ') && l.Length > 0).ToArray();
        Assert.Contains(findings, l => l.StartsWith($"CRITICAL  {"Platform",-12} {"1",5} AK002", StringComparison.Ordinal));
        // The report's order (FindingOrder): layer bottom-up, then the most severe first; severity is a column.
        var rows = findings.Select(l => (Layer: Array.IndexOf(["Entity", "Identity", "Permissions", "Platform", "Request"], l[10..22].Trim()),
            Severity: Array.IndexOf(["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"], l[..9].Trim()))).ToArray();
        Assert.DoesNotContain(rows, r => r.Layer < 0 || r.Severity < 0);
        Assert.True(rows.Select(r => r.Layer).Distinct().Count() > 1, "the example has findings on several layers");
        Assert.Equal(rows.OrderBy(r => r.Layer).ThenBy(r => r.Severity), rows);
        Assert.Contains("Withdraw 20,000 from the phone: tier 1 Deny", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Json_output_is_the_report_as_json()
    {
        var run = SampleProcess.Audit(Example, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("F", json.RootElement.GetProperty("grade").GetString());
        Assert.Equal("Critical", json.RootElement.GetProperty("worstSeverity").GetString());
        Assert.True(json.RootElement.GetProperty("findings").GetArrayLength() > 10);
    }

    [Theory]
    [InlineData("critical", 1)]
    [InlineData("High", 1)]
    public void Fail_on_sets_the_exit_code_when_a_finding_reaches_the_severity(string severity, int expected)
    {
        var run = SampleProcess.Audit(Example, "--fail-on", severity);

        Assert.True(run.ExitCode == expected, run.ToString());
        Assert.Contains("at or above", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_passes_a_posture_below_the_severity()
    {
        var clean = Write("clean.json", """{ "account": "paper account", "asOf": "2026-11-20T00:00:00Z", "signals": ["INFO  Market data farm connection is OK:usfarm"] }""");

        var run = SampleProcess.Audit(clean, "--fail-on", "low");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No findings.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_one_line_naming_it_with_exit_3()
    {
        var missing = Path.Combine(_dir, "nope.json");

        var run = SampleProcess.Audit(missing);

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(missing, line, StringComparison.Ordinal);
        Assert.Contains("no such file", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_one_line_with_the_position_and_exit_4()
    {
        var bad = Write("bad.json", "{ \"account\": \"x\",, }");

        var run = SampleProcess.Audit(bad);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal($"loginposture-audit: {bad}: $: the JSON is malformed at line 1, byte 18; fix the syntax there (a missing comma, quote or bracket, or text after the end of the document).", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("""{ "apiKeys": [ { "label": "k", "grants": ["Read", "Teleport"] } ] }""", "$.apiKeys[0].grants[1]: \"Teleport\" is not a known ApiKeyGrants value; use one of:")]
    [InlineData("""{ "sessionChecks": [ { "name": "c", "operation": { "kind": "Order" } } ] }""", "$.sessionChecks[0].session: is missing; this field is required.")]
    [InlineData("""{ "acount": "typo" }""", "$.acount: is not a known field here; known fields: account,")]
    [InlineData("""{ "asOf": "2026-11-20T00:00:00Z", "sessionChecks": [ { "name": "c", "operation": { "kind": "Order" }, "session": { "platform": "Web", "authenticatedAt": "2026-11-21T00:00:00Z" } } ] }""", "$.sessionChecks[0].session.authenticatedAt: is 2026-11-21T00:00:00Z, later than the judgement instant (asOf, 2026-11-20T00:00:00Z)")]
    public void Invalid_content_is_one_line_naming_file_path_and_fix_with_exit_5(string json, string expected)
    {
        var bad = Write("posture.json", json);

        var run = SampleProcess.Audit(bad);

        Assert.True(run.ExitCode == 5, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"loginposture-audit: {bad}: {expected}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fail-on", "severe")]
    [InlineData("--frobnicate")]
    [InlineData()]
    public void A_wrong_command_line_is_one_line_with_usage_and_exit_2(params string[] args)
    {
        var run = SampleProcess.Audit(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: loginposture-audit", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
