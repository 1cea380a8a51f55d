using System.Net;
using System.Text;
using LoginPosture.ApiKeys;

namespace LoginPosture.Tests.ApiKeys;

public sealed class ApiKeyAdapterTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    // Binance's documented sample response of GET /sapi/v1/account/apiRestrictions.
    private const string BinanceSample = """
        {
          "ipRestrict": false,
          "createTime": 1623840271000,
          "enableReading": true,
          "enableWithdrawals": false,
          "enableInternalTransfer": true,
          "enableMargin": false,
          "enableFutures": false,
          "permitsUniversalTransfer": true,
          "enableVanillaOptions": false,
          "enableFixApiTrade": false,
          "enableFixReadOnly": true,
          "enableSpotAndMarginTrading": false,
          "enablePortfolioMarginTrading": true
        }
        """;

    private const string KrakenSample = """
        {
          "api_key_name": "grid-bot",
          "ip_allowlist": ["203.0.113.7", "2001:db8:1:2::/64"],
          "nonce_window": 1,
          "permissions": {
            "export_data": false, "funds_add": false, "funds_earn": false, "funds_query": true,
            "funds_withdraw": false, "ledger_query": true, "trades_close": true,
            "trades_modify": true, "trades_query_closed": true, "trades_query_open": true
          },
          "query_from": 0, "query_to": 0,
          "valid_until": 1798761600,
          "created_time": 1767225600,
          "last_used": 0
        }
        """;

    private const string CoinbaseSample = """{"can_view": true, "can_trade": true, "can_transfer": false, "portfolio_uuid": "8bfc20d7-f7c6-4422-bf07-8243ca4169fe", "portfolio_type": "DEFAULT"}""";

    // Credential-shaped text is generated at run time so the repository never holds one.
    private static string FakeSecret() => "kr" + Convert.ToBase64String(Enumerable.Range(0, 48).Select(i => (byte)(i * 37 + 11)).ToArray());

    [Fact]
    public void Binance_sample_maps_every_permission_field()
    {
        var key = ApiKeyAdapters.FromBinance(BinanceSample, "binance-main");

        Assert.Equal(
            ApiKeyGrants.Read | ApiKeyGrants.InternalTransfer | ApiKeyGrants.TradeMargin,
            key.Grants);
        Assert.False(key.IsIpRestricted);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1623840271000), key.Created);
        Assert.Equal("binance-main", key.Label);
    }

    [Theory]
    [InlineData("enableSpotAndMarginTrading", ApiKeyGrants.TradeSpot | ApiKeyGrants.TradeMargin)]
    [InlineData("enableMargin", ApiKeyGrants.Margin)]
    [InlineData("enableFutures", ApiKeyGrants.TradeFutures)]
    [InlineData("enableVanillaOptions", ApiKeyGrants.TradeOptions)]
    [InlineData("enableWithdrawals", ApiKeyGrants.Withdraw)]
    [InlineData("enableFixApiTrade", ApiKeyGrants.TradeSpot)]
    public void Binance_flags_turn_on_their_grants(string field, ApiKeyGrants grants)
    {
        var json = BinanceSample.Replace($"\"{field}\": false", $"\"{field}\": true", StringComparison.Ordinal);

        var key = ApiKeyAdapters.FromBinance(Encoding.UTF8.GetBytes(json), "k");

        Assert.Equal(grants, key.Grants & grants);
        Assert.NotEqual(ApiKeyAdapters.FromBinance(BinanceSample, "k").Grants, key.Grants);
    }

    [Fact]
    public void Binance_ip_restriction_is_recorded_as_unlisted_until_the_list_is_added()
    {
        var restricted = ApiKeyAdapters.FromBinance(BinanceSample.Replace("\"ipRestrict\": false", "\"ipRestrict\": true", StringComparison.Ordinal), "k");

        Assert.True(restricted.IsIpRestricted);
        Assert.True(restricted.IpRestrictionUnlisted);
        Assert.Empty(restricted.IpAllowList);
        var listed = restricted with { IpAllowList = [IPNetwork.Parse("203.0.113.7/32")] };
        Assert.Single(listed.IpAllowList);
    }

    [Theory]
    [InlineData("enableWithdrawals")]
    [InlineData("ipRestrict")]
    [InlineData("createTime")]
    [InlineData("permitsUniversalTransfer")]
    public void Binance_missing_required_fields_are_named(string field)
    {
        var json = RemoveField(BinanceSample, field);

        var error = Assert.Throws<FormatException>(() => ApiKeyAdapters.FromBinance(json, "k"));

        Assert.Contains($"'{field}' is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Binance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binance_fields_added_later_are_optional()
    {
        var json = RemoveField(RemoveField(RemoveField(BinanceSample, "enableFixApiTrade"), "enableFixReadOnly"), "enablePortfolioMarginTrading");

        Assert.Equal(ApiKeyGrants.Read | ApiKeyGrants.InternalTransfer, ApiKeyAdapters.FromBinance(json, "k").Grants);
    }

    [Fact]
    public void Wrong_types_name_the_field_and_the_expected_type()
    {
        var json = BinanceSample.Replace("\"enableReading\": true", "\"enableReading\": 1", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => ApiKeyAdapters.FromBinance(json, "k"));

        Assert.Contains("'enableReading' is a number; expected true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void String_booleans_are_accepted()
    {
        var json = BinanceSample.Replace("\"enableWithdrawals\": false", "\"enableWithdrawals\": \"true\"", StringComparison.Ordinal);

        Assert.True(ApiKeyAdapters.FromBinance(json, "k").Grants.HasFlag(ApiKeyGrants.Withdraw));
    }

    [Theory]
    [InlineData("{\"ipRestrict\": false,", "malformed")]
    [InlineData("[1, 2]", "an array, not an object")]
    [InlineData("", "malformed")]
    public void Malformed_json_is_a_format_exception(string json, string expected)
    {
        Assert.Contains(expected, Assert.Throws<FormatException>(() => ApiKeyAdapters.FromBinance(json, "k")).Message, StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Throws<FormatException>(() => ApiKeyAdapters.FromCoinbase(json, "k")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kraken_sample_maps_permissions_allow_list_and_dates()
    {
        var key = ApiKeyAdapters.FromKraken(KrakenSample);

        Assert.Equal("grid-bot", key.Label);
        Assert.Equal(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot, key.Grants);
        Assert.Equal([IPNetwork.Parse("203.0.113.7/32"), IPNetwork.Parse("2001:db8:1:2::/64")], key.IpAllowList.ToArray());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1798761600), key.Expires);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), key.Created);
        Assert.Null(key.LastUsed);
        Assert.Equal("override", ApiKeyAdapters.FromKraken(KrakenSample, "override").Label);
    }

    [Theory]
    [InlineData("funds_withdraw", ApiKeyGrants.Withdraw)]
    [InlineData("funds_add", ApiKeyGrants.Deposit)]
    [InlineData("funds_earn", ApiKeyGrants.Earn)]
    [InlineData("export_data", ApiKeyGrants.Export)]
    public void Kraken_permissions_turn_on_their_grants(string field, ApiKeyGrants grant)
    {
        var json = KrakenSample.Replace($"\"{field}\": false", $"\"{field}\": true", StringComparison.Ordinal);

        Assert.True(ApiKeyAdapters.FromKraken(json).Grants.HasFlag(grant));
        Assert.False(ApiKeyAdapters.FromKraken(KrakenSample).Grants.HasFlag(grant));
    }

    [Fact]
    public void Kraken_valid_until_zero_means_no_expiry_and_response_wrappers_are_unwrapped()
    {
        var json = "{\"error\": [], \"result\": " + KrakenSample.Replace("1798761600", "0", StringComparison.Ordinal) + "}";

        var key = ApiKeyAdapters.FromKraken(json);

        Assert.Null(key.Expires);
        Assert.Equal(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot, key.Grants);
    }

    [Theory]
    [InlineData("\"2026-01-01T00:00:00Z\"")]
    [InlineData("\"1767225600\"")]
    public void Kraken_dates_may_be_strings(string created)
    {
        var json = KrakenSample.Replace("1767225600", created, StringComparison.Ordinal);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), ApiKeyAdapters.FromKraken(json).Created);
    }

    [Theory]
    [InlineData("-5", "outside the range")]
    [InlineData("true", "expected a Unix time in seconds")]
    [InlineData("\"soon\"", "expected a Unix time in seconds")]
    public void Kraken_bad_dates_name_the_field(string validUntil, string problem)
    {
        var json = KrakenSample.Replace("1798761600", validUntil, StringComparison.Ordinal);

        var message = Assert.Throws<FormatException>(() => ApiKeyAdapters.FromKraken(json)).Message;

        Assert.Contains("'valid_until'", message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kraken_errors_are_reported_instead_of_a_key()
    {
        var error = Assert.Throws<FormatException>(() => ApiKeyAdapters.FromKraken("{\"error\": [\"EGeneral:Permission denied\"]}"));

        Assert.Contains("EGeneral:Permission denied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kraken_blank_name_without_a_label_is_named()
    {
        var json = KrakenSample.Replace("\"grid-bot\"", "\"  \"", StringComparison.Ordinal);

        Assert.Contains("'api_key_name' is blank", Assert.Throws<FormatException>(() => ApiKeyAdapters.FromKraken(json)).Message, StringComparison.Ordinal);
        Assert.Equal("named", ApiKeyAdapters.FromKraken(json, "named").Label);
    }

    [Theory]
    [InlineData("\"funds_withdraw\": false, ", "permissions.funds_withdraw")]
    [InlineData("\"api_key_name\": \"grid-bot\",", "api_key_name")]
    public void Kraken_missing_fields_are_named_with_their_path(string removed, string path)
    {
        var json = KrakenSample.Replace(removed, "", StringComparison.Ordinal);

        Assert.Contains($"'{path}' is missing", Assert.Throws<FormatException>(() => ApiKeyAdapters.FromKraken(json)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"203.0.113.7/24\"", "ip_allowlist[0]", "bits set after the /24")]
    [InlineData("\"10.1\"", "ip_allowlist[0]", "not an IPv4 or IPv6 address")]
    [InlineData("\"010.0.0.1\"", "ip_allowlist[0]", "not an IPv4 or IPv6 address")]
    [InlineData("\"fe80::1%eth0\"", "ip_allowlist[0]", "not an IPv4 or IPv6 address")]
    [InlineData("\"10.0.0.0/33\"", "ip_allowlist[0]", "prefix length")]
    [InlineData("42", "ip_allowlist[0]", "not a string")]
    public void Kraken_bad_allow_list_entries_are_named(string entry, string path, string problem)
    {
        var json = KrakenSample.Replace("\"203.0.113.7\"", entry, StringComparison.Ordinal);

        var message = Assert.Throws<FormatException>(() => ApiKeyAdapters.FromKraken(json)).Message;

        Assert.Contains($"'{path}'", message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coinbase_permissions_map_to_grants()
    {
        var key = ApiKeyAdapters.FromCoinbase(CoinbaseSample, "cb-trader");
        var transfer = ApiKeyAdapters.FromCoinbase(CoinbaseSample.Replace("\"can_transfer\": false", "\"can_transfer\": true", StringComparison.Ordinal), "cb");

        Assert.Equal(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot, key.Grants);
        Assert.Equal(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot | ApiKeyGrants.Withdraw | ApiKeyGrants.Deposit | ApiKeyGrants.InternalTransfer, transfer.Grants);
        Assert.False(key.IsIpRestricted);
    }

    [Fact]
    public void Coinbase_missing_permission_is_named()
    {
        var json = CoinbaseSample.Replace("\"can_trade\": true, ", "", StringComparison.Ordinal);

        Assert.Contains("'can_trade' is missing", Assert.Throws<FormatException>(() => ApiKeyAdapters.FromCoinbase(json, "cb")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_and_key_material_are_ignored_and_never_echoed()
    {
        var secret = FakeSecret();
        var kraken = KrakenSample.Replace("\"nonce_window\": 1,", $"\"nonce_window\": 1, \"api_secret\": \"{secret}\", \"future_field\": {{\"x\": [1, 2]}},", StringComparison.Ordinal);
        var coinbase = CoinbaseSample.Replace("{", $"{{\"private_key\": \"{secret}\", \"extra\": null, ", StringComparison.Ordinal);

        var keys = new[] { ApiKeyAdapters.FromKraken(kraken), ApiKeyAdapters.FromCoinbase(coinbase, "cb") };

        var plain = ApiKeyAdapters.FromKraken(KrakenSample);
        Assert.Equal((plain.Label, plain.Grants, plain.Expires, plain.Created), (keys[0].Label, keys[0].Grants, keys[0].Expires, keys[0].Created));
        Assert.Equal(plain.IpAllowList.ToArray(), keys[0].IpAllowList.ToArray());
        var evaluator = new ApiKeyEvaluator(new ApiKeyEvaluatorOptions());
        foreach (var key in keys)
        {
            var text = key + string.Concat(evaluator.Evaluate(key, Now).Findings) + evaluator.Evaluate(key, Now);
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Errors_in_json_that_carries_key_material_never_quote_it()
    {
        var secret = FakeSecret();
        var broken = $"{{\"api_secret\": \"{secret}\" \"permissions\": {{}}}}";
        var wrongType = KrakenSample.Replace("\"funds_query\": true", $"\"funds_query\": \"{secret}\"", StringComparison.Ordinal);

        var malformed = Assert.Throws<FormatException>(() => ApiKeyAdapters.FromKraken(broken));
        var mistyped = Assert.Throws<FormatException>(() => ApiKeyAdapters.FromKraken(wrongType));

        Assert.DoesNotContain(secret, malformed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, mistyped.ToString(), StringComparison.Ordinal);
        Assert.Contains("'permissions.funds_query' is a string", mistyped.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7496, ApiKeyEnvironment.Live)]
    [InlineData(4001, ApiKeyEnvironment.Live)]
    [InlineData(7497, ApiKeyEnvironment.Paper)]
    [InlineData(4002, ApiKeyEnvironment.Paper)]
    public void Ibkr_port_decides_live_or_paper(int port, ApiKeyEnvironment expected) =>
        Assert.Equal(expected, ApiKeyAdapters.FromIbkr(new IbkrApiSettings { SocketPort = port, LocalhostOnly = true }, "tws").Environment);

    [Fact]
    public void Ibkr_read_only_api_holds_read_only()
    {
        var readOnly = ApiKeyAdapters.FromIbkr(new IbkrApiSettings { SocketPort = 7496, ReadOnlyApi = true, LocalhostOnly = true }, "tws");
        var trading = ApiKeyAdapters.FromIbkr(new IbkrApiSettings { SocketPort = 7496, LocalhostOnly = true }, "tws");

        Assert.Equal(ApiKeyGrants.Read, readOnly.Grants);
        Assert.Equal(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot | ApiKeyGrants.TradeMargin | ApiKeyGrants.TradeFutures | ApiKeyGrants.TradeOptions, trading.Grants);
        Assert.Equal(ApiKeyGrants.None, trading.Grants & (ApiKeyGrants.Withdraw | ApiKeyGrants.InternalTransfer));
    }

    [Fact]
    public void Ibkr_network_settings_become_the_allow_list()
    {
        var localhost = ApiKeyAdapters.FromIbkr(new IbkrApiSettings { SocketPort = 4002, LocalhostOnly = true, TrustedIps = ["198.51.100.4"] }, "gw");
        var trusted = ApiKeyAdapters.FromIbkr(new IbkrApiSettings { SocketPort = 4002, TrustedIps = ["198.51.100.4", "2001:db8::9"] }, "gw");
        var open = ApiKeyAdapters.FromIbkr(new IbkrApiSettings { SocketPort = 4002 }, "gw");

        Assert.Equal([IPNetwork.Parse("127.0.0.1/32"), IPNetwork.Parse("::1/128")], localhost.IpAllowList.ToArray());
        Assert.Equal([IPNetwork.Parse("127.0.0.1/32"), IPNetwork.Parse("198.51.100.4/32"), IPNetwork.Parse("2001:db8::9/128")], trusted.IpAllowList.ToArray());
        Assert.False(open.IsIpRestricted);
    }

    [Fact]
    public void Ibkr_bad_settings_name_the_setting()
    {
        var range = Assert.Throws<ArgumentException>(() => ApiKeyAdapters.FromIbkr(new IbkrApiSettings { SocketPort = 7496, TrustedIps = ["198.51.100.4", "10.0.0.0/24"] }, "tws"));
        var port = Assert.Throws<ArgumentException>(() => ApiKeyAdapters.FromIbkr(new IbkrApiSettings { SocketPort = 7000 }, "tws"));
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => ApiKeyAdapters.FromIbkr(default, "tws"));

        Assert.Equal("settings.TrustedIps[1]", range.ParamName);
        Assert.Contains("single addresses", range.Message, StringComparison.Ordinal);
        Assert.Equal("settings.SocketPort", port.ParamName);
        Assert.Equal("settings.SocketPort", zero.ParamName);
        Assert.Equal(ApiKeyEnvironment.Paper, ApiKeyAdapters.FromIbkr(new IbkrApiSettings { SocketPort = 7000, Environment = ApiKeyEnvironment.Paper }, "tws").Environment);
    }

    [Fact]
    public void An_ibkr_trading_install_on_live_without_network_limits_is_high_risk()
    {
        var tws = ApiKeyAdapters.FromIbkr(new IbkrApiSettings { SocketPort = 7496 }, "tws-desktop") with
        {
            Created = Now.AddDays(-30),
            Expires = Now.AddDays(300),
        };

        var result = new ApiKeyEvaluator(new ApiKeyEvaluatorOptions()).Evaluate(tws, Now);

        Assert.Equal(ApiKeyIssues.NoIpRestriction | ApiKeyIssues.LiveWherePaperSuffices, result.Issues);
        Assert.Equal(Severity.High, result.Severity);
    }

    private static string RemoveField(string json, string field)
    {
        var lines = json.Split('\n').Where(line => !line.TrimStart().StartsWith($"\"{field}\"", StringComparison.Ordinal)).ToArray();
        var joined = string.Join('\n', lines);
        return joined.Replace(",\n}", "\n}", StringComparison.Ordinal).Replace(",\r\n}", "\r\n}", StringComparison.Ordinal);
    }
}
