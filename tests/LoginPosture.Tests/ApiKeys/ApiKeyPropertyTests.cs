using System.Collections.Immutable;
using System.Net;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.ApiKeys;

namespace LoginPosture.Tests.ApiKeys;

public sealed class ApiKeyPropertyTests
{
    private static readonly DateTimeOffset Now = LoginPostureArbitraries.AsOf;
    private static readonly TimeSpan Window = TimeSpan.FromDays(90);
    private static readonly ApiKeyEvaluator Evaluator = new(new ApiKeyEvaluatorOptions { UnusedGrantWindow = Window });

    [Property(MaxTest = 500)]
    public Property Minimal_is_a_subset_of_granted(ApiKeyDescriptor key)
    {
        var result = Evaluator.Evaluate(key, Now);
        return ((result.Minimal & ~result.Granted) == 0 && result.Excess == (result.Granted & ~result.Minimal))
            .Label($"{LoginPostureArbitraries.Describe(key)}: minimal {result.Minimal}, excess {result.Excess}");
    }

    [Property(MaxTest = 500)]
    public Property Minimal_covers_every_grant_exercised_in_the_window(ApiKeyDescriptor key) =>
        Prop.When(key.Usage is not null, () =>
        {
            var result = Evaluator.Evaluate(key, Now);

            // Recomputed from the raw usage, not from the result.
            var exercised = ApiKeyGrants.None;
            foreach (var grant in LoginPostureArbitraries.Bits(key.Grants))
            {
                if (key.Usage!.LastUseOf(grant) is { } last && last >= Now - Window)
                {
                    exercised |= grant;
                }
            }

            var writeUsed = (exercised & ~(ApiKeyGrants.Read | ApiKeyGrants.Export)) != 0;
            var readNeeded = writeUsed ? key.Grants & ApiKeyGrants.Read : ApiKeyGrants.None;
            return ((exercised & ~result.Minimal) == 0 && result.Minimal == (exercised | readNeeded))
                .Label($"{LoginPostureArbitraries.Describe(key)}: minimal {result.Minimal}, exercised {exercised}");
        });

    [Property(MaxTest = 500)]
    public Property Without_usage_the_minimal_set_is_everything_granted(ApiKeyDescriptor key)
    {
        var unobserved = key with { Usage = null };
        return (Evaluator.Evaluate(unobserved, Now).Minimal == key.Grants).Label(LoginPostureArbitraries.Describe(unobserved));
    }

    [Property(MaxTest = 500)]
    public Property Removing_an_unused_grant_never_raises_severity_nor_worsens_any_finding(ApiKeyDescriptor key) =>
        Prop.When(key.Usage is not null, () =>
        {
            var before = Evaluator.Evaluate(key, Now);
            foreach (var unused in LoginPostureArbitraries.Bits(before.Excess))
            {
                var after = Evaluator.Evaluate(key with { Grants = key.Grants & ~unused }, Now);
                if (Rank(after) > Rank(before) || (after.Issues & ~before.Issues) != 0 || !NoFindingWorse(before, after))
                {
                    return false.Label($"{LoginPostureArbitraries.Describe(key)}: without {unused}: severity {before.Severity} -> {after.Severity}, issues {before.Issues} -> {after.Issues}");
                }
            }

            return true.ToProperty();
        });

    [Property(MaxTest = 500)]
    public Property Removing_every_unused_grant_at_once_never_raises_severity(ApiKeyDescriptor key) =>
        Prop.When(key.Usage is not null, () =>
        {
            var before = Evaluator.Evaluate(key, Now);
            var after = Evaluator.Evaluate(key with { Grants = before.Minimal }, Now);
            return (Rank(after) <= Rank(before) && after.Excess == ApiKeyGrants.None)
                .Label($"{LoginPostureArbitraries.Describe(key)}: keeping {before.Minimal}: severity {before.Severity} -> {after.Severity}, excess {after.Excess}");
        });

