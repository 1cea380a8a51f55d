using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.SecondFactors;

namespace LoginPosture.Tests.SecondFactors;

/// <summary>The scorer's invariants, over generated accounts from empty up to 32 domains and 32 authenticators.</summary>
public sealed class SecondFactorPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SecondFactorScorer Scorer = new(new SecondFactorOptions());
    private static readonly AuthenticatorKind[] Kinds = Enum.GetValues<AuthenticatorKind>();
    private static readonly AttackClass[] Attacks = Enum.GetValues<AttackClass>();
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>One generated factor: kind, the domains it needs as bits, and days since rehearsal (null: never).</summary>
    public sealed record FactorSpec(AuthenticatorKind Kind, uint Mask, int? RehearsedDaysAgo);

    /// <summary>A generated account: the kind of each domain, and its factors.</summary>
    public sealed record AccountSpec(FailureDomainKind[] Domains, FactorSpec[] Factors, int ShuffleSeed)
    {
        public SecondFactorSet Build(IEnumerable<FactorSpec>? factors = null, bool shuffle = false)
        {
            var domains = Domains.Select((kind, i) => new FailureDomain($"d{i:00}", kind)).ToList();
            var authenticators = (factors ?? Factors).Select((f, i) => new Authenticator(
                $"f{i:00}",
                f.Kind,
                Enumerable.Range(0, 32).Where(b => (f.Mask & (1u << b)) != 0).Select(b => $"d{b:00}"),
                f.RehearsedDaysAgo is { } days ? Now.AddDays(-days) : null)).ToList();
            if (shuffle)
            {
                var random = new Random(ShuffleSeed);
                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(domains));
                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(authenticators));
            }

            return new SecondFactorSet(domains, authenticators);
        }
    }

    private static Gen<FactorSpec> Factor(int domainCount) =>
        from kind in Gen.Elements(Kinds)
        from bits in Gen.Frequency((6, Gen.Choose(1, 1)), (3, Gen.Choose(2, 3)), (1, Gen.Choose(1, domainCount)))
        from indices in Gen.ArrayOf(Gen.Choose(0, domainCount - 1), bits)
        from rehearsed in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 800).Select(d => (int?)d)))
        select new FactorSpec(kind, indices.Aggregate(0u, (m, i) => m | (1u << i)), rehearsed);

    private static Gen<AccountSpec> Account(int maxDomains, int minFactors, int maxFactors) =>
        from domainCount in Gen.Frequency((8, Gen.Choose(1, Math.Min(6, maxDomains))), (2, Gen.Choose(1, maxDomains)), (1, Gen.Constant(maxDomains)))
        from domains in Gen.ArrayOf(Gen.Elements(Enum.GetValues<FailureDomainKind>()), domainCount)
        from factorCount in Gen.Frequency((8, Gen.Choose(minFactors, Math.Min(8, maxFactors))), (1, Gen.Choose(minFactors, maxFactors)), (1, Gen.Constant(maxFactors)))
        from factors in Gen.ArrayOf(Factor(domainCount), factorCount)
        from seed in Gen.Choose(0, int.MaxValue)
        select new AccountSpec(domains, factors, seed);

    private static int[] Rates(SecondFactorReport report) => Attacks.Select(a => report.Weakest(a).BlockRate).ToArray();

    [Fact]
    public void Lockout_resilience_equals_a_brute_force_minimum_hitting_set()
    {
        Check.One(Runs, Prop.ForAll(Arb.From(Account(12, 0, 12)), account =>
        {
            var report = Scorer.Score(account.Build(), Now);
            var masks = account.Factors.Select(f => f.Mask).ToArray();
            var expected = 0;
            if (masks.Length > 0)
            {
                expected = Enumerable.Range(1, (1 << account.Domains.Length) - 1)
                    .Where(cut => masks.All(m => (m & (uint)cut) != 0))
                    .Min(cut => BitOperations.PopCount((uint)cut));
            }

            var cutMask = report.LockoutDomains.Aggregate(0u, (m, name) => m | (1u << int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture)));
            return report.LockoutResilience == expected
                && report.LockoutDomains.Count == expected
                && masks.All(m => (m & cutMask) != 0);
        }));
    }

    [Fact]
    public void Adding_a_factor_never_lowers_lockout_resilience_nor_raises_takeover_resistance()
    {
        var cases = from account in Account(32, 0, 31)
                    from extra in Factor(account.Domains.Length)
                    select (account, extra);
        Check.One(Runs, Prop.ForAll(Arb.From(cases), c =>
        {
            var before = Scorer.Score(c.account.Build(), Now);
            var after = Scorer.Score(c.account.Build(c.account.Factors.Append(c.extra)), Now);
            var resilienceHolds = after.LockoutResilience >= before.LockoutResilience;
            var takeoverHolds = c.account.Factors.Length == 0
                || Rates(after).Zip(Rates(before)).All(p => p.First <= p.Second);
            return resilienceHolds && takeoverHolds;
        }));
    }

    [Fact]
    public void Removing_sms_never_lowers_takeover_resistance()
    {
        var cases = from account in Account(32, 1, 30)
                    from smsCount in Gen.Choose(1, 2)
                    from sms in Gen.ArrayOf(Factor(account.Domains.Length).Select(f => f with { Kind = AuthenticatorKind.Sms }), smsCount)
                    select (account, sms);
        Check.One(Runs, Prop.ForAll(Arb.From(cases), c =>
        {
            var withSms = Scorer.Score(c.account.Build(c.account.Factors.Concat(c.sms)), Now);
            var withoutSms = Scorer.Score(c.account.Build(c.account.Factors.Where(f => f.Kind != AuthenticatorKind.Sms)), Now);
            var remaining = c.account.Factors.Any(f => f.Kind != AuthenticatorKind.Sms);
            return !remaining || Rates(withoutSms).Zip(Rates(withSms)).All(p => p.First >= p.Second);
        }));
    }

    [Fact]
    public void The_report_ignores_enrolment_order()
    {
        Check.One(Runs, Prop.ForAll(Arb.From(Account(32, 0, 32)), account =>
        {
            var a = Scorer.Score(account.Build(), Now);
            var b = Scorer.Score(account.Build(shuffle: true), Now);
            return a.Score == b.Score
                && a.LockoutResilience == b.LockoutResilience
                && a.LockoutDomains.SequenceEqual(b.LockoutDomains)
                && a.TakeoverPaths.SequenceEqual(b.TakeoverPaths)
                && a.PhishingResistant == b.PhishingResistant
                && a.Findings.SequenceEqual(b.Findings);
        }));
    }

    [Fact]
    public void The_score_stays_within_0_and_100_and_matches_its_grade()
    {
        Check.One(Runs, Prop.ForAll(Arb.From(Account(32, 0, 32)), account =>
        {
            var report = Scorer.Score(account.Build(), Now);
            var gradeFloor = report.Grade switch { Grade.A => 85, Grade.B => 70, Grade.C => 55, Grade.D => 40, _ => 0 };
            return report.Score is >= 0 and <= 100
                && report.Score >= gradeFloor
                && report.TakeoverResistance is >= 0 and <= 100
                && report.LockoutResilience <= Math.Min(account.Domains.Length, account.Factors.Length);
        }));
    }
}
