using FsCheck;
using FsCheck.Fluent;
using LoginPosture.Tiers;

namespace LoginPosture.FsCheck.Conformance;

/// <summary>
/// Checks a <see cref="TierPolicyOptions"/> configuration against the seed checklist's invariants, as properties over
/// generated operations and sessions: a configuration can quietly weaken the checklist (letting SMS or a stale factor
/// satisfy tier 1, say), and this finds the case that shows it and the setting that causes it.
/// </summary>
/// <remarks>
/// Runs are deterministic for a given seed, so a CI failure reproduces. Each violated invariant is reported once, with
/// the counterexample FsCheck shrank to and the settings that, put back to their default, repair that counterexample.
/// Sessions come from <see cref="LoginPostureArbitraries.SessionGenAt"/>: ages and idle timeouts sit on the
/// configured limits themselves and one tick either side, as well as around the defaults.
/// </remarks>
public static class TierPolicyConformance
{
    /// <summary>The freshness the seed demands for tier 1: an authentication at most five minutes old.</summary>
    public static readonly TimeSpan SeedCriticalMaxFactorAge = TimeSpan.FromMinutes(5);

    private static readonly Invariant[] Invariants =
    [
        new("FundsMoveOnlyWithFreshHardwareFactor",
            "a withdrawal or margin change is never allowed without a hardware-grade factor at most 5 minutes old, on a trusted network without saved credentials, from a desktop (or a phone with a secondary channel)",
            FundsMoveOnlyWithFreshHardwareFactor),
        new("SmsNeverSatisfiesTier1",
            "SMS, voice, e-mail or no second factor never satisfies a tier-1 operation",
            SmsNeverSatisfiesTier1),
        new("StrongerSessionNeverWorseVerdict",
            "improving any one session attribute never turns a verdict worse (Allow < StepUp < Deny)",
            StrongerSessionNeverWorseVerdict),
        new("LargerNotionalNeverLowerTier",
            "raising an operation's notional never moves it to a less critical tier",
            LargerNotionalNeverLowerTier),
        new("Tier1AllowImpliesTiers2And3",
            "a session allowed a tier-1 operation is allowed routine orders and portfolio views",
            Tier1AllowImpliesTiers2And3),
    ];

    private static readonly (string Name, Action<TierPolicyOptions, TierPolicyOptions> Reset)[] Settings =
    [
        (nameof(TierPolicyOptions.LargeOrderNotional), (o, d) => o.LargeOrderNotional = d.LargeOrderNotional),
        (nameof(TierPolicyOptions.CriticalMinimumFactor), (o, d) => o.CriticalMinimumFactor = d.CriticalMinimumFactor),
        (nameof(TierPolicyOptions.CriticalMaxFactorAge), (o, d) => o.CriticalMaxFactorAge = d.CriticalMaxFactorAge),
        (nameof(TierPolicyOptions.CriticalMaxIdleTimeout), (o, d) => o.CriticalMaxIdleTimeout = d.CriticalMaxIdleTimeout),
        (nameof(TierPolicyOptions.RoutineMinimumFactor), (o, d) => o.RoutineMinimumFactor = d.RoutineMinimumFactor),
        (nameof(TierPolicyOptions.RoutineMaxFactorAge), (o, d) => o.RoutineMaxFactorAge = d.RoutineMaxFactorAge),
        (nameof(TierPolicyOptions.RoutineMaxIdleTimeout), (o, d) => o.RoutineMaxIdleTimeout = d.RoutineMaxIdleTimeout),
        (nameof(TierPolicyOptions.MonitoringMinimumFactor), (o, d) => o.MonitoringMinimumFactor = d.MonitoringMinimumFactor),
        (nameof(TierPolicyOptions.MonitoringMaxFactorAge), (o, d) => o.MonitoringMaxFactorAge = d.MonitoringMaxFactorAge),
        (nameof(TierPolicyOptions.AllowedClockSkew), (o, d) => o.AllowedClockSkew = d.AllowedClockSkew),
    ];

    /// <summary>The names of the invariants <see cref="Check"/> tries, in order.</summary>
    public static IReadOnlyList<string> InvariantNames { get; } = [.. Invariants.Select(i => i.Name)];

    /// <summary>Checks <paramref name="options"/> against every invariant.</summary>
    /// <param name="options">The configuration to check; it must be valid (see <see cref="TierPolicy"/>).</param>
    /// <param name="maxTest">Generated cases per invariant; at least 1.</param>
    /// <param name="seed">The random seed; the same seed gives the same report.</param>
    /// <returns>The invariants tried and those violated, each with a shrunk counterexample and the settings to blame.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTest"/> is below 1.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> is not a valid configuration.</exception>
    public static ConformanceReport Check(TierPolicyOptions options, int maxTest = 1_000, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTest, 1);
        var policy = new TierPolicy(options);
        var cases = CaseArbitrary(options);
        var violations = new List<ConformanceViolation>();
        foreach (var invariant in Invariants)
        {
            var (failure, shrunk) = PropertySearch.Find(cases, c => invariant.Check(policy, c), maxTest, seed);
            if (shrunk is not null)
            {
                var blamed = PropertySearch.Blame(options, () => new TierPolicyOptions(), LoginPostureArbitraries.Copy, Settings,
                    repaired => LoginPostureArbitraries.IsValid(repaired) && invariant.Check(new TierPolicy(repaired), shrunk) is null);
                violations.Add(new ConformanceViolation(invariant.Name, invariant.Statement, failure!, blamed));
            }
        }

