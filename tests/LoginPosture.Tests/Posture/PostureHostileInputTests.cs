using System.Text;
using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.Posture;

namespace LoginPosture.Tests.Posture;

/// <summary>The posture reader's rules for input a careless user or an attacker would write.</summary>
public sealed class PostureHostileInputTests
{
    private const string AsOf = "\"asOf\": \"2026-11-20T00:00:00Z\"";
    private const string Binance = """{"ipRestrict": false, "createTime": 1698796800000, "enableReading": true, "enableWithdrawals": true, "enableInternalTransfer": false, "enableMargin": false, "enableFutures": false, "permitsUniversalTransfer": false, "enableVanillaOptions": false, "enableSpotAndMarginTrading": true}""";

    private static PostureFormatException RefusedBytes(byte[] utf8) => Assert.Throws<PostureFormatException>(() => PostureSnapshot.Parse(utf8));

    private static PostureFormatException Refused(string json) => Assert.Throws<PostureFormatException>(() => PostureSnapshot.Parse(json));

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x63, 0x63, 0x6F, 0x75, 0x6E, 0x74, 0x22, 0x3A, 0x22, 0xFC, 0x22, 0x7D }, "$.account")]
    [InlineData(new byte[] { 0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D }, "$")]
    [InlineData(new byte[] { 0x7B, 0x22, 0x73, 0x69, 0x67, 0x6E, 0x61, 0x6C, 0x73, 0x22, 0x3A, 0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D, 0x7D }, "$.signals[0]")]
    public void Invalid_utf8_is_a_malformed_document_naming_the_path(byte[] utf8, string path)
    {
        var error = RefusedBytes(utf8);

        Assert.Equal(path, error.JsonPath);
        Assert.True(error.IsMalformedJson);
        Assert.Contains("not UTF-8", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"account": "\ud800"}""", "$.account")]
    [InlineData("""{"account": "x", "signals": [{"source": "Tws", "message": "a\udc00b"}]}""", "$.signals[0].message")]
    [InlineData("""{"signals": [{"clientPortalStatus": {"fail": "\udbff"}}]}""", "$.signals[0].clientPortalStatus.fail")]
    [InlineData("""{"apiKeys": [{"label": "k", "kraken": {"api_key_name": "\ud83d"}}]}""", "$.apiKeys[0].kraken.api_key_name")]
    public void A_lone_surrogate_escape_is_a_malformed_document_naming_the_path(string json, string path)
    {
        var error = Refused(json);

        Assert.Equal(path, error.JsonPath);
        Assert.True(error.IsMalformedJson);
        Assert.Contains("surrogate", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_in_a_dotnet_string_is_refused_not_replaced()
    {
        var error = Refused("{\"account\": \"a\ud800\", \"signals\": [\"x\"]}");

        Assert.True(error.IsMalformedJson);
        Assert.Contains("lone surrogate", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_utf16_or_utf32_is_named()
    {
        var json = $$"""{{{AsOf}}, "signals": ["Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost."]}""";

        Assert.Single(PostureSnapshot.Parse((byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)]).Signals);
        Assert.Contains("UTF-16 (little-endian)", RefusedBytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)]).Problem, StringComparison.Ordinal);
        Assert.Contains("UTF-16 (little-endian)", RefusedBytes(Encoding.Unicode.GetBytes(json)).Problem, StringComparison.Ordinal);
        Assert.Contains("UTF-16 (big-endian)", RefusedBytes(Encoding.BigEndianUnicode.GetBytes(json)).Problem, StringComparison.Ordinal);
        Assert.Contains("UTF-32 (little-endian)", RefusedBytes(Encoding.UTF32.GetBytes(json)).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData(" \r\n\t", "is empty")]
    [InlineData("{\"account\": \"x\"", "malformed at line 1")]
    [InlineData("{\"signals\": [\"x\"]} {}", "text after the end of the document")]
    public void Empty_and_broken_documents_each_get_their_own_message(string json, string fragment)
    {
        var error = Refused(json);

        Assert.True(error.IsMalformedJson);
        Assert.Contains(fragment, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_is_limited_to_64_levels_with_its_own_message()
    {
        string Nested(int depth) => $$"""{"signals": [{{new string('[', depth - 2)}}{{new string(']', depth - 2)}}]}""";

        var deep = Refused(Nested(65));

        Assert.True(deep.IsMalformedJson);
        Assert.Contains("deeper than 64 levels", deep.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("deeper", Refused(Nested(64)).Problem, StringComparison.Ordinal); // 64 levels read; the value is then wrong
    }

    [Theory]
    [InlineData("""{"apiKeys": [{"label": "k", "binance": {"enableWithdrawals": true, "enableWithdrawals": false}}]}""", "$.apiKeys[0].binance.enableWithdrawals", "is given twice")]
    [InlineData("""{"apiKeys": [{"label": "k", "grants": ["Withdraw"]}], "apiKeys": []}""", "$.apiKeys", "is given twice")]
    [InlineData("""{"apiKeys": [], "APIKEYS": []}""", "$.APIKEYS", "repeats $.apiKeys")]
    [InlineData("""{"signals": [{"clientPortalStatus": {"authenticated": false, "authenticated": true}}]}""", "$.signals[0].clientPortalStatus.authenticated", "is given twice")]
    [InlineData("""{"apiKeys": [{"label": "k", "grants": ["Read"], "usage": {"observedSince": "2026-01-01T00:00:00Z", "lastUse": {"Read": "2026-02-01T00:00:00Z", "read": "2026-03-01T00:00:00Z"}}}]}""", "$.apiKeys[0].usage.lastUse.read", "repeats $.apiKeys[0].usage.lastUse.Read")]
    // Objects past eight members are checked with a set rather than a scan: a repeat is found there too.
    [InlineData("""{"apiKeys": [{"label": "k", "binance": {"ipRestrict": false, "createTime": 1, "enableReading": true, "enableWithdrawals": false, "enableInternalTransfer": false, "enableMargin": false, "enableFutures": false, "permitsUniversalTransfer": false, "enableVanillaOptions": false, "ENABLEREADING": true}}]}""", "$.apiKeys[0].binance.ENABLEREADING", "repeats $.apiKeys[0].binance.enableReading")]
    [InlineData("""{"apiKeys": [{"label": "k", "binance": {"ipRestrict": false, "createTime": 1, "enableReading": true, "enableWithdrawals": false, "enableInternalTransfer": false, "enableMargin": false, "enableFutures": false, "permitsUniversalTransfer": false, "enableVanillaOptions": false, "enableSpotAndMarginTrading": true, "enableMargin": true}}]}""", "$.apiKeys[0].binance.enableMargin", "is given twice")]
    public void A_repeated_field_is_refused_everywhere_naming_both(string json, string path, string fragment)
    {
        var error = Refused(json);

        Assert.Equal(path, error.JsonPath);
        Assert.False(error.IsMalformedJson);
        Assert.Contains(fragment, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"notional\": 1e400", "too large")]
    [InlineData("\"notional\": 79228162514264337593543950336", "too large")]
    public void A_number_beyond_range_says_so(string notional, string fragment)
    {
        var json = $$$$"""{"sessionChecks": [{"name": "c", "operation": {"kind": "Order", {{{{notional}}}}}, "session": {"platform": "Web", "authenticatedAt": "2026-01-01T00:00:00Z"}}]}""";

        var error = Refused(json);

        Assert.Equal("$.sessionChecks[0].operation.notional", error.JsonPath);
        Assert.Contains(fragment, error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("is a number; expected a number", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_beyond_int32_says_it_is_out_of_range()
    {
        var error = Refused("""{"apiKeys": [{"label": "tws", "ibkr": {"socketPort": 99999999999}}]}""");

        Assert.Equal("$.apiKeys[0].ibkr.socketPort", error.JsonPath);
        Assert.Contains("outside the range", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"binance\": " + Binance, "$.apiKeys[0].binance.createTime")]
    [InlineData("\"grants\": [\"Read\"], \"created\": \"2026-12-01T00:00:00Z\"", "$.apiKeys[0].created")]
    [InlineData("\"grants\": [\"Read\"], \"rotated\": \"2026-12-01T00:00:00Z\"", "$.apiKeys[0].rotated")]
    [InlineData("\"grants\": [\"Read\"], \"lastUsed\": \"2026-12-01T00:00:00Z\"", "$.apiKeys[0].lastUsed")]
    [InlineData("\"grants\": [\"Read\"], \"usage\": {\"observedSince\": \"2026-01-01T00:00:00Z\", \"lastUse\": {\"Read\": \"2026-12-01T00:00:00Z\"}}", "$.apiKeys[0].usage.lastUse.Read")]
    public void Every_past_time_after_as_of_is_refused_and_expiry_is_not(string key, string path)
    {
        string Document(string asOf) => $$"""{"asOf": "{{asOf}}", "apiKeys": [{"label": "k", {{key}}, "expires": "2030-01-01T00:00:00Z"}]}""";

        var accepted = PostureSnapshot.Parse(Document("2027-01-01T00:00:00Z"));
        var error = Refused(Document("2022-01-01T00:00:00Z"));

        Assert.Single(accepted.ApiKeys);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains("later than the judgement instant (asOf", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_as_of_the_evaluator_applies_the_same_rule_at_its_clock()
    {
        var snapshot = PostureSnapshot.Parse("""{"apiKeys": [{"label": "k", "grants": ["Read"], "created": "2026-12-01T00:00:00Z"}]}""");
        var evaluator = new PostureEvaluator(new LoginPostureOptions(), new FixedClock(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero)));

        var error = Assert.Throws<PostureFormatException>(() => evaluator.Evaluate(snapshot));

        Assert.Equal("$.apiKeys[0].created", error.JsonPath);
        Assert.Contains("the evaluator's clock", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_expiring_before_it_was_created_is_named_at_the_platform_field()
    {
        const string kraken = """{"api_key_name": "bot", "permissions": {"funds_query": true, "funds_add": false, "funds_withdraw": false, "funds_earn": false, "trades_query_open": true, "trades_query_closed": true, "trades_modify": false, "trades_close": false, "ledger_query": true, "export_data": false}, "valid_until": 1600000000, "created_time": 1700000000}""";

        var error = Refused($$"""{{{AsOf}}, "apiKeys": [{"kraken": {{kraken}}}]}""");

        Assert.Equal("$.apiKeys[0].kraken.valid_until", error.JsonPath);
        Assert.Contains("earlier than the key's creation ($.apiKeys[0].kraken.created_time)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_trailing_commas_read_alike_inside_platform_objects()
    {
        var plain = PostureSnapshot.Parse($$$$"""{{{{{AsOf}}}}, "apiKeys": [{"label": "k", "binance": {{{{Binance}}}}}], "signals": [{"clientPortalStatus": {"authenticated": false, "competing": true}}]}""");
        var commented = PostureSnapshot.Parse($$$$"""
            {{{{{AsOf}}}}, // judged at
             "apiKeys": [{"label": "k", "binance": {{{{Binance[..^1]}}}}, /* unchanged */ }}],
             "signals": [{"clientPortalStatus": {"authenticated": false, /* logged out */ "competing": true,}},],
            }
            """);

        Assert.Equal(plain.ApiKeys[0].Grants, commented.ApiKeys[0].Grants);
        Assert.Equal(plain.Signals.ToArray(), commented.Signals.ToArray());
        Assert.Equal(2, commented.Signals.Length);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("0.0.0.0/0")]
    [InlineData("::/0")]
    public void An_any_address_in_trusted_ips_is_no_allow_list(string any)
    {
        var key = PostureSnapshot.Parse($$$$"""{"apiKeys": [{"label": "tws", "ibkr": {"trustedIps": ["192.168.1.50", "{{{{any}}}}"], "socketPort": 7497}}]}""").ApiKeys[0];
        var direct = ApiKeyAdapters.FromIbkr(new IbkrApiSettings { TrustedIps = [any], SocketPort = 7497 }, "tws");

        Assert.False(key.IsIpRestricted);
        Assert.False(direct.IsIpRestricted);
        Assert.Equal("is a range; IBKR's Trusted IPs take single addresses such as 203.0.113.7.", ApiKeyAdapters.IbkrTrustedIpProblem("10.0.0.0/8"));
    }

    [Fact]
    public void Names_that_hold_a_credential_are_refused_without_being_quoted()
    {
        var secret = string.Concat(Enumerable.Repeat("Zk4", 12));

        var error = Refused($$"""{"account": "{{secret}}", "signals": ["x"]}""");
        var key = Refused($$"""{"apiKeys": [{"label": "apiKey={{secret[..9]}}", "grants": ["Read"]}]}""");
        var map = Refused($$$$"""{"apiKeys": [{"label": "k", "grants": ["Read"], "usage": {"observedSince": "2026-01-01T00:00:00Z", "lastUse": {"{{{{secret}}}}": "2026-01-02T00:00:00Z"}}}]}""");

        Assert.Equal("$.account", error.JsonPath);
        Assert.Contains("looks like a credential", error.Problem, StringComparison.Ordinal);
        Assert.Equal("$.apiKeys[0].label", key.JsonPath);
        Assert.Equal("$.apiKeys[0].usage.lastUse", map.JsonPath);
        foreach (var e in new[] { error, key, map })
        {
            Assert.DoesNotContain(secret[..9], e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_field_name_that_is_not_an_identifier_is_quoted_visibly_in_the_path()
    {
        var error = Refused("{\"acc\\nount\": \"x\", \"signals\": [\"x\"]}");

        Assert.Equal("$['acc\\nount']", error.JsonPath);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_client_portal_status_given_as_text_is_read_like_the_standalone_parser()
    {
        var snapshot = PostureSnapshot.Parse("""{"signals": [{"clientPortalStatus": "{'authenticated': False}"}]}""");

        Assert.Equal(FailureSignal.FromClientPortalStatus("{'authenticated': False}"), snapshot.Signals.ToArray());
    }
}
