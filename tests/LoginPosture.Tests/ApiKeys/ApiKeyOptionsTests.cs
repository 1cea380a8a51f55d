using LoginPosture.ApiKeys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginPosture.Tests.ApiKeys;

public sealed class ApiKeyOptionsTests
{
    [Fact]
    public void Defaults_follow_the_anchors()
    {
        var options = new ApiKeyEvaluatorOptions();

        Assert.Equal(TimeSpan.FromDays(90), options.UnusedGrantWindow);
        Assert.Equal(TimeSpan.FromDays(45), options.UnusedKeyAge);
        Assert.Equal(TimeSpan.FromDays(90), options.MaxRotationAge);
        Assert.Equal(TimeSpan.FromDays(366), options.MaxLifetime);
        Assert.Equal(24, options.MinIPv4PrefixLength);
        Assert.Equal(64, options.MinIPv6PrefixLength);
    }

    [Fact]
    public void The_constructor_lists_every_invalid_setting()
    {
        var options = new ApiKeyEvaluatorOptions
        {
            UnusedGrantWindow = TimeSpan.FromDays(400),
            UnusedKeyAge = TimeSpan.Zero,
            MaxRotationAge = TimeSpan.FromHours(-1),
            MaxLifetime = TimeSpan.FromDays(5000),
            MinIPv4PrefixLength = 33,
            MinIPv6PrefixLength = -1,
        };

        var error = Assert.Throws<OptionsValidationException>(() => new ApiKeyEvaluator(options));

        Assert.Equal(6, error.Failures.Count());
        foreach (var name in new[] { "UnusedGrantWindow", "UnusedKeyAge", "MaxRotationAge", "MaxLifetime", "MinIPv4PrefixLength", "MinIPv6PrefixLength" })
        {
            Assert.Contains(error.Failures, f => f.StartsWith($"{name} is", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void The_tracking_window_follows_access_analyzers_range(int days, bool valid)
    {
        var options = new ApiKeyEvaluatorOptions { UnusedGrantWindow = TimeSpan.FromDays(days) };

        var error = Record.Exception(() => new ApiKeyEvaluator(options));

        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void AddLoginPosture_registers_the_evaluator_with_bound_options_and_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLoginPosture(o => o.ApiKeys.MaxRotationAge = TimeSpan.FromDays(10));
        using var provider = services.BuildServiceProvider();

        var evaluator = provider.GetRequiredService<ApiKeyEvaluator>();
        var key = new ApiKeyDescriptor("k", ApiKeyGrants.Read) { Created = clock.GetUtcNow().AddDays(-11) };

        Assert.Same(evaluator, provider.GetRequiredService<ApiKeyEvaluator>());
        Assert.True(evaluator.Evaluate(key).Has(ApiKeyIssues.RotationOverdue));
    }

    [Fact]
    public void AddLoginPosture_reports_invalid_api_key_settings_by_path()
    {
        var services = new ServiceCollection();
        services.AddLoginPosture(o => o.ApiKeys.MinIPv4PrefixLength = 40);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ApiKeyEvaluator>());

        Assert.Contains(error.Failures, f => f.StartsWith("ApiKeys:MinIPv4PrefixLength is 40", StringComparison.Ordinal));
    }

    [Fact]
    public void A_null_section_is_reported()
    {
        var services = new ServiceCollection();
        services.AddLoginPosture(o => o.ApiKeys = null!);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LoginPostureOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("ApiKeys is null", StringComparison.Ordinal));
    }
}
