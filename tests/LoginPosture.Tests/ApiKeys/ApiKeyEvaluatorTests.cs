using System.Net;
using LoginPosture.ApiKeys;

namespace LoginPosture.Tests.ApiKeys;

public sealed class ApiKeyEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ApiKeyEvaluator Evaluator = new(new ApiKeyEvaluatorOptions());

    // A well-kept spot bot: IP-pinned, young, expiring, paper, using exactly what it holds.
    private static ApiKeyDescriptor CleanKey() => new("spot-bot", ApiKeyGrants.Read | ApiKeyGrants.TradeSpot)
    {
        IpAllowList = [IPNetwork.Parse("203.0.113.7/32")],
        Created = Now.AddDays(-120),
        Rotated = Now.AddDays(-10),
        Expires = Now.AddDays(80),
        Environment = ApiKeyEnvironment.Paper,
        Usage = Usage(Now.AddDays(-100), (ApiKeyGrants.Read | ApiKeyGrants.TradeSpot, Now.AddHours(-1))),
    };

    private static ApiKeyUsage Usage(DateTimeOffset since, params (ApiKeyGrants Grant, DateTimeOffset At)[] uses) =>
        new(since, uses.Select(u => KeyValuePair.Create(u.Grant, u.At)), [IPAddress.Parse("203.0.113.7")]);

    private static ApiKeyEvaluation Evaluate(ApiKeyDescriptor key) => Evaluator.Evaluate(key, Now);

    [Fact]
    public void A_well_kept_key_has_no_findings()
    {
        var result = Evaluate(CleanKey());

        Assert.Equal(ApiKeyIssues.None, result.Issues);
        Assert.Equal((Severity?)null, result.Severity);
        Assert.Empty(result.Findings);
        Assert.Equal(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot, result.Minimal);
        Assert.Equal(ApiKeyGrants.None, result.Excess);
    }

    [Fact]
    public void Minimal_set_is_the_exercised_grants_plus_read_when_a_write_was_used()
    {
        var key = CleanKey() with
        {
            Grants = ApiKeyGrants.Read | ApiKeyGrants.TradeSpot | ApiKeyGrants.TradeFutures | ApiKeyGrants.Withdraw | ApiKeyGrants.Export,
            Usage = Usage(Now.AddDays(-100), (ApiKeyGrants.TradeSpot, Now.AddDays(-3)), (ApiKeyGrants.TradeFutures, Now.AddDays(-91))),
        };

        var result = Evaluate(key);

        Assert.Equal(ApiKeyGrants.TradeSpot, result.Exercised);
        Assert.Equal(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot, result.Minimal);
        Assert.Equal(ApiKeyGrants.TradeFutures | ApiKeyGrants.Withdraw | ApiKeyGrants.Export, result.Excess);
        Assert.True(result.Has(ApiKeyIssues.UnusedGrants));
    }

    [Fact]
    public void Read_alone_is_not_added_when_only_reads_were_used()
    {
        var key = CleanKey() with
        {
            Grants = ApiKeyGrants.Read | ApiKeyGrants.Export | ApiKeyGrants.TradeSpot,
            Usage = Usage(Now.AddDays(-100), (ApiKeyGrants.Export, Now.AddDays(-1))),
        };

        Assert.Equal(ApiKeyGrants.Export, Evaluate(key).Minimal);
    }

    [Fact]
    public void Without_a_usage_record_nothing_is_cut()
    {
        var result = Evaluate(CleanKey() with { Usage = null });

        Assert.False(result.UsageObserved);
        Assert.Equal(result.Granted, result.Minimal);
        Assert.Equal(ApiKeyGrants.None, result.Excess);
        Assert.False(result.Has(ApiKeyIssues.UnusedGrants));
    }

    [Theory]
    [InlineData(89, false)]
    [InlineData(90, true)]
    public void Unused_grants_are_reported_only_when_the_whole_window_was_observed(int observedDays, bool reported)
    {
        var key = CleanKey() with
        {
            Grants = ApiKeyGrants.Read | ApiKeyGrants.TradeSpot | ApiKeyGrants.TradeOptions,
            Usage = Usage(Now.AddDays(-observedDays), (ApiKeyGrants.TradeSpot, Now.AddDays(-1))),
        };

        var result = Evaluate(key);

        Assert.Equal(ApiKeyGrants.TradeOptions, result.Excess);
        Assert.Equal(reported, result.Has(ApiKeyIssues.UnusedGrants));
    }

    [Fact]
    public void A_key_younger_than_the_window_has_excess_but_no_unused_grant_finding()
    {
        var key = CleanKey() with
        {
            Created = Now.AddDays(-30),
            Rotated = null,
            Grants = ApiKeyGrants.Read | ApiKeyGrants.TradeSpot | ApiKeyGrants.Withdraw,
        };

        var result = Evaluate(key);

        Assert.Equal(ApiKeyGrants.Withdraw, result.Excess);
        Assert.False(result.Has(ApiKeyIssues.UnusedGrants));
    }

    [Theory]
    [InlineData(ApiKeyGrants.Withdraw, Severity.High)]
    [InlineData(ApiKeyGrants.KeyManagement, Severity.High)]
    [InlineData(ApiKeyGrants.TradeFutures, Severity.Medium)]
    [InlineData(ApiKeyGrants.Export, Severity.Low)]
    public void Unused_grant_severity_follows_what_the_excess_could_do(ApiKeyGrants extra, Severity expected)
    {
        var key = CleanKey() with { Grants = ApiKeyGrants.Read | ApiKeyGrants.TradeSpot | extra };

        var finding = Assert.Single(Evaluate(key).Findings, f => f.Id == "AK005");

        Assert.Equal(expected, finding.Severity);
        Assert.Contains(extra.ToString(), finding.Message, StringComparison.Ordinal);
        Assert.Contains("Read, TradeSpot", finding.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApiKeyGrants.Withdraw, true)]
    [InlineData(ApiKeyGrants.InternalTransfer, true)]
    [InlineData(ApiKeyGrants.Deposit, false)]
    [InlineData(ApiKeyGrants.Earn, false)]
    public void A_trading_key_that_moves_funds_is_reported(ApiKeyGrants extra, bool reported)
    {
        var key = CleanKey() with { Grants = ApiKeyGrants.Read | ApiKeyGrants.TradeSpot | extra };

        Assert.Equal(reported, Evaluate(key).Has(ApiKeyIssues.TradingKeyMovesFunds));
    }

    [Fact]
    public void A_withdraw_only_key_is_not_a_trading_key()
    {
        var key = CleanKey() with { Grants = ApiKeyGrants.Read | ApiKeyGrants.Withdraw };

        Assert.False(Evaluate(key).Has(ApiKeyIssues.TradingKeyMovesFunds));
    }

    [Fact]
    public void Withdraw_without_an_allow_list_is_critical()
    {
        var key = CleanKey() with { Grants = ApiKeyGrants.Read | ApiKeyGrants.Withdraw, IpAllowList = [] };

        var result = Evaluate(key);

        Assert.True(result.Has(ApiKeyIssues.WithdrawWithoutIpRestriction | ApiKeyIssues.NoIpRestriction));
        Assert.Equal(Severity.Critical, result.Severity);
        var worst = result.Findings.MaxBy(f => f.Severity)!;
        Assert.Equal("AK002", worst.Id);
        Assert.Equal(Layer.Platform, worst.Layer);
    }

    [Fact]
    public void An_unlisted_platform_restriction_counts_as_restricted()
    {
        var key = CleanKey() with { Grants = ApiKeyGrants.Read | ApiKeyGrants.Withdraw, IpAllowList = [], IpRestrictionUnlisted = true };

        Assert.False(Evaluate(key).Has(ApiKeyIssues.NoIpRestriction | ApiKeyIssues.WithdrawWithoutIpRestriction));
    }

    [Theory]
    [InlineData(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot, Severity.High)]
    [InlineData(ApiKeyGrants.Read, Severity.Medium)]
    public void No_allow_list_weighs_more_on_a_key_that_can_act(ApiKeyGrants grants, Severity expected)
    {
        var key = CleanKey() with { Grants = grants, IpAllowList = [] };

        Assert.Equal(expected, Assert.Single(Evaluate(key).Findings, f => f.Id == "AK003").Severity);
    }

    [Theory]
    [InlineData("203.0.113.0/24", false)]
    [InlineData("203.0.112.0/23", true)]
    [InlineData("0.0.0.0/4", true)]
    [InlineData("2001:db8:1:2::/64", false)]
    [InlineData("2001:db8::/48", true)]
    public void Allow_list_entries_wider_than_the_configured_prefix_are_reported(string cidr, bool reported)
    {
        var key = CleanKey() with { IpAllowList = [IPNetwork.Parse("198.51.100.9/32"), IPNetwork.Parse(cidr)] };

        var result = Evaluate(key);

        Assert.Equal(reported, result.Has(ApiKeyIssues.BroadAllowList));
        if (reported)
        {
            Assert.Contains(cidr, Assert.Single(result.Findings, f => f.Id == "AK004").Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_prefix_limits_are_configurable()
    {
        var strict = new ApiKeyEvaluator(new ApiKeyEvaluatorOptions { MinIPv4PrefixLength = 32 });
        var key = CleanKey() with { IpAllowList = [IPNetwork.Parse("203.0.113.0/31")] };

        Assert.False(Evaluate(key).Has(ApiKeyIssues.BroadAllowList));
        Assert.True(strict.Evaluate(key, Now).Has(ApiKeyIssues.BroadAllowList));
    }

    [Fact]
    public void Use_from_outside_the_allow_list_names_the_addresses()
    {
        var usage = new ApiKeyUsage(
            Now.AddDays(-100),
            [KeyValuePair.Create(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot, Now.AddDays(-1))],
            [IPAddress.Parse("203.0.113.7"), IPAddress.Parse("::ffff:192.0.2.44"), IPAddress.Parse("2001:db8::5")]);

        var result = Evaluate(CleanKey() with { Usage = usage });

        var finding = Assert.Single(result.Findings, f => f.Id == "AK012");
        Assert.Contains("192.0.2.44, 2001:db8::5", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.7", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.High, finding.Severity);
    }

    [Theory]
    [InlineData(44, false)]
    [InlineData(45, true)]
    public void A_key_unused_for_45_days_is_reported(int idleDays, bool reported)
    {
        var key = CleanKey() with { Usage = Usage(Now.AddDays(-100), (ApiKeyGrants.Read | ApiKeyGrants.TradeSpot, Now.AddDays(-idleDays))) };

        Assert.Equal(reported, Evaluate(key).Has(ApiKeyIssues.UnusedKey));
    }

    [Fact]
    public void A_never_used_key_counts_idle_days_from_when_observation_could_see_it()
    {
        var never = CleanKey() with { Created = Now.AddDays(-60), Rotated = null, Usage = Usage(Now.AddDays(-100)) };
        var young = never with { Created = Now.AddDays(-20) };

        var finding = Assert.Single(Evaluate(never).Findings, f => f.Id == "AK006");
        Assert.Contains("60 days", finding.Message, StringComparison.Ordinal);
        Assert.False(Evaluate(young).Has(ApiKeyIssues.UnusedKey));
    }

    [Fact]
    public void The_platforms_last_use_counts_too()
    {
        var key = CleanKey() with { Usage = null, LastUsed = Now.AddDays(-50) };

        Assert.True(Evaluate(key).Has(ApiKeyIssues.UnusedKey));
        Assert.False(Evaluate(key with { LastUsed = Now.AddDays(-5) }).Has(ApiKeyIssues.UnusedKey));
    }

    [Fact]
    public void A_key_that_never_expires_is_reported()
    {
        var finding = Assert.Single(Evaluate(CleanKey() with { Expires = null }).Findings);

        Assert.Equal("AK007", finding.Id);
        Assert.Equal(Layer.Identity, finding.Layer);
    }

    [Theory]
    [InlineData(366, false)]
    [InlineData(367, true)]
    public void Lifetime_longer_than_366_days_is_reported(int lifetimeDays, bool reported)
    {
        var key = CleanKey() with { Rotated = Now.AddDays(-10), Expires = Now.AddDays(-10 + lifetimeDays) };

        Assert.Equal(reported, Evaluate(key).Has(ApiKeyIssues.LifetimeTooLong));
    }

    [Theory]
    [InlineData(90, false)]
    [InlineData(91, true)]
    public void A_secret_older_than_90_days_is_overdue_for_rotation(int ageDays, bool reported)
    {
        var rotated = CleanKey() with { Rotated = Now.AddDays(-ageDays) };
        var neverRotated = CleanKey() with { Rotated = null, Created = Now.AddDays(-ageDays) };

        Assert.Equal(reported, Evaluate(rotated).Has(ApiKeyIssues.RotationOverdue));
        Assert.Equal(reported, Evaluate(neverRotated).Has(ApiKeyIssues.RotationOverdue));
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        var lenient = new ApiKeyEvaluator(new ApiKeyEvaluatorOptions { MaxRotationAge = TimeSpan.FromDays(180), UnusedKeyAge = TimeSpan.FromDays(90) });
        var key = CleanKey() with { Rotated = Now.AddDays(-100), LastUsed = Now.AddDays(-60), Usage = null };

        Assert.True(Evaluate(key).Has(ApiKeyIssues.RotationOverdue | ApiKeyIssues.UnusedKey));
        Assert.False(lenient.Evaluate(key, Now).Has(ApiKeyIssues.RotationOverdue | ApiKeyIssues.UnusedKey));
    }

    [Fact]
    public void A_key_that_manages_keys_is_reported()
    {
        var key = CleanKey() with { Grants = ApiKeyGrants.Read | ApiKeyGrants.TradeSpot | ApiKeyGrants.KeyManagement };

        var finding = Assert.Single(Evaluate(key).Findings, f => f.Id == "AK010");
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(Layer.Permissions, finding.Layer);
    }

    [Fact]
    public void Live_access_is_reported_unless_the_workflow_declares_it_needs_live()
    {
        var live = CleanKey() with { Environment = ApiKeyEnvironment.Live };

        Assert.Equal(Severity.High, Assert.Single(Evaluate(live).Findings).Severity);
        Assert.False(Evaluate(live with { LiveAccessRequired = true }).Has(ApiKeyIssues.LiveWherePaperSuffices));
        Assert.Equal(Severity.Low, Assert.Single(Evaluate(live with { Grants = ApiKeyGrants.Read }).Findings).Severity);
    }

    [Fact]
    public void Findings_come_in_finding_order_with_anchor_fix_and_label()
    {
        var key = new ApiKeyDescriptor("legacy-bot", ApiKeyGrants.Read | ApiKeyGrants.TradeSpot | ApiKeyGrants.Withdraw | ApiKeyGrants.KeyManagement)
        {
            Created = Now.AddDays(-800),
            Usage = Usage(Now.AddDays(-400), (ApiKeyGrants.TradeSpot, Now.AddDays(-200))),
        };

        var result = Evaluate(key);
        var findings = result.Findings;

        Assert.Equal(Severity.Critical, result.Severity);
        Assert.Equal(System.Numerics.BitOperations.PopCount((uint)result.Issues), findings.Count);
        Assert.Equal(findings.Order(FindingOrder.Instance), findings);
        Assert.True(findings.Select(f => f.Layer).Distinct().Count() > 1, "the key breaks rules on more than one layer");
        Assert.All(findings, f =>
        {
            Assert.Matches("^AK0[01][0-9]$", f.Id);
            Assert.Contains("'legacy-bot'", f.Message, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(f.Fix));
            Assert.False(string.IsNullOrWhiteSpace(f.Anchor));
        });
        Assert.Equal(findings.Count, findings.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public void Each_issue_flag_renders_the_finding_with_its_id()
    {
        // Broken every way that can coexist: wide list, outside use, idle, old, long-lived, live, over-granted.
        var key = new ApiKeyDescriptor("all-bad", (ApiKeyGrants)((1 << 12) - 1))
        {
            IpAllowList = [IPNetwork.Parse("10.0.0.0/8")],
            Created = Now.AddDays(-900),
            Expires = Now.AddDays(100),
            Usage = Usage(Now.AddDays(-400), (ApiKeyGrants.TradeSpot, Now.AddDays(-300))),
        };

        var result = Evaluate(key);

        var expected = ApiKeyIssues.TradingKeyMovesFunds | ApiKeyIssues.BroadAllowList | ApiKeyIssues.UnusedGrants
            | ApiKeyIssues.UnusedKey | ApiKeyIssues.LifetimeTooLong | ApiKeyIssues.RotationOverdue
            | ApiKeyIssues.KeyManagement | ApiKeyIssues.LiveWherePaperSuffices | ApiKeyIssues.UseOutsideAllowList;
        Assert.Equal(expected, result.Issues);
        var ids = result.Findings.Select(f => f.Id).Order(StringComparer.Ordinal);
        var fromFlags = Enumerable.Range(0, 12).Where(bit => ((int)expected & (1 << bit)) != 0).Select(bit => $"AK{bit + 1:D3}");
        Assert.Equal(fromFlags, ids);
    }

    [Fact]
    public void The_clock_comes_from_the_time_provider()
    {
        var clock = new FixedClock(Now);
        var evaluator = new ApiKeyEvaluator(new ApiKeyEvaluatorOptions(), clock);
        var key = CleanKey();

        Assert.Equal(evaluator.Evaluate(key, Now), evaluator.Evaluate(key));
        clock.Now = Now.AddDays(200);
        Assert.True(evaluator.Evaluate(key).Has(ApiKeyIssues.RotationOverdue | ApiKeyIssues.UnusedKey));
    }

    [Fact]
    public void Impossible_dates_are_rejected_naming_the_field()
    {
        var rotatedEarly = Assert.Throws<ArgumentException>(() => Evaluate(CleanKey() with { Rotated = Now.AddDays(-200) }));
        var expiredEarly = Assert.Throws<ArgumentException>(() => Evaluate(CleanKey() with { Expires = Now.AddDays(-200) }));

        Assert.Equal("descriptor.Rotated", rotatedEarly.ParamName);
        Assert.Equal("descriptor.Expires", expiredEarly.ParamName);
        Assert.Contains("descriptor.Created", rotatedEarly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_descriptor_values_are_rejected_at_construction()
    {
        Assert.Equal("descriptor.Label", Assert.Throws<ArgumentException>(() => new ApiKeyDescriptor(" ", ApiKeyGrants.Read)).ParamName);
        Assert.Equal("descriptor.Grants", Assert.Throws<ArgumentException>(() => new ApiKeyDescriptor("k", (ApiKeyGrants)(1 << 20))).ParamName);
        Assert.Equal("descriptor.Environment", Assert.Throws<ArgumentException>(() => CleanKey() with { Environment = (ApiKeyEnvironment)7 }).ParamName);
        Assert.Throws<ArgumentNullException>(() => Evaluator.Evaluate(null!, Now));
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("::/0")]
    public void An_allow_list_with_a_zero_prefix_entry_counts_as_no_restriction(string cidr)
    {
        var key = CleanKey() with { Grants = ApiKeyGrants.Read | ApiKeyGrants.Withdraw, IpAllowList = [IPNetwork.Parse("203.0.113.7/32"), IPNetwork.Parse(cidr)] };

        var result = Evaluate(key);

        Assert.True(result.Has(ApiKeyIssues.NoIpRestriction | ApiKeyIssues.WithdrawWithoutIpRestriction));
        Assert.Contains("admits every address", Assert.Single(result.Findings, f => f.Id == "AK003").Message, StringComparison.Ordinal);
        Assert.True(Evaluate(key with { IpAllowList = [default] }).Has(ApiKeyIssues.NoIpRestriction));
    }

    [Fact]
    public void Usage_keeps_the_latest_time_per_grant_and_rejects_empty_grants()
    {
        var usage = new ApiKeyUsage(Now.AddDays(-10), [
            KeyValuePair.Create(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot, Now.AddDays(-5)),
            KeyValuePair.Create(ApiKeyGrants.Read, Now.AddDays(-2)),
            KeyValuePair.Create(ApiKeyGrants.Read, Now.AddDays(-8)),
        ]);

        Assert.Equal(Now.AddDays(-2), usage.LastUseOf(ApiKeyGrants.Read));
        Assert.Equal(Now.AddDays(-5), usage.LastUseOf(ApiKeyGrants.TradeSpot));
        Assert.Null(usage.LastUseOf(ApiKeyGrants.Withdraw));
        Assert.Equal(Now.AddDays(-2), usage.LastUsed);
        Assert.Equal(ApiKeyGrants.Read, usage.UsedSince(Now.AddDays(-3)));
        Assert.Throws<ArgumentException>(() => usage.LastUseOf(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot));
        Assert.Throws<ArgumentException>(() => new ApiKeyUsage(Now, [KeyValuePair.Create(ApiKeyGrants.None, Now)]));
    }

    [Fact]
    public void A_descriptor_prints_its_label_and_nothing_else()
    {
        var key = CleanKey() with { Label = "bot-7", Environment = ApiKeyEnvironment.Live };

        Assert.Equal("bot-7", key.ToString());
        Assert.Equal("bot-7", $"{key}");
        Assert.StartsWith("bot-7: High;", Evaluate(key).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_evaluation_renders_no_findings()
    {
        Assert.Empty(default(ApiKeyEvaluation).Findings);
        Assert.Equal("", default(ApiKeyEvaluation).Label);
    }
}
