using LoginPosture.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginPosture.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddLoginPosture_registers_the_engines_as_singletons()
    {
        using var provider = new ServiceCollection().AddLoginPosture().BuildServiceProvider();

        var policy = provider.GetRequiredService<TierPolicy>();

        Assert.Same(policy, provider.GetRequiredService<TierPolicy>());
    }

    [Fact]
    public void AddLoginPosture_is_idempotent()
    {
        var once = new ServiceCollection().AddLoginPosture();
        var twice = new ServiceCollection().AddLoginPosture().AddLoginPosture();

        Assert.Equal(Describe(once), Describe(twice));
        Assert.Single(twice, d => d.ServiceType == typeof(TierPolicy));
        Assert.Single(twice, d => d.ServiceType == typeof(IValidateOptions<LoginPostureOptions>));
    }

    [Fact]
    public void AddLoginPosture_guards_its_argument() =>
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => LoginPostureServiceCollectionExtensions.AddLoginPosture(null!)).ParamName);

    [Fact]
    public void Configure_delegates_apply_in_call_order()
    {
        using var provider = new ServiceCollection()
            .AddLoginPosture(o => o.Tiers.LargeOrderNotional = 10m)
            .AddLoginPosture(o => o.Tiers.LargeOrderNotional *= 3)
            .BuildServiceProvider();

        var policy = provider.GetRequiredService<TierPolicy>();

        Assert.Equal(Tier.Routine, policy.Classify(new Operation(OperationKind.Order, 29m)));
        Assert.Equal(Tier.Critical, policy.Classify(new Operation(OperationKind.Order, 30m)));
    }

    [Fact]
    public void Invalid_options_fail_at_resolution_listing_every_error()
    {
        using var provider = new ServiceCollection()
            .AddLoginPosture(o =>
            {
                o.Tiers.LargeOrderNotional = 0m;
                o.Tiers.MonitoringMaxFactorAge = TimeSpan.FromSeconds(-1);
            })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<TierPolicy>());

        Assert.Contains(error.Failures, f => f.StartsWith("Tiers:LargeOrderNotional", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Tiers:MonitoringMaxFactorAge", StringComparison.Ordinal));
    }

    [Fact]
    public void The_registered_clock_drives_decisions()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddLoginPosture()
            .BuildServiceProvider();
        var session = new SessionContext { Platform = ClientPlatform.Web, AuthenticatedAt = clock.GetUtcNow().AddDays(-31) };

        var decision = provider.GetRequiredService<TierPolicy>().Evaluate(new Operation(OperationKind.Research), session);

        Assert.Equal(TierRequirements.FactorFreshness, decision.Unmet);
    }

    private static string[] Describe(IServiceCollection services) =>
        services.Select(d => $"{d.ServiceType.FullName}|{d.Lifetime}|{d.ImplementationType?.FullName}").ToArray();
}
