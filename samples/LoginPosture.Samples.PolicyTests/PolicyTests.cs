using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.FsCheck;
using LoginPosture.ApiKeys;
using LoginPosture.FsCheck.Conformance;
using LoginPosture.SecondFactors;
using LoginPosture.Tiers;
using Microsoft.Extensions.Configuration;

namespace LoginPosture.Samples.PolicyTests;

/// <summary>
/// Our tier policy, as deployed (appsettings.json, overridable by environment variables such as
/// <c>LoginPosture__Tiers__CriticalMaxFactorAge</c>), checked against what we promise our users.
/// </summary>
[Properties(Arbitrary = [typeof(LoginPostureArbitraries)], MaxTest = 500)]
public sealed class PolicyTests
{
    private static readonly DateTimeOffset Now = LoginPostureArbitraries.AsOf;

    private static TierPolicyOptions Deployed() => Deployed<TierPolicyOptions>("Tiers");

    private static T Deployed<T>(string section)
        where T : new()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddEnvironmentVariables()
            .Build();
        var options = new T();
        configuration.GetSection($"LoginPosture:{section}").Bind(options);
        return options;
    }

    private static readonly TierPolicy Policy = new(Deployed());

    [Property]
    public Property Withdrawals_never_pass_on_sms_voice_or_email(SessionContext session)
    {
        var decision = Policy.Evaluate(new Operation(OperationKind.Withdrawal, 1_000m), session, Now);
        return (!decision.IsAllowed || FactorStrengths.Of(session.Factor) > FactorStrength.Weak)
            .Label($"allowed with {session.Factor}");
    }

    [Property]
    public Property Margin_changes_need_an_authentication_at_most_five_minutes_old(SessionContext session)
    {
        var decision = Policy.Evaluate(new Operation(OperationKind.MarginChange), session, Now);
        return (!decision.IsAllowed || Now - session.AuthenticatedAt <= TimeSpan.FromMinutes(5))
            .Label($"allowed {Now - session.AuthenticatedAt} after authentication");
    }

    [Property]
    public Property A_bigger_order_is_never_less_critical(Operation order, NonNegativeInt extra)
    {
        var bigger = order with { Notional = order.Notional + extra.Get * 1_000m };
        return (Policy.Classify(bigger) <= Policy.Classify(order))
            .Label($"{order}: {Policy.Classify(order)}; {bigger}: {Policy.Classify(bigger)}");
    }

    [Fact]
    public void The_policy_keeps_every_seed_invariant()
    {
        var report = TierPolicyConformance.Check(Deployed());

        Assert.True(report.Conforms, report.ToString());
    }

    [Fact]
    public void The_second_factor_settings_keep_every_seed_invariant()
    {
        var report = SecondFactorConformance.Check(Deployed<SecondFactorOptions>("SecondFactors"));

        Assert.True(report.Conforms, report.ToString());
    }

    [Fact]
    public void The_api_key_settings_keep_every_seed_invariant()
    {
        var report = ApiKeyConformance.Check(Deployed<ApiKeyEvaluatorOptions>("ApiKeys"));

        Assert.True(report.Conforms, report.ToString());
    }
}
