using LoginPosture.FsCheck.Conformance;
using LoginPosture.Tiers;

namespace LoginPosture.Tests.Generators;

public sealed class TierPolicyConformanceTests
{
    [Fact]
    public void The_default_options_conform_to_every_seed_invariant()
    {
        var report = TierPolicyConformance.Check(new TierPolicyOptions(), maxTest: 2_000);

        Assert.True(report.Conforms, report.ToString());
        Assert.Equal(5, report.CheckedInvariants.Count);
    }

    [Fact]
    public void Letting_sms_satisfy_tier1_is_found_and_blamed_on_the_critical_minimum_factor()
    {
        var weakened = new TierPolicyOptions { CriticalMinimumFactor = FactorStrength.Weak, RoutineMinimumFactor = FactorStrength.Weak };

        var report = TierPolicyConformance.Check(weakened);

        var sms = Assert.Single(report.Violations, v => v.Invariant == "SmsNeverSatisfiesTier1");
        Assert.Contains(sms.Options, o => o.StartsWith("CriticalMinimumFactor", StringComparison.Ordinal));
        Assert.Contains("-> tier 1 Allow", sms.Counterexample, StringComparison.Ordinal);
        Assert.Contains(report.Violations, v => v.Invariant == "FundsMoveOnlyWithFreshHardwareFactor");
    }

    [Fact]
    public void A_stale_factor_for_withdrawals_is_found_and_blamed_on_the_critical_max_factor_age()
    {
        var weakened = new TierPolicyOptions { CriticalMaxFactorAge = TimeSpan.FromHours(2) };

        var report = TierPolicyConformance.Check(weakened);

        var violation = Assert.Single(report.Violations);
        Assert.Equal("FundsMoveOnlyWithFreshHardwareFactor", violation.Invariant);
        Assert.Equal(["CriticalMaxFactorAge (is 02:00:00, default 00:05:00)"], violation.Options);
        // Shrunk: the ideal session but for its age, which lies between the seed's 5 minutes and the configured 2 hours.
        Assert.Contains("Factor = SecurityKey", violation.Counterexample, StringComparison.Ordinal);
        Assert.Contains("TrustedNetwork = True", violation.Counterexample, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_order_limit_changes_tiers_but_keeps_them_monotone()
    {
        var report = TierPolicyConformance.Check(new TierPolicyOptions { LargeOrderNotional = 0.01m });

        Assert.DoesNotContain(report.Violations, v => v.Invariant == "LargerNotionalNeverLowerTier");
    }

    [Fact]
    public void The_same_seed_gives_the_same_report()
    {
        var weakened = new TierPolicyOptions { CriticalMaxFactorAge = TimeSpan.FromHours(2) };

        Assert.Equal(TierPolicyConformance.Check(weakened, seed: 42).ToString(), TierPolicyConformance.Check(weakened, seed: 42).ToString());
    }
}
