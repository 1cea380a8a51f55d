using System.Text;
using System.Text.Json;

namespace LoginPosture.Samples.Tests;

/// <summary>
/// The audit gates CI, so no document may crash it or quietly weaken its verdict: each hostile or careless input
/// gets one line naming the file, the JSON path and the fix, with the exit code from the README's table.
/// </summary>
public sealed class AuditHostileInputTests : IDisposable
{
    private const string Example = "samples/posture.example.json";
    private const string AsOf = "\"asOf\": \"2026-11-20T00:00:00Z\"";
    private readonly string _dir = Directory.CreateTempSubdirectory("loginposture-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A credential-shaped value built at run time, so that no file in the repository holds one.
    private static readonly string Secret = string.Concat(Enumerable.Range(0, 48).Select(i => "Qx7Lm2Vb9Tz4"[i % 12]));

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_dir, $"posture-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string json) => Write(Encoding.UTF8.GetBytes(json));

    private static string Binance(string withdrawals) =>
        $$"""{"ipRestrict": false, "createTime": 1698796800000, "enableReading": true, {{withdrawals}}, "enableInternalTransfer": false, "enableMargin": false, "enableFutures": false, "permitsUniversalTransfer": false, "enableVanillaOptions": false, "enableSpotAndMarginTrading": true}""";

    private static void AssertOneLine(SampleProcess.Result run, int exitCode, string file, string path, string fragment)
    {
        Assert.True(run.ExitCode == exitCode, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"loginposture-audit: {file}: {path}: ", line, StringComparison.Ordinal);
        Assert.Contains(fragment, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_latin1_file_is_a_format_error_naming_the_string_not_a_crash()
    {
        var bytes = Encoding.Latin1.GetBytes($$"""{"account": "Jürgen Müller", {{AsOf}}, "signals": ["x"]}""");
        var file = Write(bytes);

        AssertOneLine(SampleProcess.Audit(file), 4, file, "$.account", "not UTF-8");
    }

    [Theory]
    [InlineData("""{"account": "\ud800", "signals": ["x"]}""", "$.account")]
    [InlineData("""{"signals": ["\udc00 lost"]}""", "$.signals[0]")]
    [InlineData("""{"signals": [{"clientPortalStatus": {"message": "\ud800"}}]}""", "$.signals[0].clientPortalStatus.message")]
    public void A_lone_surrogate_escape_is_a_format_error_naming_its_path(string json, string path)
    {
        var file = Write(json);

        AssertOneLine(SampleProcess.Audit(file), 4, file, path, "surrogate");
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted_and_changes_nothing()
    {
        var example = File.ReadAllBytes(Path.Combine(SampleProcess.Root, Example));
        var file = Write([0xEF, 0xBB, 0xBF, .. example]);

        var withBom = SampleProcess.Audit(file);

        Assert.True(withBom.ExitCode == 0, withBom.ToString());
        Assert.Equal(SampleProcess.Audit(Example).Out, withBom.Out);
    }

    [Theory]
    [InlineData("utf-16", "UTF-16 (little-endian)")]
    [InlineData("utf-16BE", "UTF-16 (big-endian)")]
    public void A_utf16_file_is_named_as_such(string encoding, string named)
    {
        var text = File.ReadAllText(Path.Combine(SampleProcess.Root, Example));
        var file = Write(Encoding.GetEncoding(encoding).GetBytes(text));

        AssertOneLine(SampleProcess.Audit(file), 4, file, "$", $"is encoded as {named}; save it as UTF-8");
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("  \n ", "is empty")]
    public void An_empty_file_has_its_own_message(string content, string fragment)
    {
        var file = Write(content);

        AssertOneLine(SampleProcess.Audit(file), 4, file, "$", fragment);
    }

    [Fact]
    public void Nesting_beyond_the_limit_has_its_own_message()
    {
        var file = Write($$"""{"signals": [{{new string('[', 70)}}{{new string(']', 70)}}]}""");

        AssertOneLine(SampleProcess.Audit(file), 4, file, "$.signals" + string.Concat(Enumerable.Repeat("[0]", 63)), "deeper than 64 levels");
    }

    [Fact]
    public void A_repeated_permission_cannot_remove_the_critical_finding()
    {
        var json = $$"""{{{AsOf}}, "apiKeys": [{"label": "k", "binance": {{Binance("\"enableWithdrawals\": true, \"enableWithdrawals\": false")}}}]}""";
        var file = Write(json);

        AssertOneLine(SampleProcess.Audit(file, "--fail-on", "Critical"), 5, file, "$.apiKeys[0].binance.enableWithdrawals", "is given twice in one object");
    }

    [Theory]
    [InlineData("\"apiKeys\": [{\"label\": \"k\", \"grants\": [\"Withdraw\"]}], \"apiKeys\": []", "$.apiKeys", "is given twice")]
    [InlineData("\"apiKeys\": [{\"label\": \"k\", \"grants\": [\"Withdraw\"]}], \"ApiKeys\": []", "$.ApiKeys", "repeats $.apiKeys (the names differ only in case)")]
    public void A_repeated_field_is_refused_naming_both_paths(string fields, string path, string fragment)
    {
        var file = Write($$"""{{{AsOf}}, {{fields}}}""");

        AssertOneLine(SampleProcess.Audit(file), 5, file, path, fragment);
    }

    [Fact]
    public void A_document_with_nothing_to_judge_fails_instead_of_grading_A()
    {
        var file = Write("{}");

        AssertOneLine(SampleProcess.Audit(file, "--fail-on", "Info"), 5, file, "$", "nothing to judge");
    }

    [Theory]
    [InlineData("\"created\": \"2027-01-01T00:00:00Z\"", "$.apiKeys[0].created")]
    [InlineData("\"lastUsed\": \"2027-01-01T00:00:00Z\"", "$.apiKeys[0].lastUsed")]
    [InlineData("\"usage\": {\"observedSince\": \"2027-01-01T00:00:00Z\"}", "$.apiKeys[0].usage.observedSince")]
    public void A_time_after_as_of_is_refused_like_authenticated_at(string field, string path)
    {
        var file = Write($$"""{{{AsOf}}, "apiKeys": [{"label": "k", "grants": ["Read"], {{field}}}]}""");

        AssertOneLine(SampleProcess.Audit(file), 5, file, path, "later than the judgement instant (asOf, 2026-11-20T00:00:00Z)");
    }

    [Fact]
    public void A_platform_creation_time_after_as_of_is_refused_at_its_path()
    {
        var binance = Binance("\"enableWithdrawals\": false").Replace("1698796800000", "1893456000000", StringComparison.Ordinal);
        var file = Write($$"""{{{AsOf}}, "apiKeys": [{"label": "k", "binance": {{binance}}}]}""");

        AssertOneLine(SampleProcess.Audit(file), 5, file, "$.apiKeys[0].binance.createTime", "later than the judgement instant");
    }

    [Theory]
    [InlineData("\"notional\": 1e400", "$.sessionChecks[0].operation.notional", "too large")]
    [InlineData("\"notional\": \"lots\"", "$.sessionChecks[0].operation.notional", "is a string; expected a number")]
    public void A_number_out_of_range_has_its_own_message(string notional, string path, string fragment)
    {
        var json = $$$"""{{{{AsOf}}}, "sessionChecks": [{"name": "c", "operation": {"kind": "Order", {{{notional}}}}, "session": {"platform": "Web", "authenticatedAt": "2026-11-19T00:00:00Z"}}]}""";
        var file = Write(json);

        AssertOneLine(SampleProcess.Audit(file), 5, file, path, fragment);
    }

    [Fact]
    public void An_out_of_range_socket_port_is_one_line_at_its_camel_case_path()
    {
        var file = Write($$$"""{{{{AsOf}}}, "apiKeys": [{"label": "tws", "ibkr": {"socketPort": 70000}}]}""");

        AssertOneLine(SampleProcess.Audit(file), 5, file, "$.apiKeys[0].ibkr.socketPort", "is not a TCP port from 1 to 65535");
    }

    [Fact]
    public void Comments_and_trailing_commas_mean_the_same_inside_every_platform_object()
    {
        const string Status = """{"authenticated": false, "competing": true, "connected": true}""";
        const string Commented = """{"authenticated": false, /* logged out at 13:58 */ "competing": true, "connected": true,}""";
        var plain = Write($$"""{{{AsOf}}, "apiKeys": [{"label": "k", "binance": {{Binance("\"enableWithdrawals\": true")}}}], "signals": [{"clientPortalStatus": {{Status}}}]}""");
        var commented = Write($$"""{{{AsOf}}, "apiKeys": [{"label": "k", "binance": {{Binance("/* as returned */ \"enableWithdrawals\": true")[..^1] + ", }"}}}], "signals": [{"clientPortalStatus": {{Commented}}}]}""");

        var expected = SampleProcess.Audit(plain, "--json");
        var actual = SampleProcess.Audit(commented, "--json");

        Assert.True(actual.ExitCode == 0, actual.ToString());
        Assert.Equal(expected.Out, actual.Out);
        Assert.Contains("identity.not-authenticated", actual.Out, StringComparison.Ordinal);
        Assert.Contains("platform.competing-session", actual.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_shows_control_characters_visibly_one_line_per_row_while_json_stays_exact()
    {
        const string Label = "bot\u001b]0;owned\u0007\r\nCRITICAL  Platform     AK000 forged row\u202e";
        var json = $$"""{{{AsOf}}, "apiKeys": [{"label": {{JsonSerializer.Serialize(Label)}}, "grants": ["Read"], "ipAllowList": ["203.0.113.7"], "environment": "Paper"}], "signals": ["\u001b[2JERROR Error 1100: lost\nCRITICAL forged"]}""";
        var file = Write(json);
        var plainFile = Write(json.Replace(JsonSerializer.Serialize(Label), "\"bot\"", StringComparison.Ordinal));

        var table = SampleProcess.Audit(file);
        var plain = SampleProcess.Audit(plainFile);
        var asJson = SampleProcess.Audit(file, "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Equal(plain.Out.Split('\n').Length, table.Out.Split('\n').Length);
        Assert.DoesNotContain(table.Out, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain('\u202e', table.Out);
        Assert.Contains(@"bot\x1B]0;owned\x07\r\nCRITICAL  Platform     AK000 forged row\u202E", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(table.Out.Split('\n'), l => l.StartsWith("CRITICAL", StringComparison.Ordinal));
        using var report = JsonDocument.Parse(asJson.Out);
        Assert.Equal(Label, report.RootElement.GetProperty("apiKeys")[0].GetProperty("label").GetString());
    }

    [Fact]
    public void Secrets_in_signals_and_platform_errors_are_never_printed()
    {
        var json = $$$"""
            {{{{AsOf}}},
             "signals": ["ERROR Error 1100 apiKey={{{Secret[..20]}}} lost", "HTTP 401 token {{{Secret}}}",
                         {"clientPortalStatus": {"authenticated": false, "fail": "password={{{Secret[5..17]}}}", "message": "secret: '{{{Secret[3..30]}}}'"}}]}
            """;
        var kraken = $$$"""{{{{AsOf}}}, "apiKeys": [{"label": "k", "kraken": {"error": ["EGeneral:Invalid arguments", "{{{Secret}}}"]}}]}""";

        var table = SampleProcess.Audit(Write(json));
        var asJson = SampleProcess.Audit(Write(json), "--json");
        var refused = SampleProcess.Audit(Write(kraken));

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("EGeneral:Invalid arguments", refused.Error, StringComparison.Ordinal);
        foreach (var output in new[] { table.Out, table.Error, asJson.Out, refused.Error })
        {
            Assert.DoesNotContain(Secret[5..17], output, StringComparison.Ordinal);
        }

        Assert.Contains("[redacted]", table.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"0.0.0.0\"]")]
    [InlineData("[\"::\"]")]
    [InlineData("[\"0.0.0.0/0\"]")]
    [InlineData("[\"192.168.1.50\", \"0.0.0.0\"]")]
    public void An_any_address_in_trusted_ips_fences_nothing_like_an_empty_list(string trusted)
    {
        string Ibkr(string ips) => $$$"""{{{{AsOf}}}, "apiKeys": [{"label": "tws", "ibkr": {"readOnlyApi": true, "trustedIps": {{{ips}}}, "socketPort": 7497}}]}""";

        var empty = SampleProcess.Audit(Write(Ibkr("[]")), "--json");
        var any = SampleProcess.Audit(Write(Ibkr(trusted)), "--json");

        Assert.True(any.ExitCode == 0, any.ToString());
        Assert.Contains("\"AK003\"", any.Out, StringComparison.Ordinal);
        Assert.Equal(empty.Out, any.Out);
    }
}
