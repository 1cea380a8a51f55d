using FsCheck;
using FsCheck.Fluent;
using LoginPosture.Tiers;
using Microsoft.FSharp.Core;

namespace LoginPosture.Tests.Generators;

/// <summary>Sessions at the user's own limits: each configured age and idle timeout is hit exactly and one tick either side.</summary>
public sealed class BoundarySessionTests
{
    private static readonly TierPolicyOptions Custom = new()
    {
        CriticalMaxFactorAge = TimeSpan.FromMinutes(7),
        CriticalMaxIdleTimeout = TimeSpan.FromMinutes(12),
        RoutineMaxIdleTimeout = TimeSpan.FromMinutes(25),
        AllowedClockSkew = TimeSpan.FromMinutes(3),
    };

    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public void The_boundaries_are_the_configured_limits_and_one_tick_either_side()
    {
        var ages = LoginPostureArbitraries.BoundaryAges(Custom);
        var idles = LoginPostureArbitraries.BoundaryIdleTimeouts(Custom);

        Assert.Subset(ages.ToHashSet(), new HashSet<TimeSpan> { TimeSpan.FromMinutes(7) - Tick, TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(7) + Tick, TimeSpan.FromMinutes(-3), TimeSpan.FromMinutes(-3) + Tick });
        Assert.DoesNotContain(TimeSpan.FromMinutes(-3) - Tick, ages);
        Assert.Subset(idles.ToHashSet(), new HashSet<TimeSpan?> { null, TimeSpan.FromMinutes(12) - Tick, TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(12) + Tick, TimeSpan.FromMinutes(25) + Tick });
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => LoginPostureArbitraries.BoundaryAges(new TierPolicyOptions { CriticalMaxFactorAge = TimeSpan.Zero }));
    }

    [Fact]
    public void Generated_sessions_sit_on_the_configured_limits_and_are_valid_input()
    {
        var sessions = LoginPostureArbitraries.SessionGenAt(Custom).Sample(2_000, LoginPostureArbitraries.FixedSeed(), 50);
        var policy = new TierPolicy(Custom);

        Assert.Contains(sessions, s => LoginPostureArbitraries.AsOf - s.AuthenticatedAt == TimeSpan.FromMinutes(7));
        Assert.Contains(sessions, s => LoginPostureArbitraries.AsOf - s.AuthenticatedAt == TimeSpan.FromMinutes(7) + Tick);
        Assert.Contains(sessions, s => s.IdleTimeout == TimeSpan.FromMinutes(12) + Tick);
        Assert.Contains(sessions, s => s.AuthenticatedAt == LoginPostureArbitraries.AsOf + TimeSpan.FromMinutes(3));
        Assert.All(sessions, s => policy.Evaluate(new Operation(OperationKind.Withdrawal), s, LoginPostureArbitraries.AsOf));
    }

    // A planted off-by-one: a check that calls the configured limit itself stale. Only the boundary generator finds it.
    [Fact]
    public void An_off_by_one_at_a_custom_limit_is_found_at_the_limit_exactly()
    {
        var policy = new TierPolicy(Custom);
        bool StrictlyFresh(SessionContext s) =>
            !policy.Evaluate(new Operation(OperationKind.Withdrawal), s, LoginPostureArbitraries.AsOf).IsAllowed
            || LoginPostureArbitraries.AsOf - s.AuthenticatedAt < Custom.CriticalMaxFactorAge;
        var config = Config.QuickThrowOnFailure.WithMaxTest(1_000).WithReplay(FSharpOption<Replay>.Some(new Replay(LoginPostureArbitraries.FixedSeed(3), null)));

        SessionContext? last = null;
        var error = Record.Exception(() => Prop.ForAll(LoginPostureArbitraries.SessionsAt(Custom), s => StrictlyFresh(s) || (last = s) is null).Check(config));
        var defaultsOnly = Record.Exception(() => Prop.ForAll(LoginPostureArbitraries.Sessions(), StrictlyFresh).Check(config));

        Assert.NotNull(error);
        Assert.Equal(LoginPostureArbitraries.IdealSession with { AuthenticatedAt = LoginPostureArbitraries.AsOf - TimeSpan.FromMinutes(7) }, last);
        Assert.Null(defaultsOnly);
    }
}