    [Property(MaxTest = 500)]
    public Property Adding_an_ip_restriction_never_raises_severity(ApiKeyDescriptor key, NonEmptyArray<IPNetwork> networks, bool unlisted)
    {
        var list = networks.Get.Distinct().ToImmutableArray();
        var open = key with { IpAllowList = [], IpRestrictionUnlisted = false };
        var fenced = unlisted ? open with { IpRestrictionUnlisted = true } : open with { IpAllowList = list };
        var before = Evaluator.Evaluate(open, Now);
        var after = Evaluator.Evaluate(fenced, Now);
        // A /0 entry admits everyone, so only a list without one must clear the missing-restriction findings.
        var fences = unlisted || list.All(n => n.PrefixLength > 0);
        return (Rank(after) <= Rank(before)
                && NewFindingsAreMilderNetworkOnes(before, after)
                && fences != after.Has(ApiKeyIssues.NoIpRestriction)
                && (fences ? !after.Has(ApiKeyIssues.WithdrawWithoutIpRestriction) : after.Issues == before.Issues))
            .Label($"{LoginPostureArbitraries.Describe(fenced)}: severity {before.Severity} -> {after.Severity}, issues {before.Issues} -> {after.Issues}");
    }

    [Property(MaxTest = 500)]
    public Property Evaluation_never_throws_and_findings_match_issues_and_severity(ApiKeyDescriptor key)
    {
        var result = Evaluator.Evaluate(key, Now);
        var findings = result.Findings;
        var worst = findings.Count == 0 ? (Severity?)null : findings.Max(f => f.Severity);
        return (findings.Count == BitOperations.PopCount((uint)result.Issues)
                && worst == result.Severity
                && findings.All(f => f.Message.Contains($"'{key.Label}'", StringComparison.Ordinal))
                && result.ToString().Length > 0)
            .Label($"{LoginPostureArbitraries.Describe(key)}: issues {result.Issues}, severity {result.Severity}, worst finding {worst}");
    }

    [Fact]
    public void The_generators_reach_the_edges()
    {
        var sample = LoginPostureArbitraries.ApiKeyGen.Sample(2000, LoginPostureArbitraries.FixedSeed(), 60);

        Assert.Contains(sample, d => d.Grants == ApiKeyGrants.None);
        Assert.Contains(sample, d => (int)d.Grants == (1 << 12) - 1);
        Assert.Contains(sample, d => d.IpAllowList.IsEmpty && !d.IsIpRestricted);
        Assert.Contains(sample, d => d.IpAllowList.Any(n => n.PrefixLength == 0));
        Assert.Contains(sample, d => d.IpAllowList.Any(n => n.PrefixLength == 128));
        Assert.Contains(sample, d => d.Created is null && d.Expires is null);
        Assert.Contains(sample, d => d.Usage is { SourceAddresses.IsEmpty: true });
        Assert.Contains(sample, d => d.Usage is { } u && u.SourceAddresses.Any(a => d.IpAllowList.Any(n => n.Contains(a))));
        Assert.Contains(sample, d => d.Label.Length == 128);
        var results = sample.Select(d => Evaluator.Evaluate(d, Now)).ToList();
        foreach (var issue in Enum.GetValues<ApiKeyIssues>().Where(i => i != ApiKeyIssues.None))
        {
            Assert.Contains(results, r => r.Has(issue));
        }

        Assert.Contains(results, r => r.Severity == (Severity?)null || r.Severity == Severity.Low);
    }

    // No finding ranks below any severity, so a key without findings is never "worse" than one with them.
    private static int Rank(ApiKeyEvaluation evaluation) => evaluation.Severity is { } s ? (int)s + 1 : 0;

    // Stronger than the overall severity, which a single worse finding can hide behind: no finding gets more severe.
    private static bool NoFindingWorse(ApiKeyEvaluation before, ApiKeyEvaluation after)
    {
        var was = before.Findings.ToDictionary(f => f.Id, f => f.Severity);
        return after.Findings.All(f => was.TryGetValue(f.Id, out var severity) && f.Severity <= severity);
    }

    // An allow-list may bring AK004 (too broad) or AK012 (use from outside it), never worse than the AK003 it replaces.
    private static bool NewFindingsAreMilderNetworkOnes(ApiKeyEvaluation before, ApiKeyEvaluation after)
    {
        var was = before.Findings.ToDictionary(f => f.Id, f => f.Severity);
        return after.Findings.All(f => was.TryGetValue(f.Id, out var severity)
            ? f.Severity <= severity
            : f.Id is "AK004" or "AK012" && f.Severity <= was["AK003"]);
    }
}
