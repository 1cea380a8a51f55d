using LoginPosture.Tiers;
using Microsoft.Extensions.Options;

namespace LoginPosture.Tests.Tiers;

public sealed class TierPolicyOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_anchors()
    {
        var options = new TierPolicyOptions();

        Assert.Equal(50_000m, options.LargeOrderNotional);
        Assert.Equal(FactorStrength.HardwareOtp, options.CriticalMinimumFactor);
        Assert.Equal(TimeSpan.FromMinutes(5), options.CriticalMaxFactorAge);
        Assert.Equal(TimeSpan.FromMinutes(15), options.CriticalMaxIdleTimeout);
        Assert.Equal(FactorStrength.AuthenticatorApp, options.RoutineMinimumFactor);
        Assert.Equal(TimeSpan.FromHours(12), options.RoutineMaxFactorAge);
        Assert.Equal(TimeSpan.FromMinutes(30), options.RoutineMaxIdleTimeout);
        Assert.Equal(FactorStrength.None, options.MonitoringMinimumFactor);
        Assert.Equal(TimeSpan.FromDays(30), options.MonitoringMaxFactorAge);
        Assert.Equal(TimeSpan.FromMinutes(1), options.AllowedClockSkew);
    }

    [Fact]
    public void Defaults_are_valid() =>
        Assert.Equal(ValidateOptionsResult.Success, new LoginPostureOptionsValidator().Validate(null, new LoginPostureOptions()));

    [Fact]
    public void Every_invalid_setting_is_reported_at_once_by_its_configuration_path()
    {
        var options = new LoginPostureOptions
        {
            Tiers = new TierPolicyOptions
            {
                LargeOrderNotional = 0m,
                CriticalMinimumFactor = FactorStrength.Push,
                MonitoringMinimumFactor = (FactorStrength)9,
                CriticalMaxFactorAge = TimeSpan.FromDays(1),
                RoutineMaxIdleTimeout = TimeSpan.Zero,
                AllowedClockSkew = TimeSpan.FromHours(1),
            },
        };

        var result = new LoginPostureOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToArray();
        Assert.Contains(failures, f => f.StartsWith("Tiers:LargeOrderNotional", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Tiers:CriticalMinimumFactor (Push) is weaker than RoutineMinimumFactor", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Tiers:MonitoringMinimumFactor is 9", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Tiers:CriticalMaxFactorAge", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Tiers:RoutineMaxIdleTimeout", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Tiers:CriticalMaxIdleTimeout", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Tiers:AllowedClockSkew", StringComparison.Ordinal));
        Assert.Equal(7, failures.Length);
    }

    [Fact]
    public void A_null_section_is_reported_with_the_fix()
    {
        var result = new LoginPostureOptionsValidator().Validate(null, new LoginPostureOptions { Tiers = null! });

        Assert.Equal("Tiers is null; remove the assignment or set a new TierPolicyOptions().", Assert.Single(result.Failures!));
    }

    [Fact]
    public void The_policy_refuses_invalid_options_listing_every_error()
    {
        var options = new TierPolicyOptions { LargeOrderNotional = -1m, RoutineMaxFactorAge = TimeSpan.FromDays(60) };

        var error = Assert.Throws<OptionsValidationException>(() => new TierPolicy(options));

        Assert.Equal(2, error.Failures.Count());
        // The engine names its own settings; only the host's validator knows they sit under "Tiers".
        Assert.Contains(error.Failures, f => f.StartsWith("LargeOrderNotional is", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("RoutineMaxFactorAge (", StringComparison.Ordinal));
        Assert.DoesNotContain("Tiers:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_reads_options_once_at_construction()
    {
        var options = new TierPolicyOptions { LargeOrderNotional = 1_000m };
        var policy = new TierPolicy(options);

        options.LargeOrderNotional = 1m;

        Assert.Equal(Tier.Routine, policy.Classify(new Operation(OperationKind.Order, 500m)));
    }
}