        return new ConformanceReport(InvariantNames, violations, maxTest);
    }

    private static string? FundsMoveOnlyWithFreshHardwareFactor(TierPolicy policy, TierCase c)
    {
        if (c.Operation.Kind is not (OperationKind.Withdrawal or OperationKind.MarginChange))
        {
            return null;
        }

        var decision = policy.Evaluate(c.Operation, c.Session, LoginPostureArbitraries.AsOf);
        var s = c.Session;
        var meets = FactorStrengths.Of(s.Factor) >= FactorStrength.HardwareOtp
            && LoginPostureArbitraries.AsOf - s.AuthenticatedAt <= SeedCriticalMaxFactorAge
            && s.TrustedNetwork && !s.SavedCredentials
            && (s.Platform == ClientPlatform.Desktop || (s.Platform == ClientPlatform.Mobile && s.SecondaryChannel));
        return !decision.IsAllowed || meets ? null : Describe(c, decision);
    }

    private static string? SmsNeverSatisfiesTier1(TierPolicy policy, TierCase c)
    {
        var decision = policy.Evaluate(c.Operation, c.Session, LoginPostureArbitraries.AsOf);
        return decision.Tier == Tier.Critical && decision.IsAllowed && FactorStrengths.Of(c.Session.Factor) <= FactorStrength.Weak
            ? Describe(c, decision)
            : null;
    }

    private static string? StrongerSessionNeverWorseVerdict(TierPolicy policy, TierCase c)
    {
        var before = policy.Evaluate(c.Operation, c.Session, LoginPostureArbitraries.AsOf);
        foreach (var improvement in SessionImprovement.All)
        {
            var improved = improvement.Apply(c.Session, LoginPostureArbitraries.AsOf);
            var after = policy.Evaluate(c.Operation, improved, LoginPostureArbitraries.AsOf);
            if (after.Verdict > before.Verdict)
            {
                return $"{Describe(c, before)}; with {improvement.Attribute} improved to {improved}: {after.Verdict} ({after.Unmet})";
            }
        }

        return null;
    }

    private static string? LargerNotionalNeverLowerTier(TierPolicy policy, TierCase c)
    {
        var before = policy.Classify(c.Operation);
        var raised = c.Operation with { Notional = c.Operation.Notional + c.Raise };
        var after = policy.Classify(raised);
        return after > before ? $"{c.Operation}: {before}; {raised}: {after}" : null;
    }

    private static string? Tier1AllowImpliesTiers2And3(TierPolicy policy, TierCase c)
    {
        var critical = policy.Evaluate(new Operation(OperationKind.Withdrawal), c.Session, LoginPostureArbitraries.AsOf);
        if (!critical.IsAllowed)
        {
            return null;
        }

        var routine = policy.Evaluate(new Operation(OperationKind.Order), c.Session, LoginPostureArbitraries.AsOf);
        var monitoring = policy.Evaluate(new Operation(OperationKind.PortfolioView), c.Session, LoginPostureArbitraries.AsOf);
        return routine.IsAllowed && monitoring.IsAllowed
            ? null
            : $"{c.Session}: tier 1 Allow; tier 2 {routine.Verdict} ({routine.Unmet}); tier 3 {monitoring.Verdict} ({monitoring.Unmet})";
    }

    private static string Describe(TierCase c, TierDecision decision) =>
        $"{c.Operation} {c.Session} -> tier {(int)decision.Tier} {decision.Verdict} ({decision.Unmet})";

    // Operations with notionals at the configured large-order limit too; sessions never further in the future than
    // the configured clock skew allows (such a session is invalid input, not a finding).
    private static Arbitrary<TierCase> CaseArbitrary(TierPolicyOptions options)
    {
        var limit = options.LargeOrderNotional;
        var notionals = new[] { 0m, 0.01m, 1m, limit - 0.01m, limit, limit + 0.01m, limit * 2, 49_999.99m, 50_000m, 1_000_000m }
            .Where(n => n >= 0m).Distinct().ToArray();
        var latest = LoginPostureArbitraries.AsOf + options.AllowedClockSkew;
        var gen =
            from kind in Gen.Elements(Enum.GetValues<OperationKind>())
            from notional in Gen.Elements(notionals)
            from session in LoginPostureArbitraries.SessionGenAt(options)
            from raise in Gen.Elements(0m, 0.01m, limit, 1_000_000m)
            select new TierCase(new Operation(kind, notional), Valid(session, latest), raise);
        return Arb.From(gen, c => Shrink(c, latest));
    }

    private static SessionContext Valid(SessionContext s, DateTimeOffset latest) =>
        s.AuthenticatedAt > latest ? s with { AuthenticatedAt = LoginPostureArbitraries.AsOf } : s;

    private static IEnumerable<TierCase> Shrink(TierCase c, DateTimeOffset latest)
    {
        foreach (var session in LoginPostureArbitraries.Sessions().Shrinker(c.Session))
        {
            yield return c with { Session = Valid(session, latest) };
        }

        if (c.Operation.Notional != 0m)
        {
            yield return c with { Operation = c.Operation with { Notional = 0m } };
        }

        if (c.Raise != 0m)
        {
            yield return c with { Raise = 0m };
        }
    }

    private sealed record TierCase(Operation Operation, SessionContext Session, decimal Raise);

    private sealed record Invariant(string Name, string Statement, Func<TierPolicy, TierCase, string?> Check);
}
