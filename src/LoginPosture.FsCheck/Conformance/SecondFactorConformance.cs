using FsCheck;
using FsCheck.Fluent;
using LoginPosture.SecondFactors;

namespace LoginPosture.FsCheck.Conformance;

/// <summary>
/// Checks a <see cref="SecondFactorOptions"/> configuration, with the scorer it configures, against the invariants of
/// seed 001's advice on second factors, as properties over generated factor sets: shared dependencies never make an
/// account more resilient, an independent hardware factor never makes it less, a weaker extra factor never makes
/// takeover harder, and a recovery path not rehearsed for a year is always reported.
/// </summary>
/// <remarks>
/// Deterministic for a given seed. Each violated invariant is reported once, with the counterexample FsCheck shrank to
/// and the settings that, put back to their default, repair it.
/// </remarks>
public static class SecondFactorConformance
{
    // Seed 001 says to rehearse recovery before it is needed and names no interval; a year is this project's reading.
    private static readonly TimeSpan ReferenceRehearsalMaxAge = TimeSpan.FromDays(365);

    private static readonly Invariant[] Invariants =
    [
        new("SharedDependencyNeverRaisesResilience",
            "making a factor depend on one more existing failure domain (a shared phone, SIM or sync account) never raises lockout resilience",
            SharedDependencyNeverRaisesResilience),
        new("NewFailureDomainNeverRaisesResilience",
            "adding a new failure domain that a factor also depends on never raises lockout resilience",
            NewFailureDomainNeverRaisesResilience),
        new("IndependentHardwareFactorNeverLowersResilience",
            "adding a security key or hardware OTP device on a failure domain of its own never lowers lockout resilience",
            IndependentHardwareFactorNeverLowersResilience),
        new("ExtraFactorNeverRaisesTakeoverResistance",
            "enrolling one more factor of any kind never raises takeover resistance (an attacker picks the weakest)",
            ExtraFactorNeverRaisesTakeoverResistance),
        new("YearOldRehearsalIsReported",
            "a factor whose recovery was last rehearsed more than 365 days ago is reported (SF009)",
            YearOldRehearsalIsReported),
    ];

    private static readonly (string Name, Action<SecondFactorOptions, SecondFactorOptions> Reset)[] Settings =
    [
        (nameof(SecondFactorOptions.RehearsalMaxAge), (o, d) => o.RehearsalMaxAge = d.RehearsalMaxAge),
    ];

    /// <summary>The names of the invariants <see cref="Check"/> tries, in order.</summary>
    public static IReadOnlyList<string> InvariantNames { get; } = [.. Invariants.Select(i => i.Name)];

    /// <summary>Checks <paramref name="options"/> against every invariant.</summary>
    /// <param name="options">The configuration to check; it must be valid (see <see cref="SecondFactorScorer"/>).</param>
    /// <param name="maxTest">Generated cases per invariant; at least 1.</param>
    /// <param name="seed">The random seed; the same seed gives the same report.</param>
    /// <returns>The invariants tried and those violated, each with a shrunk counterexample and the settings to blame.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTest"/> is below 1.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> is not a valid configuration.</exception>
    public static ConformanceReport Check(SecondFactorOptions options, int maxTest = 1_000, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTest, 1);
        var scorer = new SecondFactorScorer(options);
        var violations = new List<ConformanceViolation>();
        foreach (var invariant in Invariants)
        {
            var (failure, shrunk) = PropertySearch.Find(Cases, c => invariant.Check(scorer, c), maxTest, seed);
            if (shrunk is not null)
            {
                var blamed = PropertySearch.Blame(options, () => new SecondFactorOptions(), o => new SecondFactorOptions { RehearsalMaxAge = o.RehearsalMaxAge }, Settings,
                    repaired => invariant.Check(new SecondFactorScorer(repaired), shrunk) is null);
                violations.Add(new ConformanceViolation(invariant.Name, invariant.Statement, failure!, blamed));
            }
        }

