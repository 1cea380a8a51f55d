using FsCheck;
using FsCheck.Fluent;
using LoginPosture.Tiers;

namespace LoginPosture.Tests.Tiers;

/// <summary>The invariants DESIGN.md section 7 names, checked over generated sessions, operations and options.</summary>
public sealed class TierPolicyPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Config Thorough = Config.QuickThrowOnFailure.WithMaxTest(2_000);

    [Fact]
    public void Allow_at_tier1_implies_allow_at_tiers_2_and_3_for_the_same_session() =>
        Check.One(Thorough, Prop.ForAll(Arb.From(TierGenerators.Case), c =>
        {
            var policy = new TierPolicy(c.Options);
            var critical = policy.Evaluate(new Operation(OperationKind.Withdrawal), c.Session, Now);
            return !critical.IsAllowed
                || (policy.Evaluate(new Operation(OperationKind.Order), c.Session, Now).IsAllowed
                    && policy.Evaluate(new Operation(OperationKind.PortfolioView), c.Session, Now).IsAllowed);
        }));

    [Fact]
    public void Improving_any_single_session_attribute_never_turns_allow_into_step_up_or_deny() =>
        Check.One(Thorough, Prop.ForAll(Arb.From(TierGenerators.Improvement), c =>
        {
            var policy = new TierPolicy(c.Options);
            var before = policy.Evaluate(c.Operation, c.Session, Now);
            var after = policy.Evaluate(c.Operation, c.Improved, Now);
            return (!before.IsAllowed || after.IsAllowed).Label($"{c.Attribute}: {before.Verdict} -> {after.Verdict} ({after.Unmet})");
        }));

    [Fact]
    public void Evaluation_is_deterministic_and_never_throws_for_valid_input() =>
        Check.One(Thorough, Prop.ForAll(Arb.From(TierGenerators.Case), c =>
        {
            var policy = new TierPolicy(c.Options);
            var first = policy.Evaluate(c.Operation, c.Session, Now);
            var second = new TierPolicy(c.Options).Evaluate(c.Operation, c.Session, Now);
            return first == second
                && (first.Verdict == TierVerdict.Allow) == (first.Unmet == TierRequirements.None)
                && (first.Verdict != TierVerdict.StepUp || (first.Unmet & ~TierRequirementsExtensions.StepUpRequirements) == 0);
        }));

    [Fact]
    public void The_generators_reach_every_verdict_at_every_tier()
    {
        // Guards the properties above against vacuity: allowed tier-1 sessions must be common enough to test.
        var verdicts = TierGenerators.Case.Sample(2_000)
            .Select(c => new TierPolicy(c.Options).Evaluate(c.Operation, c.Session, Now))
            .GroupBy(d => (d.Tier, d.Verdict))
            .ToDictionary(g => g.Key, g => g.Count());

        foreach (var tier in Enum.GetValues<Tier>())
        {
            foreach (var verdict in Enum.GetValues<TierVerdict>())
            {
                if (tier == Tier.Monitoring && verdict == TierVerdict.Deny)
                {
                    continue; // Tier 3 only ever asks for reauthentication.
                }

                Assert.True(verdicts.GetValueOrDefault((tier, verdict)) >= 10, $"too few {tier}/{verdict} cases: {verdicts.GetValueOrDefault((tier, verdict))}");
            }
        }
    }
}

public sealed record TierCase(TierPolicyOptions Options, Operation Operation, SessionContext Session)
{
    public override string ToString() => $"{Operation} {Session}";
}

public sealed record ImprovementCase(TierPolicyOptions Options, Operation Operation, SessionContext Session, string Attribute, SessionContext Improved)
{
    public override string ToString() => $"{Attribute}: {Operation} {Session} => {Improved}";
}

