using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace LoginPosture.Samples.Tests;

public sealed class TriageSampleTests : IDisposable
{
    // A bot's night: the platform connection drops, re-authentication fails, requests are rejected; farm notices around.
    private static readonly string Night = string.Join('\n',
    [
        "2026-11-20 02:14:00,011 ib_insync.wrapper ERROR Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost.",
        .. Enumerable.Range(0, 40).Select(i => $"2026-11-20 02:15:{i:D2},000 ib_insync.wrapper INFO Error 2104, reqId -1: Market data farm connection is OK:usfarm"),
        .. Enumerable.Range(0, 30).Select(i => $"2026-11-20 02:20:{i:D2},500|E| Login attempt rejected: Invalid username password combination."),
        .. Enumerable.Range(0, 25).Select(i => $"2026-11-20 02:30:{i:D2},000 ib_insync.wrapper ERROR Error 100, reqId {i}: Max rate of messages per second has been exceeded:max=50 rec=51"),
        "",
    ]);

    private readonly string _dir = Directory.CreateTempSubdirectory("loginposture-triage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    [Fact]
    public void A_log_prints_one_row_per_cause_with_its_count_root_and_timeline()
    {
        var run = SampleProcess.Audit("triage", Write("night.log", Encoding.UTF8.GetBytes(Night)));

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Out.Split('\n');
        Assert.StartsWith("LoginPosture triage: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("96 lines read: 56 failing, 0 blank.", lines[1], StringComparison.Ordinal);
        Assert.Contains("Fix first: Identity / identity.invalid-credentials (DoNotRetry), first at line 42 (2026-11-20 02:20:00)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Timeline: Platform failing from 2026-11-20 02:14:00 (line 1, platform.connectivity-lost; 1 line) -> Identity failing from 2026-11-20 02:20:00", run.Out, StringComparison.Ordinal);
        var rows = lines.SkipWhile(l => !l.StartsWith("SEVERITY", StringComparison.Ordinal)).Skip(1).Where(l => l.Length > 0 && !l.StartsWith(' ')).ToArray();
        Assert.Equal(3, rows.Length); // 96 lines, three failing causes: one row each
        Assert.Matches(@"^HIGH +Identity +30 identity\.invalid-credentials +2026-11-20 02:20:00 +2026-11-20 02:20:29", rows[0]);
        Assert.Contains("Platform", rows[1], StringComparison.Ordinal);
        Assert.Matches(@"^LOW +Request +25 request\.pacing ", rows[2]);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Json_carries_counts_causes_and_timeline()
    {
        var run = SampleProcess.Audit("triage", Write("night.log", Encoding.UTF8.GetBytes(Night)), "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(96, root.GetProperty("lines").GetInt64());
        Assert.Equal(56, root.GetProperty("failingLines").GetInt64());
        Assert.Equal("identity.invalid-credentials", root.GetProperty("root").GetString());
        Assert.Equal(["Platform", "Identity", "Request"], root.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("layer").GetString()));
        var pacing = root.GetProperty("causes").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "request.pacing");
        Assert.Equal(25, pacing.GetProperty("count").GetInt64());
        Assert.Equal("2026-11-20T02:30:00.0000000", pacing.GetProperty("firstSeen").GetString());
        var farm = root.GetProperty("causes").EnumerateArray().Single(c => !c.GetProperty("failure").GetBoolean());
        Assert.Equal(40, farm.GetProperty("count").GetInt64());
        Assert.Equal(3, root.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Gzip_is_recognised_by_its_magic_bytes_whatever_the_name()
    {
        var plain = SampleProcess.Audit("triage", Write("night.log", Encoding.UTF8.GetBytes(Night)), "--json");
        var gzipped = SampleProcess.Audit("triage", Write("night.log.1", Gzip(Night)), "--json");

        Assert.True(gzipped.ExitCode == 0, gzipped.ToString());
        Assert.Equal(plain.Out.Replace("night.log\"", "night.log.1\"", StringComparison.Ordinal), gzipped.Out);
    }

    [Fact]
    public void A_dash_reads_standard_input_plain_or_gzip()
    {
        var plain = SampleProcess.AuditWithInput(Encoding.UTF8.GetBytes(Night), "triage", "-", "--json");
        var gzipped = SampleProcess.AuditWithInput(Gzip(Night), "triage", "-", "--json");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        using var json = JsonDocument.Parse(plain.Out);
        Assert.Equal("(standard input)", json.RootElement.GetProperty("input").GetString());
        Assert.Equal(96, json.RootElement.GetProperty("lines").GetInt64());
        Assert.Equal(plain.Out, gzipped.Out);
    }

    [Theory]
    [InlineData("high", 1)]
    [InlineData("Critical", 0)]
    public void Fail_on_sets_the_exit_code_when_a_finding_reaches_the_severity(string severity, int expected)
    {
        var run = SampleProcess.Audit("triage", Write("night.log", Encoding.UTF8.GetBytes(Night)), "--fail-on", severity);

        Assert.True(run.ExitCode == expected, run.ToString());
        Assert.Equal(expected == 1 ? 1 : 0, run.ErrorLines.Length);
    }

    [Fact]
    public void Invalid_utf8_and_an_empty_log_are_reported_not_fatal()
    {
        var bytes = Encoding.UTF8.GetBytes(Night).Concat(new byte[] { 0xFF, 0xFE, 0x41, 0x0A }).ToArray();

        var invalid = SampleProcess.Audit("triage", Write("bad.log", bytes));
        var empty = SampleProcess.Audit("triage", Write("empty.log", []));

        Assert.True(invalid.ExitCode == 0, invalid.ToString());
        Assert.Contains("Note: 1 line(s) are not valid UTF-8 (the first is line 97)", invalid.Out, StringComparison.Ordinal);
        Assert.True(empty.ExitCode == 0, empty.ToString());
        Assert.Contains("0 lines read", empty.Out, StringComparison.Ordinal);
        Assert.Contains("No failures.", empty.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_text_prints_inert()
    {
        var hostile = "2026-11-20 02:20:00,500|E| Login attempt rejected: Invalid username password combination.\u001b]0;owned\u0007\u202e";

        var run = SampleProcess.Audit("triage", Write("hostile.log", Encoding.UTF8.GetBytes(hostile)));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.Contains(@"\x1B]0;owned\x07\u202E", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("triage")]
    [InlineData("triage", "a.log", "b.log")]
    [InlineData("triage", "--frobnicate")]
    [InlineData("triage", "x.log", "--fail-on", "severe")]
    public void A_wrong_command_line_is_one_line_with_usage_and_exit_2(params string[] args)
    {
        var run = SampleProcess.Audit(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: loginposture-audit triage", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_log_or_broken_gzip_is_one_line_with_exit_3()
    {
        var missing = SampleProcess.Audit("triage", Path.Combine(_dir, "nope.log"));
        // A gzip header, then a deflate block of the reserved type 11.
        var broken = SampleProcess.Audit("triage", Write("broken.gz", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF]));

        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("no such file", Assert.Single(missing.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(3, broken.ExitCode);
        Assert.Contains("not a valid gzip stream", Assert.Single(broken.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void The_posture_audit_prints_repeated_identical_findings_once_with_their_count()
    {
        var signal = "\"2026-11-20 13:58:40,902 ERROR Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost.\"";
        var posture = $$"""{ "account": "bot", "asOf": "2026-11-20T20:00:00Z", "signals": [{{string.Join(", ", Enumerable.Repeat(signal, 500))}}] }""";
        var path = Write("posture.json", Encoding.UTF8.GetBytes(posture));

        var table = SampleProcess.Audit(path);
        var json = SampleProcess.Audit(path, "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        var rows = table.Out.Split('\n').Where(l => l.Contains("platform.connectivity-lost", StringComparison.Ordinal) && !l.StartsWith("Failure signals", StringComparison.Ordinal)).ToArray();
        Assert.Matches(@"^\w+ +Platform +500 platform\.connectivity-lost ", Assert.Single(rows));
        using var document = JsonDocument.Parse(json.Out);
        var finding = Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "platform.connectivity-lost");
        Assert.Equal(500, finding.GetProperty("count").GetInt32());
        var diagnosis = Assert.Single(document.RootElement.GetProperty("signals").GetProperty("diagnoses").EnumerateArray());
        Assert.Equal(500, diagnosis.GetProperty("count").GetInt32());
    }
}