        return new ConformanceReport(InvariantNames, violations, maxTest);
    }

    private static SecondFactorReport Score(SecondFactorScorer scorer, SecondFactorSet set) => scorer.Score(set, LoginPostureArbitraries.AsOf);

    private static string? SharedDependencyNeverRaisesResilience(SecondFactorScorer scorer, FactorCase c)
    {
        var set = c.Set;
        if (set.Authenticators.Count == 0)
        {
            return null;
        }

        var i = c.Pick % set.Authenticators.Count;
        var a = set.Authenticators[i];
        var extra = set.Domains[c.DomainPick % set.Domains.Count].Name;
        var shared = new Authenticator(a.Label, a.Kind, a.Domains.Append(extra).Distinct(), a.LastRehearsed);
        var after = LoginPostureArbitraries.WithAuthenticators(set, set.Authenticators.Select((x, j) => j == i ? shared : x));
        return Compare(scorer, set, after, $"{a.Label} also depends on {extra}", (b, n) => n <= b);
    }

    private static string? NewFailureDomainNeverRaisesResilience(SecondFactorScorer scorer, FactorCase c)
    {
        var set = c.Set;
        if (set.Authenticators.Count == 0 || set.Domains.Count >= SecondFactorSet.MaxDomains)
        {
            return null;
        }

        var i = c.Pick % set.Authenticators.Count;
        var a = set.Authenticators[i];
        var name = FreeDomainName(set);
        var domains = set.Domains.Append(new FailureDomain(name, (FailureDomainKind)(c.DomainPick % Enum.GetValues<FailureDomainKind>().Length)));
        var after = new SecondFactorSet(domains, set.Authenticators.Select((x, j) => j == i ? new Authenticator(x.Label, x.Kind, x.Domains.Append(name), x.LastRehearsed) : x));
        return Compare(scorer, set, after, $"new domain {name} under {a.Label}", (b, n) => n <= b);
    }

    private static string? IndependentHardwareFactorNeverLowersResilience(SecondFactorScorer scorer, FactorCase c)
    {
        var set = c.Set;
        if (set.Domains.Count >= SecondFactorSet.MaxDomains || set.Authenticators.Count >= SecondFactorSet.MaxAuthenticators)
        {
            return null;
        }

        var name = FreeDomainName(set);
        var kind = c.Pick % 2 == 0 ? AuthenticatorKind.SecurityKey : AuthenticatorKind.HardwareOtp;
        var after = new SecondFactorSet(set.Domains.Append(new FailureDomain(name, FailureDomainKind.Device)), set.Authenticators.Append(new Authenticator("added-key", kind, [name])));
        return Compare(scorer, set, after, $"{kind} added on its own domain {name}", (b, n) => n >= b);
    }

    private static string? ExtraFactorNeverRaisesTakeoverResistance(SecondFactorScorer scorer, FactorCase c)
    {
        var set = c.Set;
        if (set.Authenticators.Count is 0 or >= SecondFactorSet.MaxAuthenticators)
        {
            return null;
        }

        var kind = (AuthenticatorKind)(c.Pick % Enum.GetValues<AuthenticatorKind>().Length);
        var added = LoginPostureArbitraries.AuthenticatorOn(set, "added", kind, [c.DomainPick], -1);
        var after = LoginPostureArbitraries.WithAuthenticators(set, set.Authenticators.Append(added));
        var (before, now) = (Score(scorer, set).TakeoverResistance, Score(scorer, after).TakeoverResistance);
        return now <= before ? null : $"{LoginPostureArbitraries.Describe(set)}: takeover resistance {before}; with {kind} added: {now}";
    }

    private static string? YearOldRehearsalIsReported(SecondFactorScorer scorer, FactorCase c)
    {
        var stale = c.Set.Authenticators.Where(a => a.LastRehearsed is { } r && LoginPostureArbitraries.AsOf - r > ReferenceRehearsalMaxAge).ToList();
        if (stale.Count == 0)
        {
            return null;
        }

        var reported = Score(scorer, c.Set).Findings.Where(f => f.Id == SecondFactorFindings.RehearsalStale.Id).ToList();
        var missing = stale.Where(a => !reported.Any(f => f.Message.Contains($"'{a.Label}'", StringComparison.Ordinal))).Select(a => $"{a.Label} rehearsed {a.LastRehearsed:yyyy-MM-dd}").ToList();
        return missing.Count == 0 ? null : $"{LoginPostureArbitraries.Describe(c.Set)}: not reported as stale at {LoginPostureArbitraries.AsOf:yyyy-MM-dd}: {string.Join(", ", missing)}";
    }

    private static string? Compare(SecondFactorScorer scorer, SecondFactorSet before, SecondFactorSet after, string change, Func<int, int, bool> holds)
    {
        var (b, n) = (Score(scorer, before).LockoutResilience, Score(scorer, after).LockoutResilience);
        return holds(b, n) ? null : $"{LoginPostureArbitraries.Describe(before)}: lockout resilience {b}; with {change}: {n}";
    }

    private static string FreeDomainName(SecondFactorSet set) =>
        Enumerable.Range(0, SecondFactorSet.MaxDomains + 1).Select(i => $"new{i:00}").First(n => set.Domains.All(d => d.Name != n));

    private static readonly Arbitrary<FactorCase> Cases = Arb.From(
        from set in LoginPostureArbitraries.SecondFactorSetGen
        from pick in Gen.Choose(0, 1_000)
        from domain in Gen.Choose(0, 1_000)
        select new FactorCase(set, pick, domain),
        c => LoginPostureArbitraries.SecondFactorSets().Shrinker(c.Set).Select(s => c with { Set = s })
            .Concat(c.Pick == 0 ? [] : [c with { Pick = 0 }])
            .Concat(c.DomainPick == 0 ? [] : [c with { DomainPick = 0 }]));

    private sealed record FactorCase(SecondFactorSet Set, int Pick, int DomainPick);

    private sealed record Invariant(string Name, string Statement, Func<SecondFactorScorer, FactorCase, string?> Check);
}
