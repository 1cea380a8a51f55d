using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.SecondFactors;

namespace LoginPosture.Tests.SecondFactors;

/// <summary>The scorer's invariants, over generated accounts from empty up to 32 domains and 32 authenticators.</summary>
public sealed class SecondFactorPropertyTests
{
    private static readonly DateTimeOffset Now = LoginPostureArbitraries.AsOf;
    private static readonly SecondFactorScorer Scorer = new(new SecondFactorOptions());
    private static readonly AttackClass[] Attacks = Enum.GetValues<AttackClass>();

    private static int[] Rates(SecondFactorReport report) => Attacks.Select(a => report.Weakest(a).BlockRate).ToArray();

    // Each authenticator's domains as bits, by the domain's position in the set.
    private static uint[] Masks(SecondFactorSet set)
    {
        var index = set.Domains.Select((d, i) => (d.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        return set.Authenticators.Select(a => a.Domains.Aggregate(0u, (m, name) => m | (1u << index[name]))).ToArray();
    }

    [Property(MaxTest = 300)]
    public Property Lockout_resilience_equals_a_brute_force_minimum_hitting_set(SecondFactorSet set)
    {
        // Up to 16 domains, so every cut can be tried; larger sets are covered by the properties below.
        return Prop.When(set.Domains.Count <= 16, () =>
        {
            var report = Scorer.Score(set, Now);
            var masks = Masks(set);
            var expected = 0;
            if (masks.Length > 0)
            {
                expected = int.MaxValue;
                for (var cut = 1u; cut < 1u << set.Domains.Count; cut++)
                {
                    var size = BitOperations.PopCount(cut);
                    if (size < expected && masks.All(m => (m & cut) != 0))
                    {
                        expected = size;
                    }
                }
            }

            var names = set.Domains.Select(d => d.Name).ToList();
            var cutMask = report.LockoutDomains.Aggregate(0u, (m, name) => m | (1u << names.IndexOf(name)));
            return (report.LockoutResilience == expected
                    && report.LockoutDomains.Count == expected
                    && masks.All(m => (m & cutMask) != 0))
                .Label($"{LoginPostureArbitraries.Describe(set)}: resilience {report.LockoutResilience} [{string.Join(",", report.LockoutDomains)}], brute force {expected}");
        });
    }

    [Property(MaxTest = 300)]
    public Property Adding_a_factor_never_lowers_lockout_resilience_nor_raises_takeover_resistance(
        SecondFactorSet set, AuthenticatorKind kind, int[] domainPicks, int rehearsedDaysAgo)
    {
        return Prop.When(set.Authenticators.Count < SecondFactorSet.MaxAuthenticators, () =>
        {
            var extra = LoginPostureArbitraries.AuthenticatorOn(set, "added", kind, domainPicks, rehearsedDaysAgo);
            var before = Scorer.Score(set, Now);
            var after = Scorer.Score(LoginPostureArbitraries.WithAuthenticators(set, set.Authenticators.Append(extra)), Now);
            var resilienceHolds = after.LockoutResilience >= before.LockoutResilience;
            var takeoverHolds = set.Authenticators.Count == 0 || Rates(after).Zip(Rates(before)).All(p => p.First <= p.Second);
            return (resilienceHolds && takeoverHolds)
                .Label($"{LoginPostureArbitraries.Describe(set)} + {kind}[{string.Join(",", extra.Domains)}]: resilience {before.LockoutResilience} -> {after.LockoutResilience}, block rates [{string.Join(",", Rates(before))}] -> [{string.Join(",", Rates(after))}]");
        });
    }

    [Property(MaxTest = 300)]
    public Property Removing_sms_never_lowers_takeover_resistance(SecondFactorSet set, int[] firstPicks, int[] secondPicks, bool two)
    {
        // One or two SMS factors added to an account that keeps at least one other factor.
        return Prop.When(set.Authenticators.Count is >= 1 and <= 30, () =>
        {
            var sms = new List<Authenticator> { LoginPostureArbitraries.AuthenticatorOn(set, "sms-1", AuthenticatorKind.Sms, firstPicks, -1) };
            if (two)
            {
                sms.Add(LoginPostureArbitraries.AuthenticatorOn(set, "sms-2", AuthenticatorKind.Sms, secondPicks, 30));
            }

            var withSms = Scorer.Score(LoginPostureArbitraries.WithAuthenticators(set, set.Authenticators.Concat(sms)), Now);
            var withoutSms = Scorer.Score(LoginPostureArbitraries.WithAuthenticators(set, set.Authenticators.Where(a => a.Kind != AuthenticatorKind.Sms)), Now);
            var remaining = set.Authenticators.Any(a => a.Kind != AuthenticatorKind.Sms);
            return (!remaining || Rates(withoutSms).Zip(Rates(withSms)).All(p => p.First >= p.Second))
                .Label($"{LoginPostureArbitraries.Describe(set)}: with SMS [{string.Join(",", Rates(withSms))}], without [{string.Join(",", Rates(withoutSms))}]");
        });
    }

    [Property(MaxTest = 300)]
    public Property The_report_ignores_enrolment_order(SecondFactorSet set, int seed)
    {
        // The same account declared in another order: domains, authenticators and each authenticator's domains shuffled.
        var random = new Random(seed);
        var domains = set.Domains.ToArray();
        random.Shuffle(domains);
        var authenticators = set.Authenticators
            .Select(a =>
            {
                var names = a.Domains.ToArray();
                random.Shuffle(names);
                return new Authenticator(a.Label, a.Kind, names, a.LastRehearsed);
            })
            .ToArray();
        random.Shuffle(authenticators);

        var a = Scorer.Score(set, Now);
        var b = Scorer.Score(new SecondFactorSet(domains, authenticators), Now);
        return (a.Score == b.Score
                && a.LockoutResilience == b.LockoutResilience
                && a.LockoutDomains.SequenceEqual(b.LockoutDomains)
                && a.TakeoverPaths.SequenceEqual(b.TakeoverPaths)
                && a.PhishingResistant == b.PhishingResistant
                && a.Findings.SequenceEqual(b.Findings))
            .Label(LoginPostureArbitraries.Describe(set));
    }

    [Property(MaxTest = 300)]
    public Property The_score_stays_within_0_and_100_and_matches_its_grade(SecondFactorSet set)
    {
        var report = Scorer.Score(set, Now);
        var gradeFloor = report.Grade switch { Grade.A => 85, Grade.B => 70, Grade.C => 55, Grade.D => 40, _ => 0 };
        return (report.Score is >= 0 and <= 100
                && report.Score >= gradeFloor
                && report.TakeoverResistance is >= 0 and <= 100
                && report.LockoutResilience <= Math.Min(set.Domains.Count, set.Authenticators.Count))
            .Label($"{LoginPostureArbitraries.Describe(set)}: score {report.Score} grade {report.Grade} takeover {report.TakeoverResistance} resilience {report.LockoutResilience}");
    }

    [Fact]
    public void The_generator_reaches_the_limits_and_the_lockout_edges()
    {
        var sample = LoginPostureArbitraries.SecondFactorSetGen.Sample(1_000, LoginPostureArbitraries.FixedSeed(), 50);
        var reports = sample.Select(s => Scorer.Score(s, Now)).ToList();

        Assert.Contains(sample, s => s.Authenticators.Count == 0);
        Assert.Contains(sample, s => s.Domains.Count == SecondFactorSet.MaxDomains);
        Assert.Contains(sample, s => s.Authenticators.Count == SecondFactorSet.MaxAuthenticators);
        Assert.Contains(sample, s => s.Domains.Count is > 6 and <= 16 && s.Authenticators.Count > 3);
        Assert.Contains(sample, s => s.Authenticators.Any(a => a.Domains.Count > 3));
        Assert.True(reports.Count(r => r.LockoutResilience == 1) >= 50, "single points of failure are rare");
        Assert.True(reports.Count(r => r.LockoutResilience >= 3) >= 20, "resilient accounts are rare");
        Assert.Contains(sample, s => s.Authenticators.Any(a => a.Kind == AuthenticatorKind.Sms) && s.Authenticators.Any(a => a.Kind != AuthenticatorKind.Sms));
    }
}
