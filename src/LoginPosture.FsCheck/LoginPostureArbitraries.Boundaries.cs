using FsCheck;
using FsCheck.Fluent;
using LoginPosture.Tiers;

namespace LoginPosture.FsCheck;

public static partial class LoginPostureArbitraries
{
    /// <summary>
    /// Authentication ages on and one tick either side of <paramref name="options"/>' own limits: each tier's
    /// maximum factor age, and the allowed clock skew as a future instant (the skew itself and one tick less; one
    /// tick more is invalid input the policy refuses, not a case to judge).
    /// </summary>
    /// <param name="options">The user's tier options; they must be valid.</param>
    /// <returns>The ages, distinct, in ascending order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> is not a valid configuration.</exception>
    public static TimeSpan[] BoundaryAges(TierPolicyOptions options)
    {
        _ = new TierPolicy(options);
        var tick = TimeSpan.FromTicks(1);
        TimeSpan[] limits = [options.CriticalMaxFactorAge, options.RoutineMaxFactorAge, options.MonitoringMaxFactorAge];
        return [.. limits.SelectMany(l => new[] { l - tick, l, l + tick }).Append(-options.AllowedClockSkew).Append(-options.AllowedClockSkew + tick).Append(TimeSpan.Zero).Distinct().Order()];
    }

    /// <summary>Idle timeouts on and one tick either side of <paramref name="options"/>' tier-1 and tier-2 maxima, one tick, and none.</summary>
    /// <param name="options">The user's tier options; they must be valid.</param>
    /// <returns>The timeouts, distinct; <see langword="null"/> (no inactivity lock) first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> is not a valid configuration.</exception>
    public static TimeSpan?[] BoundaryIdleTimeouts(TierPolicyOptions options)
    {
        _ = new TierPolicy(options);
        var tick = TimeSpan.FromTicks(1);
        TimeSpan[] limits = [options.CriticalMaxIdleTimeout, options.RoutineMaxIdleTimeout];
        return [null, .. limits.SelectMany(l => new[] { l - tick, l, l + tick }).Append(tick).Where(t => t > TimeSpan.Zero).Distinct().Order().Select(t => (TimeSpan?)t)];
    }

    /// <summary>
    /// Sessions like <see cref="SessionGen"/>, but with ages and idle timeouts drawn half the time from
    /// <see cref="BoundaryAges"/> and <see cref="BoundaryIdleTimeouts"/> of the user's <paramref name="options"/>, so
    /// that a configured limit is tested exactly at its edge, not only around the defaults.
    /// </summary>
    /// <param name="options">The user's tier options; they must be valid.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> is not a valid configuration.</exception>
    public static Gen<SessionContext> SessionGenAt(TierPolicyOptions options)
    {
        var latest = -options.AllowedClockSkew;
        TimeSpan[] ages = [.. BoundaryAges(options), .. BoundaryAges(options), .. Ages.Where(a => a >= latest)];
        TimeSpan?[] idles = [.. BoundaryIdleTimeouts(options), .. BoundaryIdleTimeouts(options), .. IdleTimeouts];
        return Gen.Choose(0, int.MaxValue).Select(seed => DrawSession(new Random(seed), ages, idles));
    }

    /// <summary>Sessions at the user's boundaries (see <see cref="SessionGenAt"/>), shrinking one attribute at a time towards <see cref="IdealSession"/>.</summary>
    /// <param name="options">The user's tier options; they must be valid.</param>
    /// <returns>The arbitrary, for <c>Prop.ForAll</c> or <c>ArbMap.Default.MergeArb</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> is not a valid configuration.</exception>
    public static Arbitrary<SessionContext> SessionsAt(TierPolicyOptions options) => Arb.From(SessionGenAt(options), ShrinkSession);
}
