using FsCheck;
using FsCheck.Fluent;
using LoginPosture.Tiers;

namespace LoginPosture.FsCheck;

public static partial class LoginPostureArbitraries
{
    /// <summary>Authentication ages around every default threshold, on both sides, plus the clock-skew edge (a future instant).</summary>
    public static readonly TimeSpan[] Ages =
    [
        TimeSpan.FromSeconds(-59), TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5).Add(TimeSpan.FromTicks(1)),
        TimeSpan.FromHours(2), TimeSpan.FromHours(12), TimeSpan.FromHours(13), TimeSpan.FromDays(30), TimeSpan.FromDays(31), TimeSpan.FromDays(400),
    ];

    /// <summary>Idle timeouts around the default limits, including none at all and one tick.</summary>
    public static readonly TimeSpan?[] IdleTimeouts =
    [
        null, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(31), TimeSpan.FromDays(1),
    ];

    /// <summary>Every second factor a session can carry, and none.</summary>
    public static readonly AuthenticatorKind?[] Factors =
        [null, .. Enum.GetValues<AuthenticatorKind>().Select(k => (AuthenticatorKind?)k)];

    /// <summary>The most secure session, where shrinking heads: it differs from a failing case only where it matters.</summary>
    public static readonly SessionContext IdealSession = new()
    {
        Platform = ClientPlatform.Desktop,
        Factor = AuthenticatorKind.SecurityKey,
        AuthenticatedAt = AsOf,
        IdleTimeout = TimeSpan.FromMinutes(10),
        TrustedNetwork = true,
        BrowserIsolation = true,
        SecondaryChannel = true,
    };

    /// <summary>
    /// Sessions weighted towards compliance (each flag takes its secure value four times in five, desktop and a hardware
    /// factor are common), so an Allow at tier 1 is frequent enough to test what follows from it; ages and idle
    /// timeouts sit on both sides of every default limit.
    /// </summary>
    public static readonly Gen<SessionContext> SessionGen = Gen.Choose(0, int.MaxValue).Select(seed => DrawSession(new Random(seed)));

    private static readonly ClientPlatform[] Platforms = Enum.GetValues<ClientPlatform>();
    private static readonly TimeSpan[] FreshAges = [TimeSpan.Zero, TimeSpan.FromMinutes(2)];
    private static readonly OperationKind[] OperationKinds = Enum.GetValues<OperationKind>();
    private static readonly decimal[] Notionals = [0m, 0.01m, 1m, 49_999.99m, 50_000m, 1_000_000m];

    private static SessionContext DrawSession(Random r) => DrawSession(r, Ages, IdleTimeouts);

    private static SessionContext DrawSession(Random r, TimeSpan[] ages, TimeSpan?[] idles)
    {
        var platform = r.Weighted(3, 1) == 0 ? ClientPlatform.Desktop : r.Element(Platforms);
        var factor = r.Weighted(2, 3) == 0 ? (r.Next(2) == 0 ? AuthenticatorKind.SecurityKey : AuthenticatorKind.HardwareOtp) : r.Element(Factors);
        var age = r.Weighted(2, 3) == 0 ? r.Element(FreshAges) : r.Element(ages);
        var idle = r.Weighted(2, 3) == 0 ? TimeSpan.FromMinutes(10) : r.Element(idles);

        // Each flag takes its secure value four times in five.
        bool Secure() => r.Next(5) != 0;
        return new SessionContext
        {
            Platform = platform,
            Factor = factor,
            AuthenticatedAt = AsOf - age,
            IdleTimeout = idle,
            TrustedNetwork = Secure(),
            SavedCredentials = !Secure(),
            BrowserIsolation = Secure(),
            ApiKeysEnabled = !Secure(),
            WorkflowNeedsApiKeys = !Secure(),
            PhoneIsOnlyFactor = !Secure(),
            SecondaryChannel = Secure(),
        };
    }

    private static Operation DrawOperation(Random r) => new(r.Element(OperationKinds), r.Element(Notionals));

    /// <summary>Every operation kind, with notionals at zero, one cent, and either side of the default large-order limit.</summary>
    public static readonly Gen<Operation> OperationGen =
        from kind in Gen.Elements(Enum.GetValues<OperationKind>())
        from notional in Gen.Elements(Notionals)
        select new Operation(kind, notional);

    /// <summary>
    /// Valid options only: the defaults three times in five, otherwise every tier at least as strict as the one below,
    /// with thresholds taken from the same edge values the sessions use, and the clock skew at its default, above it and at its maximum (never below the 59 s future instant the sessions use).
    /// </summary>
    public static readonly Gen<TierPolicyOptions> TierOptionsGen = Gen.Frequency<TierPolicyOptions>(
        (3, Gen.Fresh(() => new TierPolicyOptions())),
        (2,
            from strengths in Gen.ArrayOf(Gen.Elements(Enum.GetValues<FactorStrength>()), 3)
            from ages in Gen.ArrayOf(Gen.Elements(Ages.Where(a => a > TimeSpan.Zero).ToArray()), 3)
            from idles in Gen.ArrayOf(Gen.Elements(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(8)), 2)
            from notional in Gen.Elements(0.01m, 50_000m, 1_000_000m)
            from skew in Gen.Elements(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10))
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
                AllowedClockSkew = skew,
            }));

    /// <summary>Any attribute, any choice among its secure values.</summary>
    public static readonly Gen<SessionImprovement> SessionImprovementGen =
        from attribute in Gen.Elements(Enum.GetValues<SessionAttribute>())
        from choice in Gen.Choose(0, 63)
        select new SessionImprovement(attribute, choice);

    /// <summary>Sessions (see <see cref="SessionGen"/>), shrinking one attribute at a time towards <see cref="IdealSession"/>.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<SessionContext> Sessions() => Arb.From(SessionGen, ShrinkSession);

    /// <summary>Operations (see <see cref="OperationGen"/>), shrinking the notional to zero and the kind to a withdrawal.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Operation> Operations() => Arb.From(OperationGen, o => Distinct(o, [o with { Notional = 0m }, o with { Kind = OperationKind.Withdrawal }]));

    /// <summary>Valid tier options (see <see cref="TierOptionsGen"/>), shrinking one setting at a time to its default while valid.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<TierPolicyOptions> TierOptions() => Arb.From(TierOptionsGen, ShrinkTierOptions);

    /// <summary>One-attribute improvements, shrinking the choice to the first secure value.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<SessionImprovement> SessionImprovements() =>
        Arb.From(SessionImprovementGen, i => i.Choice == 0 ? [] : [i with { Choice = 0 }]);

    private static IEnumerable<SessionContext> ShrinkSession(SessionContext s)
    {
        var i = IdealSession;
        SessionContext[] candidates =
        [
            s with { Platform = i.Platform },
            s with { Factor = i.Factor },
            s with { AuthenticatedAt = i.AuthenticatedAt },
            s with { IdleTimeout = i.IdleTimeout },
            s with { TrustedNetwork = i.TrustedNetwork },
            s with { SavedCredentials = i.SavedCredentials },
            s with { BrowserIsolation = i.BrowserIsolation },
            s with { ApiKeysEnabled = i.ApiKeysEnabled },
            s with { WorkflowNeedsApiKeys = i.WorkflowNeedsApiKeys },
            s with { PhoneIsOnlyFactor = i.PhoneIsOnlyFactor },
            s with { SecondaryChannel = i.SecondaryChannel },
        ];
        return Distinct(s, candidates);
    }

    private static IEnumerable<TierPolicyOptions> ShrinkTierOptions(TierPolicyOptions o)
    {
        var d = new TierPolicyOptions();
        Action<TierPolicyOptions>[] resets =
        [
            c => c.LargeOrderNotional = d.LargeOrderNotional,
            c => c.CriticalMinimumFactor = d.CriticalMinimumFactor,
            c => c.RoutineMinimumFactor = d.RoutineMinimumFactor,
            c => c.MonitoringMinimumFactor = d.MonitoringMinimumFactor,
            c => c.CriticalMaxFactorAge = d.CriticalMaxFactorAge,
            c => c.RoutineMaxFactorAge = d.RoutineMaxFactorAge,
            c => c.MonitoringMaxFactorAge = d.MonitoringMaxFactorAge,
            c => c.CriticalMaxIdleTimeout = d.CriticalMaxIdleTimeout,
            c => c.RoutineMaxIdleTimeout = d.RoutineMaxIdleTimeout,
            c => c.AllowedClockSkew = d.AllowedClockSkew,
        ];
        var original = Describe(o);
        var seen = new HashSet<string> { original };
        // The defaults as a whole first, then one setting at a time.
        if (seen.Add(Describe(d)))
        {
            yield return d;
        }

        foreach (var reset in resets)
        {
            var candidate = Copy(o);
            reset(candidate);
            if (seen.Add(Describe(candidate)) && IsValid(candidate))
            {
                yield return candidate;
            }
        }
    }

    /// <summary>A field-by-field copy, so a shrink candidate never aliases the failing options.</summary>
    /// <param name="o">The options to copy.</param>
    /// <returns>The copy.</returns>
    public static TierPolicyOptions Copy(TierPolicyOptions o) => new()
    {
        LargeOrderNotional = o.LargeOrderNotional,
        CriticalMinimumFactor = o.CriticalMinimumFactor,
        RoutineMinimumFactor = o.RoutineMinimumFactor,
        MonitoringMinimumFactor = o.MonitoringMinimumFactor,
        CriticalMaxFactorAge = o.CriticalMaxFactorAge,
        RoutineMaxFactorAge = o.RoutineMaxFactorAge,
        MonitoringMaxFactorAge = o.MonitoringMaxFactorAge,
        CriticalMaxIdleTimeout = o.CriticalMaxIdleTimeout,
        RoutineMaxIdleTimeout = o.RoutineMaxIdleTimeout,
        AllowedClockSkew = o.AllowedClockSkew,
    };

    /// <summary>The settings as one line, for counterexamples and for comparing options (the class has no value equality).</summary>
    /// <param name="o">The options.</param>
    /// <returns>The settings that differ from the defaults, or "defaults".</returns>
    public static string Describe(TierPolicyOptions o)
    {
        var d = new TierPolicyOptions();
        var parts = new List<string>();
        void Add<T>(string name, T value, T fallback)
        {
            if (!EqualityComparer<T>.Default.Equals(value, fallback))
            {
                parts.Add($"{name}={value}");
            }
        }

        Add(nameof(o.LargeOrderNotional), o.LargeOrderNotional, d.LargeOrderNotional);
        Add(nameof(o.CriticalMinimumFactor), o.CriticalMinimumFactor, d.CriticalMinimumFactor);
        Add(nameof(o.RoutineMinimumFactor), o.RoutineMinimumFactor, d.RoutineMinimumFactor);
        Add(nameof(o.MonitoringMinimumFactor), o.MonitoringMinimumFactor, d.MonitoringMinimumFactor);
        Add(nameof(o.CriticalMaxFactorAge), o.CriticalMaxFactorAge, d.CriticalMaxFactorAge);
        Add(nameof(o.RoutineMaxFactorAge), o.RoutineMaxFactorAge, d.RoutineMaxFactorAge);
        Add(nameof(o.MonitoringMaxFactorAge), o.MonitoringMaxFactorAge, d.MonitoringMaxFactorAge);
        Add(nameof(o.CriticalMaxIdleTimeout), o.CriticalMaxIdleTimeout, d.CriticalMaxIdleTimeout);
        Add(nameof(o.RoutineMaxIdleTimeout), o.RoutineMaxIdleTimeout, d.RoutineMaxIdleTimeout);
        Add(nameof(o.AllowedClockSkew), o.AllowedClockSkew, d.AllowedClockSkew);
        return parts.Count == 0 ? "defaults" : string.Join(" ", parts);
    }

    // Validation is the policy's own: a shrink candidate it would reject is no counterexample.
    internal static bool IsValid(TierPolicyOptions o)
    {
        try
        {
            _ = new TierPolicy(o);
            return true;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            return false;
        }
    }
}
