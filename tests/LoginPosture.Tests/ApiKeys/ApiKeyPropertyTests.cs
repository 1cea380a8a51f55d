using System.Collections.Immutable;
using System.Net;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.ApiKeys;

namespace LoginPosture.Tests.ApiKeys;

public sealed class ApiKeyPropertyTests
{
    private const int AllGrants = (1 << 12) - 1;
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(90);
    private static readonly ApiKeyEvaluator Evaluator = new(new ApiKeyEvaluatorOptions { UnusedGrantWindow = Window });
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Fact]
    public void Minimal_is_a_subset_of_granted() =>
        Check.One(Runs, Prop.ForAll(Arb.From(Keys(withUsage: null)), key =>
        {
            var result = Evaluator.Evaluate(key.Descriptor, Now);
            return (result.Minimal & ~result.Granted) == 0 && result.Excess == (result.Granted & ~result.Minimal);
        }));

    [Fact]
    public void Minimal_covers_every_grant_exercised_in_the_window()
    {
        Check.One(Runs, Prop.ForAll(Arb.From(Keys(withUsage: true)), key =>
        {
            var d = key.Descriptor;
            var result = Evaluator.Evaluate(d, Now);

            // Recomputed from the raw usage, not from the result.
            var exercised = ApiKeyGrants.None;
            foreach (var grant in Bits(d.Grants))
            {
                if (d.Usage!.LastUseOf(grant) is { } last && last >= Now - Window)
                {
                    exercised |= grant;
                }
            }

            var writeUsed = (exercised & ~(ApiKeyGrants.Read | ApiKeyGrants.Export)) != 0;
            var readNeeded = writeUsed ? d.Grants & ApiKeyGrants.Read : ApiKeyGrants.None;
            return (exercised & ~result.Minimal) == 0 && result.Minimal == (exercised | readNeeded);
        }));
    }

    [Fact]
    public void Without_usage_the_minimal_set_is_everything_granted() =>
        Check.One(Runs, Prop.ForAll(Arb.From(Keys(withUsage: false)), key =>
            Evaluator.Evaluate(key.Descriptor, Now).Minimal == key.Descriptor.Grants));

    [Fact]
    public void Removing_an_unused_grant_never_raises_risk_nor_worsens_any_finding() =>
        Check.One(Runs, Prop.ForAll(Arb.From(Keys(withUsage: true)), key =>
        {
            var before = Evaluator.Evaluate(key.Descriptor, Now);
            foreach (var unused in Bits(before.Excess))
            {
                var after = Evaluator.Evaluate(key.Descriptor with { Grants = key.Descriptor.Grants & ~unused }, Now);
                if (after.Risk > before.Risk || (after.Issues & ~before.Issues) != 0 || !NoFindingWorse(before, after))
                {
                    return false;
                }
            }

            return true;
        }));

    [Fact]
    public void Removing_every_unused_grant_at_once_never_raises_risk() =>
        Check.One(Runs, Prop.ForAll(Arb.From(Keys(withUsage: true)), key =>
        {
            var before = Evaluator.Evaluate(key.Descriptor, Now);
            var after = Evaluator.Evaluate(key.Descriptor with { Grants = before.Minimal }, Now);
            return after.Risk <= before.Risk && after.Excess == ApiKeyGrants.None;
        }));

    [Fact]
    public void Adding_an_ip_restriction_never_raises_risk()
    {
        var cases =
            from key in Keys(withUsage: null)
            from list in AllowList(min: 1)
            from unlisted in Gen.Elements(false, true)
            select (key, list, unlisted);

        Check.One(Runs, Prop.ForAll(Arb.From(cases), c =>
        {
            var open = c.key.Descriptor with { IpAllowList = [], IpRestrictionUnlisted = false };
            var fenced = unlistedOrListed(open, c.list, c.unlisted);
            var before = Evaluator.Evaluate(open, Now);
            var after = Evaluator.Evaluate(fenced, Now);
            // A /0 entry admits everyone, so only a list without one must clear the missing-restriction findings.
            var fences = c.unlisted || c.list.All(n => n.PrefixLength > 0);
            return after.Risk <= before.Risk
                && NewFindingsAreMilderNetworkOnes(before, after)
                && fences != after.Has(ApiKeyIssues.NoIpRestriction)
                && (fences ? !after.Has(ApiKeyIssues.WithdrawWithoutIpRestriction) : after.Issues == before.Issues);
        }));

        static ApiKeyDescriptor unlistedOrListed(ApiKeyDescriptor d, ImmutableArray<IPNetwork> list, bool unlisted) =>
            unlisted ? d with { IpRestrictionUnlisted = true } : d with { IpAllowList = list };
    }

    [Fact]
    public void Evaluation_never_throws_and_findings_match_issues_and_risk() =>
        Check.One(Runs, Prop.ForAll(Arb.From(Keys(withUsage: null)), key =>
        {
            var result = Evaluator.Evaluate(key.Descriptor, Now);
            var findings = result.GetFindings();
            var worst = findings.Count == 0 ? ApiKeyRisk.None : (ApiKeyRisk)findings.Max(f => (int)f.Severity);
            return findings.Count == BitOperations.PopCount((uint)result.Issues)
                && worst == result.Risk
                && findings.All(f => f.Message.Contains($"'{key.Descriptor.Label}'", StringComparison.Ordinal))
                && result.ToString().Length > 0;
        }));

    [Fact]
    public void The_generators_reach_the_edges()
    {
        var sample = Keys(withUsage: null).Sample(2000, 60).Select(k => k.Descriptor).ToList();

        Assert.Contains(sample, d => d.Grants == ApiKeyGrants.None);
        Assert.Contains(sample, d => (int)d.Grants == AllGrants);
        Assert.Contains(sample, d => d.IpAllowList.IsEmpty && !d.IsIpRestricted);
        Assert.Contains(sample, d => d.IpAllowList.Any(n => n.PrefixLength == 0));
        Assert.Contains(sample, d => d.IpAllowList.Any(n => n.PrefixLength == 128));
        Assert.Contains(sample, d => d.Created is null && d.Expires is null);
        Assert.Contains(sample, d => d.Usage is { SourceAddresses.IsEmpty: true });
        var results = sample.Select(d => Evaluator.Evaluate(d, Now)).ToList();
        foreach (var issue in Enum.GetValues<ApiKeyIssues>().Where(i => i != ApiKeyIssues.None))
        {
            Assert.Contains(results, r => r.Has(issue));
        }

        Assert.Contains(results, r => r.Risk == ApiKeyRisk.None || r.Risk == ApiKeyRisk.Low);
    }

    // Stronger than the risk level, which a single worse finding can hide behind: no finding gets more severe.
    private static bool NoFindingWorse(ApiKeyEvaluation before, ApiKeyEvaluation after)
    {
        var was = before.GetFindings().ToDictionary(f => f.Id, f => f.Severity);
        return after.GetFindings().All(f => was.TryGetValue(f.Id, out var severity) && f.Severity <= severity);
    }

    // An allow-list may bring AK004 (too broad) or AK012 (use from outside it), never worse than the AK003 it replaces.
    private static bool NewFindingsAreMilderNetworkOnes(ApiKeyEvaluation before, ApiKeyEvaluation after)
    {
        var was = before.GetFindings().ToDictionary(f => f.Id, f => f.Severity);
        return after.GetFindings().All(f => was.TryGetValue(f.Id, out var severity)
            ? f.Severity <= severity
            : f.Id is "AK004" or "AK012" && f.Severity <= was["AK003"]);
    }

    private static IEnumerable<ApiKeyGrants> Bits(ApiKeyGrants grants)
    {
        for (var bits = (uint)grants; bits != 0; bits &= bits - 1)
        {
            yield return (ApiKeyGrants)(bits & (0u - bits));
        }
    }

    // A descriptor plus a short description, so a failing case prints more than the label.
    public sealed record GeneratedKey(ApiKeyDescriptor Descriptor)
    {
        public override string ToString()
        {
            var d = Descriptor;
            return $"grants={d.Grants} ips=[{string.Join(",", d.IpAllowList)}] unlisted={d.IpRestrictionUnlisted} created={d.Created:O} rotated={d.Rotated:O} expires={d.Expires:O} lastUsed={d.LastUsed:O} env={d.Environment} live={d.LiveAccessRequired} usage={d.Usage}";
        }
    }

    private static Gen<GeneratedKey> Keys(bool? withUsage)
    {
        var grants = Gen.Frequency(
            (1, Gen.Constant(0)),
            (1, Gen.Constant(AllGrants)),
            (6, Gen.Choose(0, AllGrants))).Select(g => (ApiKeyGrants)g);

        return
            from g in grants
            from list in AllowList(min: 0)
            from unlisted in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
            from createdDays in Maybe(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(0, 1200))))
            from rotatedAfter in Maybe(Gen.Choose(0, 1200))
            from lifetime in Maybe(Gen.Frequency((1, Gen.Constant(366)), (1, Gen.Constant(367)), (4, Gen.Choose(0, 1500))))
            from lastUsedDays in Maybe(Gen.Choose(-2, 500))
            from paper in Gen.Elements(false, true)
            from liveRequired in Gen.Elements(false, true)
            from usage in withUsage switch
            {
                true => Usage(list).Select(u => (ApiKeyUsage?)u),
                false => Gen.Constant<ApiKeyUsage?>(null),
                null => Gen.OneOf(Gen.Constant<ApiKeyUsage?>(null), Usage(list).Select(u => (ApiKeyUsage?)u)),
            }
            select new GeneratedKey(Build(g, list, unlisted, createdDays, rotatedAfter, lifetime, lastUsedDays, paper, liveRequired, usage));
    }

    private static ApiKeyDescriptor Build(
        ApiKeyGrants grants, ImmutableArray<IPNetwork> list, bool unlisted, int? createdDays, int? rotatedAfter,
        int? lifetime, int? lastUsedDays, bool paper, bool liveRequired, ApiKeyUsage? usage)
    {
        DateTimeOffset? created = createdDays is { } c ? Now.AddDays(-c) : null;
        DateTimeOffset? rotated = created is { } cr && rotatedAfter is { } ra ? Min(cr.AddDays(ra), Now) : null;
        var issued = rotated ?? created ?? Now;
        return new ApiKeyDescriptor("gen-key", grants)
        {
            IpAllowList = list,
            IpRestrictionUnlisted = unlisted,
            Created = created,
            Rotated = rotated,
            Expires = lifetime is { } l ? issued.AddDays(l) : null,
            LastUsed = lastUsedDays is { } u ? Now.AddDays(-u) : null,
            Environment = paper ? ApiKeyEnvironment.Paper : ApiKeyEnvironment.Live,
            LiveAccessRequired = liveRequired,
            Usage = usage,
        };
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static Gen<int?> Maybe(Gen<int> gen) =>
        Gen.Frequency((1, Gen.Constant<int?>(null)), (3, gen.Select(v => (int?)v)));

    private static Gen<ApiKeyUsage> Usage(ImmutableArray<IPNetwork> list)
    {
        var use =
            from grant in Gen.Choose(1, AllGrants)
            from daysAgo in Gen.Frequency((1, Gen.Constant(90)), (1, Gen.Constant(91)), (4, Gen.Choose(-1, 400)))
            select KeyValuePair.Create((ApiKeyGrants)grant, Now.AddDays(-daysAgo));

        var inside = list.IsEmpty ? Address() : Gen.OneOf(Address(), Gen.Elements(list.ToArray()).Select(n => n.BaseAddress));
        return
            from since in Gen.Frequency((1, Gen.Constant(90)), (1, Gen.Constant(45)), (4, Gen.Choose(0, 500)))
            from count in Gen.Choose(0, 5)
            from uses in Gen.ArrayOf(use, count)
            from addressCount in Gen.Choose(0, 3)
            from addresses in Gen.ArrayOf(inside, addressCount)
            select new ApiKeyUsage(Now.AddDays(-since), uses, addresses);
    }

    private static Gen<ImmutableArray<IPNetwork>> AllowList(int min) =>
        from count in Gen.Frequency((2, Gen.Constant(min)), (3, Gen.Choose(min, 4)))
        from networks in Gen.ArrayOf(Network(), count)
        select networks.Distinct().ToImmutableArray();

    private static Gen<IPNetwork> Network() =>
        from v6 in Gen.Elements(false, true)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), v6 ? 16 : 4)
        from prefix in Gen.Frequency(
            (1, Gen.Constant(0)),
            (2, Gen.Constant(v6 ? 128 : 32)),
            (1, Gen.Constant(v6 ? 64 : 24)),
            (1, Gen.Constant(v6 ? 63 : 23)),
            (3, Gen.Choose(0, v6 ? 128 : 32)))
        select new IPNetwork(new IPAddress(Mask(bytes, prefix)), prefix);

    private static Gen<IPAddress> Address() =>
        from v6 in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), v6 == 1 ? 16 : 4)
        select v6 == 2 ? new IPAddress(bytes).MapToIPv6() : new IPAddress(bytes);

    private static byte[] Mask(byte[] bytes, int prefix)
    {
        var masked = (byte[])bytes.Clone();
        for (var bit = prefix; bit < masked.Length * 8; bit++)
        {
            masked[bit >> 3] &= (byte)~(0x80 >> (bit & 7));
        }

        return masked;
    }
}
