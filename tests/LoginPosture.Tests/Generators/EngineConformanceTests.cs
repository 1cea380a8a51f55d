using LoginPosture.ApiKeys;
using LoginPosture.FsCheck.Conformance;
using LoginPosture.SecondFactors;

namespace LoginPosture.Tests.Generators;

public sealed class EngineConformanceTests
{
    [Fact]
    public void The_default_second_factor_options_conform()
    {
        var report = SecondFactorConformance.Check(new SecondFactorOptions(), maxTest: 1_000);

        Assert.True(report.Conforms, report.ToString());
        Assert.Equal(SecondFactorConformance.InvariantNames, report.CheckedInvariants);
        Assert.Equal(5, report.CheckedInvariants.Count);
    }

    [Fact]
    public void A_ten_year_rehearsal_window_is_found_and_blamed_on_the_rehearsal_max_age()
    {
        var report = SecondFactorConformance.Check(new SecondFactorOptions { RehearsalMaxAge = TimeSpan.FromDays(3650) });

        var violation = Assert.Single(report.Violations);
        Assert.Equal("YearOldRehearsalIsReported", violation.Invariant);
        Assert.Equal(["RehearsalMaxAge (is 3650.00:00:00, default 365.00:00:00)"], violation.Options);
        // Shrunk to one factor on one domain, rehearsed just over a year before the evaluation instant.
        Assert.Matches(@"^domains d\d\d:\w+; factors f\d\d:\w+\[d\d\d\] rehearsed \d{4}-\d\d-\d\d: not reported as stale at 2026-11-22: f\d\d rehearsed ", violation.Counterexample);
        Assert.Contains("caused by: RehearsalMaxAge", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_api_key_options_conform()
    {
        var report = ApiKeyConformance.Check(new ApiKeyEvaluatorOptions(), maxTest: 1_000);

        Assert.True(report.Conforms, report.ToString());
        Assert.Equal(7, report.CheckedInvariants.Count);
    }

    [Theory]
    [InlineData(nameof(ApiKeyEvaluatorOptions.MaxRotationAge), "OverdueRotationIsReported", "MaxRotationAge (is 365.00:00:00, default 90.00:00:00)")]
    [InlineData(nameof(ApiKeyEvaluatorOptions.MaxLifetime), "UnboundedLifetimeIsReported", "MaxLifetime (is 3650.00:00:00, default 366.00:00:00)")]
    [InlineData(nameof(ApiKeyEvaluatorOptions.MinIPv4PrefixLength), "WideAllowListIsReported", "MinIPv4PrefixLength (is 8, default 24)")]
    public void A_weakened_api_key_setting_is_found_and_blamed(string setting, string invariant, string blamed)
    {
        var options = setting switch
        {
            nameof(ApiKeyEvaluatorOptions.MaxRotationAge) => new ApiKeyEvaluatorOptions { MaxRotationAge = TimeSpan.FromDays(365) },
            nameof(ApiKeyEvaluatorOptions.MaxLifetime) => new ApiKeyEvaluatorOptions { MaxLifetime = TimeSpan.FromDays(3650) },
            _ => new ApiKeyEvaluatorOptions { MinIPv4PrefixLength = 8 },
        };

        var report = ApiKeyConformance.Check(options);

        var violation = Assert.Single(report.Violations);
        Assert.Equal(invariant, violation.Invariant);
        Assert.Equal([blamed], violation.Options);
        Assert.StartsWith($"{invariant}: ", violation.ToString(), StringComparison.Ordinal);
        Assert.Contains("'gen-key' grants=", violation.Counterexample, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_reports()
    {
        var keys = new ApiKeyEvaluatorOptions { MaxRotationAge = TimeSpan.FromDays(365) };
        var factors = new SecondFactorOptions { RehearsalMaxAge = TimeSpan.FromDays(3650) };

        Assert.Equal(ApiKeyConformance.Check(keys, seed: 9).ToString(), ApiKeyConformance.Check(keys, seed: 9).ToString());
        Assert.Equal(SecondFactorConformance.Check(factors, seed: 9).ToString(), SecondFactorConformance.Check(factors, seed: 9).ToString());
    }

    [Fact]
    public void Invalid_options_and_counts_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ApiKeyConformance.Check(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => SecondFactorConformance.Check(new SecondFactorOptions(), maxTest: 0));
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => ApiKeyConformance.Check(new ApiKeyEvaluatorOptions { MaxLifetime = TimeSpan.Zero }));
    }
}