internal static class TierGenerators
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    // Ages cluster around every default threshold, on both sides, plus the clock-skew edge.
    private static readonly TimeSpan[] Ages =
    [
        TimeSpan.FromSeconds(-59), TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5).Add(TimeSpan.FromTicks(1)),
        TimeSpan.FromHours(2), TimeSpan.FromHours(12), TimeSpan.FromHours(13), TimeSpan.FromDays(30), TimeSpan.FromDays(31), TimeSpan.FromDays(400),
    ];

    private static readonly TimeSpan?[] IdleTimeouts =
    [
        null, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(31), TimeSpan.FromDays(1),
    ];

    private static readonly AuthenticatorKind?[] Factors =
        [null, .. Enum.GetValues<AuthenticatorKind>().Select(k => (AuthenticatorKind?)k)];

    public static readonly Gen<SessionContext> Session =
        from platform in Gen.Frequency((3, Gen.Constant(ClientPlatform.Desktop)), (1, Gen.Elements(Enum.GetValues<ClientPlatform>())))
        from factor in Gen.Frequency((2, Gen.Elements<AuthenticatorKind?>(AuthenticatorKind.SecurityKey, AuthenticatorKind.HardwareOtp)), (3, Gen.Elements(Factors)))
        from age in Gen.Frequency((2, Gen.Elements(TimeSpan.Zero, TimeSpan.FromMinutes(2))), (3, Gen.Elements(Ages)))
        from idle in Gen.Frequency((2, Gen.Constant<TimeSpan?>(TimeSpan.FromMinutes(10))), (3, Gen.Elements(IdleTimeouts)))
        // Each flag takes its secure value four times in five, so fully compliant sessions (Allow at tier 1) are common.
        from flags in Gen.ArrayOf(Gen.Choose(0, 4), 8)
        select new SessionContext
        {
            Platform = platform,
            Factor = factor,
            AuthenticatedAt = Now - age,
            IdleTimeout = idle,
            TrustedNetwork = flags[0] != 0,
            SavedCredentials = flags[1] == 0,
            BrowserIsolation = flags[2] != 0,
            ApiKeysEnabled = flags[3] == 0,
            WorkflowNeedsApiKeys = flags[4] == 0,
            PhoneIsOnlyFactor = flags[5] == 0,
            SecondaryChannel = flags[6] != 0,
        };

    public static readonly Gen<Operation> Operation =
        from kind in Gen.Elements(Enum.GetValues<OperationKind>())
        from notional in Gen.Elements(0m, 1m, 49_999.99m, 50_000m, 1_000_000m)
        select new Operation(kind, notional);

    // Valid options only: each tier at least as strict as the one below, thresholds at their edges too.
    public static readonly Gen<TierPolicyOptions> Options = Gen.Frequency<TierPolicyOptions>(
        (3, Gen.Fresh(() => new TierPolicyOptions())),
        (2,
            from strengths in Gen.ArrayOf(Gen.Elements(Enum.GetValues<FactorStrength>()), 3)
            from ages in Gen.ArrayOf(Gen.Elements(Ages.Where(a => a > TimeSpan.Zero).ToArray()), 3)
            from idles in Gen.ArrayOf(Gen.Elements(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(8)), 2)
            from notional in Gen.Elements(0.01m, 50_000m, 1_000_000m)
            let s = strengths.OrderDescending().ToArray()
            let a = ages.Order().ToArray()
            let i = idles.Order().ToArray()
            select new TierPolicyOptions
            {
                LargeOrderNotional = notional,
                CriticalMinimumFactor = s[0],
                RoutineMinimumFactor = s[1],
                MonitoringMinimumFactor = s[2],
                CriticalMaxFactorAge = a[0],
                RoutineMaxFactorAge = a[1],
                MonitoringMaxFactorAge = a[2],
                CriticalMaxIdleTimeout = i[0],
                RoutineMaxIdleTimeout = i[1],
            }));

    public static readonly Gen<TierCase> Case =
        from options in Options
        from operation in Operation
        from session in Session
        select new TierCase(options, operation, session);

    // One attribute at a time, moved in its secure direction. WorkflowNeedsApiKeys is a declaration of need,
    // not a security posture, so it has no "better" value and is not improved here.
    private static readonly Func<SessionContext, Gen<(string, SessionContext)>>[] Improvements =
    [
        s => Gen.Constant(("Platform", s with { Platform = ClientPlatform.Desktop })),
        s => Gen.Elements(Factors.Where(f => FactorStrengths.Of(f) >= FactorStrengths.Of(s.Factor)).ToArray())
            .Select(f => ("Factor", s with { Factor = f })),
        s => Gen.Elements(TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(4))
            .Select(d => ("AuthenticatedAt", s with { AuthenticatedAt = Later(s.AuthenticatedAt, Min(Now, s.AuthenticatedAt + d)) })),
        s => Gen.Constant(("TrustedNetwork", s with { TrustedNetwork = true })),
        s => Gen.Constant(("SavedCredentials", s with { SavedCredentials = false })),
        s => Gen.Constant(("BrowserIsolation", s with { BrowserIsolation = true })),
        s => Gen.Elements(IdleTimeouts.Where(t => t is { } v && (s.IdleTimeout is null || v <= s.IdleTimeout)).ToArray())
            .Select(t => ("IdleTimeout", s with { IdleTimeout = t })),
        s => Gen.Constant(("ApiKeysEnabled", s with { ApiKeysEnabled = false })),
        s => Gen.Constant(("PhoneIsOnlyFactor", s with { PhoneIsOnlyFactor = false })),
        s => Gen.Constant(("SecondaryChannel", s with { SecondaryChannel = true })),
    ];

    public static readonly Gen<ImprovementCase> Improvement =
        from c in Case
        from index in Gen.Choose(0, Improvements.Length - 1)
        from improved in Improvements[index](c.Session)
        select new ImprovementCase(c.Options, c.Operation, c.Session, improved.Item1, improved.Item2);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
