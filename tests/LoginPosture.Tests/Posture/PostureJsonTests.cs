using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.Posture;
using LoginPosture.Tiers;

namespace LoginPosture.Tests.Posture;

public sealed class PostureJsonTests
{
    [Fact]
    public void The_shipped_example_reads_completely()
    {
        var snapshot = PostureSnapshot.Parse(File.ReadAllText(RepoPaths.File("samples", "posture.example.json")));

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 14, 45, 0, TimeSpan.Zero), snapshot.AsOf);
        Assert.Equal(3, snapshot.SecondFactors!.Authenticators.Count);
        var otp = Assert.Single(snapshot.OtpEnrolments);
        Assert.Equal(("Google Authenticator (Binance)", 160, LoginPosture.Otp.OtpKeyVerdict.Acceptable), (otp.Key, otp.Value.SecretBits, otp.Value.Verdict));
        Assert.Equal(["binance-rebalancer", "tws-algo (TWS API on the workstation)"], snapshot.ApiKeys.Select(k => k.Label));
        var binance = snapshot.ApiKeys[0];
        Assert.Equal(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot | ApiKeyGrants.TradeMargin | ApiKeyGrants.Withdraw, binance.Grants);
        Assert.False(binance.IsIpRestricted);
        Assert.NotNull(binance.Usage);
        Assert.Equal(ApiKeyEnvironment.Live, snapshot.ApiKeys[1].Environment);
        Assert.Equal(
            [OperationKind.Withdrawal, OperationKind.Rebalance, OperationKind.Order, OperationKind.PortfolioView],
            snapshot.SessionChecks.Select(c => c.Operation.Kind));
        Assert.Equal(TimeSpan.FromMinutes(30), snapshot.SessionChecks[1].Session.IdleTimeout);

        // Four log lines, one coded TWS signal, and a Client Portal status that reports two states.
        Assert.Equal(7, snapshot.Signals.Length);
        Assert.Equal(SignalSource.Tws, snapshot.Signals[4].Source);
        Assert.Equal(162, snapshot.Signals[4].Code);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"account\": \"x\", \"asOf\": \"2026-01-01T00:00:00Z\"}")]
    [InlineData("{\"apiKeys\": [], \"sessionChecks\": [], \"signals\": []}")]
    public void A_document_with_nothing_to_judge_is_an_error_not_a_clean_report(string json)
    {
        var error = Assert.Throws<PostureFormatException>(() => PostureSnapshot.Parse(json));

        Assert.Equal("$", error.JsonPath);
        Assert.Contains("nothing to judge", error.Problem, StringComparison.Ordinal);
        Assert.False(error.IsMalformedJson);
    }

    [Theory]
    [InlineData("{\"account\": \"x\",, }", "$", "malformed")]
    [InlineData("[]", "$", "expected an object")]
    [InlineData("{\"acount\": \"x\"}", "$.acount", "not a known field")]
    [InlineData("{\"asOf\": \"yesterday\"}", "$.asOf", "ISO 8601")]
    [InlineData("{\"apiKeys\": {}}", "$.apiKeys", "expected an array")]
    [InlineData("{\"apiKeys\": [{\"label\": \"k\"}]}", "$.apiKeys[0]", "no key source")]
    [InlineData("{\"apiKeys\": [{\"label\": \"k\", \"grants\": [], \"ibkr\": {\"socketPort\": 7497}}]}", "$.apiKeys[0]", "ibkr and grants key source")]
    [InlineData("{\"apiKeys\": [{\"grants\": [\"Read\"]}]}", "$.apiKeys[0]", "no \"label\"")]
    [InlineData("{\"apiKeys\": [{\"label\": \"k\", \"grants\": [\"Read\", \"Teleport\"]}]}", "$.apiKeys[0].grants[1]", "\"Teleport\" is not a known ApiKeyGrants value")]
    [InlineData("{\"apiKeys\": [{\"label\": \"k\", \"grants\": [\"Read\"], \"ipAllowList\": [\"10.0.0.300\"]}]}", "$.apiKeys[0].ipAllowList[0]", "203.0.113.0/24")]
    [InlineData("{\"apiKeys\": [{\"label\": \"k\", \"ibkr\": {\"socketPort\": 7497}, \"environment\": \"Paper\"}]}", "$.apiKeys[0].environment", "only to keys described by \"grants\"")]
    [InlineData("{\"apiKeys\": [{\"label\": \"k\", \"binance\": {\"ipRestrict\": false}}]}", "$.apiKeys[0].binance.enableReading", "is missing")]
    [InlineData("{\"apiKeys\": [{\"label\": \"k\", \"grants\": [\"Read\"], \"usage\": {\"lastUse\": {\"Fly\": \"2026-01-01T00:00:00Z\"}}}]}", "$.apiKeys[0].usage.lastUse", "(number 1) that is not an ApiKeyGrants name")]
    [InlineData("{\"sessionChecks\": [{\"name\": \"c\", \"operation\": {\"kind\": \"Order\"}}]}", "$.sessionChecks[0].session", "is missing")]
    [InlineData("{\"sessionChecks\": [{\"name\": \"c\", \"operation\": {\"kind\": \"Teleport\"}, \"session\": {}}]}", "$.sessionChecks[0].operation.kind", "OperationKind")]
    [InlineData("{\"sessionChecks\": [{\"name\": \"c\", \"operation\": {\"kind\": \"2\"}, \"session\": {}}]}", "$.sessionChecks[0].operation.kind", "OperationKind")]
    [InlineData("{\"sessionChecks\": [{\"name\": \"c\", \"operation\": {\"kind\": \"Order\", \"notional\": -1}, \"session\": {}}]}", "$.sessionChecks[0].operation.notional", "negative")]
    [InlineData("{\"sessionChecks\": [{\"name\": \"c\", \"operation\": {\"kind\": \"Order\"}, \"session\": {\"platform\": \"Web\", \"authenticatedAt\": \"2026-01-01T00:00:00Z\", \"idleTimeout\": \"00:00:00\"}}]}", "$.sessionChecks[0].session.idleTimeout", "not positive")]
    [InlineData("{\"sessionChecks\": [{\"name\": \"c\", \"operation\": {\"kind\": \"Order\"}, \"session\": {\"platform\": \"Web\", \"authenticatedAt\": \"2026-01-01T00:00:00Z\", \"trustedNetwork\": \"yes\"}}]}", "$.sessionChecks[0].session.trustedNetwork", "true or false")]
    [InlineData("{\"secondFactors\": {\"domains\": [{\"name\": \"phone\", \"kind\": \"Device\"}], \"authenticators\": [{\"label\": \"a\", \"kind\": \"Yubikey\", \"domains\": [\"phone\"]}]}}", "$.secondFactors.authenticators[0].kind", "AuthenticatorKind")]
    [InlineData("{\"secondFactors\": {\"domains\": [], \"authenticators\": [{\"label\": \"a\", \"kind\": \"Sms\", \"domains\": []}]}}", "$.secondFactors.authenticators[0]", "domains")]
    [InlineData("{\"signals\": [42]}", "$.signals[0]", "expected an object")]
    [InlineData("{\"signals\": [{\"code\": 1100}]}", "$.signals[0].source", "is missing")]
    public void Each_error_names_the_json_path_and_the_fix(string json, string path, string fragment)
    {
        var error = Assert.Throws<PostureFormatException>(() => PostureSnapshot.Parse(json));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(fragment, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_an_undeclared_domain_is_reported_at_the_reference()
    {
        const string json = """{"secondFactors": {"domains": [], "authenticators": [{"label": "a", "kind": "Sms", "domains": ["phone"]}]}}""";

        var error = Assert.Throws<PostureFormatException>(() => PostureSnapshot.Parse(json));

        Assert.Equal("$.secondFactors.authenticators[0].domains[0]", error.JsonPath);
        Assert.Contains("\"phone\", which $.secondFactors.domains does not declare", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_outside_the_format_are_allowed_only_inside_platform_json()
    {
        const string json = """
            {"apiKeys": [{"label": "kraken-bot", "kraken": {
              "api_key_name": "kraken-bot", "nonce_window": 0, "some_future_field": 1,
              "permissions": {"funds_query": true, "funds_add": false, "funds_withdraw": false, "funds_earn": false,
                              "trades_query_open": true, "trades_query_closed": true, "trades_modify": true, "trades_close": true,
                              "ledger_query": true, "export_data": false},
              "ip_allowlist": ["203.0.113.0/28"], "valid_until": 0}}]}
            """;

        var key = Assert.Single(PostureSnapshot.Parse(json).ApiKeys);

        Assert.True(key.IsIpRestricted);
        Assert.True(key.Grants.HasFlag(ApiKeyGrants.Read));
        Assert.False(key.Grants.HasFlag(ApiKeyGrants.Withdraw));
    }
}
