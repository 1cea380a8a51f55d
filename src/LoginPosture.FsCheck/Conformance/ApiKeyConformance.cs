using System.Collections.Immutable;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.ApiKeys;

namespace LoginPosture.FsCheck.Conformance;

/// <summary>
/// Checks an <see cref="ApiKeyEvaluatorOptions"/> configuration, with the evaluator it configures, against seed 001's
/// advice on API keys (least privilege, regular rotation, IP allow-lists, keys that expire) and the anchors behind the
/// defaults, as properties over generated keys: cutting a key down or fencing it never raises its risk, a withdrawal key without an IP fence
/// is at least High, and an overdue rotation, an unlimited or over-long lifetime and a wide allow-list are reported.
/// </summary>
/// <remarks>
/// Deterministic for a given seed. Each violated invariant is reported once, with the counterexample FsCheck shrank to
/// and the settings that, put back to their default, repair it.
/// </remarks>
public static class ApiKeyConformance
{
    private static readonly TimeSpan ReferenceMaxRotationAge = TimeSpan.FromDays(90);
    private static readonly TimeSpan ReferenceMaxLifetime = TimeSpan.FromDays(366);

    private static readonly Invariant[] Invariants =
    [
        new("RemovingAnUnusedGrantNeverRaisesRisk",
            "removing a grant the key did not use (outside its minimal set) never raises its risk",
            RemovingAnUnusedGrantNeverRaisesRisk),
        new("AddingAnIpAllowListNeverRaisesRisk",
            "giving a key without any IP restriction an allow-list never raises its risk",
            AddingAnIpAllowListNeverRaisesRisk),
        new("AddingAnExpiryNeverRaisesRisk",
            "giving a key that never expires an expiry never raises its risk",
            AddingAnExpiryNeverRaisesRisk),
        new("WithdrawalWithoutIpFenceIsAtLeastHigh",
            "a key that can withdraw and accepts calls from any address is at least High risk",
            WithdrawalWithoutIpFenceIsAtLeastHigh),
        new("OverdueRotationIsReported",
            "a key whose secret is more than 90 days old is reported (CIS AWS Foundations, AWS Config access-keys-rotated)",
            OverdueRotationIsReported),
        new("UnboundedLifetimeIsReported",
            "a key that never expires, or is valid for more than 366 days after issue, is reported",
            UnboundedLifetimeIsReported),
        new("WideAllowListIsReported",
            "an allow-list entry wider than /24 (IPv4) or /64 (IPv6) is reported",
            WideAllowListIsReported),
    ];

    private static readonly (string Name, Action<ApiKeyEvaluatorOptions, ApiKeyEvaluatorOptions> Reset)[] Settings =
    [
        (nameof(ApiKeyEvaluatorOptions.UnusedGrantWindow), (o, d) => o.UnusedGrantWindow = d.UnusedGrantWindow),
        (nameof(ApiKeyEvaluatorOptions.UnusedKeyAge), (o, d) => o.UnusedKeyAge = d.UnusedKeyAge),
        (nameof(ApiKeyEvaluatorOptions.MaxRotationAge), (o, d) => o.MaxRotationAge = d.MaxRotationAge),
        (nameof(ApiKeyEvaluatorOptions.MaxLifetime), (o, d) => o.MaxLifetime = d.MaxLifetime),
        (nameof(ApiKeyEvaluatorOptions.MinIPv4PrefixLength), (o, d) => o.MinIPv4PrefixLength = d.MinIPv4PrefixLength),
        (nameof(ApiKeyEvaluatorOptions.MinIPv6PrefixLength), (o, d) => o.MinIPv6PrefixLength = d.MinIPv6PrefixLength),
    ];

    /// <summary>The names of the invariants <see cref="Check"/> tries, in order.</summary>
    public static IReadOnlyList<string> InvariantNames { get; } = [.. Invariants.Select(i => i.Name)];

    /// <summary>Checks <paramref name="options"/> against every invariant.</summary>
    /// <param name="options">The configuration to check; it must be valid (see <see cref="ApiKeyEvaluator"/>).</param>
    /// <param name="maxTest">Generated cases per invariant; at least 1.</param>
    /// <param name="seed">The random seed; the same seed gives the same report.</param>
    /// <returns>The invariants tried and those violated, each with a shrunk counterexample and the settings to blame.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTest"/> is below 1.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> is not a valid configuration.</exception>
    public static ConformanceReport Check(ApiKeyEvaluatorOptions options, int maxTest = 1_000, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTest, 1);
        var evaluator = new ApiKeyEvaluator(options);
        var violations = new List<ConformanceViolation>();
        foreach (var invariant in Invariants)
        {
            var (failure, shrunk) = PropertySearch.Find(Cases, c => invariant.Check(evaluator, c), maxTest, seed);
            if (shrunk is not null)
            {
                var blamed = PropertySearch.Blame(options, () => new ApiKeyEvaluatorOptions(), Copy, Settings,
                    repaired => invariant.Check(new ApiKeyEvaluator(repaired), shrunk) is null);
                violations.Add(new ConformanceViolation(invariant.Name, invariant.Statement, failure!, blamed));
            }
        }

        return new ConformanceReport(InvariantNames, violations, maxTest);
    }

    private static ApiKeyEvaluatorOptions Copy(ApiKeyEvaluatorOptions o) => new()
    {
        UnusedGrantWindow = o.UnusedGrantWindow,
        UnusedKeyAge = o.UnusedKeyAge,
        MaxRotationAge = o.MaxRotationAge,
        MaxLifetime = o.MaxLifetime,
        MinIPv4PrefixLength = o.MinIPv4PrefixLength,
        MinIPv6PrefixLength = o.MinIPv6PrefixLength,
    };

    private static ApiKeyEvaluation Evaluate(ApiKeyEvaluator evaluator, ApiKeyDescriptor key) => evaluator.Evaluate(key, LoginPostureArbitraries.AsOf);

    // The one place this class reads a key's overall risk: the worst finding's severity, below Info without findings.
    private static int RiskOf(ApiKeyEvaluation evaluation) => evaluation.Severity is { } severity ? (int)severity : -1;

    private static string RiskText(ApiKeyEvaluation evaluation) => evaluation.Severity?.ToString() ?? "no findings";

    private static string Describe(ApiKeyDescriptor key, ApiKeyEvaluation evaluation) => $"{LoginPostureArbitraries.Describe(key)} -> {RiskText(evaluation)} ({evaluation.Issues})";

    private static string? NotRaised(ApiKeyEvaluator evaluator, ApiKeyDescriptor before, ApiKeyDescriptor after, string change)
    {
        var (b, a) = (Evaluate(evaluator, before), Evaluate(evaluator, after));
        return RiskOf(a) <= RiskOf(b) ? null : $"{Describe(before, b)}; {change}: {RiskText(a)} ({a.Issues})";
    }

    private static string? RemovingAnUnusedGrantNeverRaisesRisk(ApiKeyEvaluator evaluator, KeyCase c)
    {
        foreach (var grant in LoginPostureArbitraries.Bits(Evaluate(evaluator, c.Key).Excess))
        {
            if (NotRaised(evaluator, c.Key, c.Key with { Grants = c.Key.Grants & ~grant }, $"without {grant}") is { } failure)
            {
                return failure;
            }
        }

        return null;
    }

    private static string? AddingAnIpAllowListNeverRaisesRisk(ApiKeyEvaluator evaluator, KeyCase c) =>
        c.Key.IsIpRestricted ? null : NotRaised(evaluator, c.Key, c.Key with { IpAllowList = c.AllowList }, $"with allow-list [{string.Join(",", c.AllowList)}]");

    private static string? AddingAnExpiryNeverRaisesRisk(ApiKeyEvaluator evaluator, KeyCase c)
    {
        if (c.Key.Expires is not null)
        {
            return null;
        }

        var expires = (c.Key.Rotated ?? c.Key.Created ?? LoginPostureArbitraries.AsOf).AddDays(c.LifetimeDays);
        return NotRaised(evaluator, c.Key, c.Key with { Expires = expires }, $"expiring {expires:O}");
    }

    private static string? WithdrawalWithoutIpFenceIsAtLeastHigh(ApiKeyEvaluator evaluator, KeyCase c)
    {
        var key = c.Key;
        var unfenced = !key.IsIpRestricted || key.IpAllowList.Any(n => n.PrefixLength == 0);
        if ((key.Grants & ApiKeyGrants.Withdraw) == 0 || !unfenced)
        {
            return null;
        }

        var evaluation = Evaluate(evaluator, key);
        return RiskOf(evaluation) >= (int)Severity.High ? null : Describe(key, evaluation);
    }

    private static string? OverdueRotationIsReported(ApiKeyEvaluator evaluator, KeyCase c)
    {
        var issued = c.Key.Rotated ?? c.Key.Created;
        if (issued is not { } since || LoginPostureArbitraries.AsOf - since <= ReferenceMaxRotationAge)
        {
            return null;
        }

        var evaluation = Evaluate(evaluator, c.Key);
        return evaluation.Has(ApiKeyIssues.RotationOverdue) ? null : $"secret {(LoginPostureArbitraries.AsOf - since).Days} days old, not reported: {Describe(c.Key, evaluation)}";
    }

    private static string? UnboundedLifetimeIsReported(ApiKeyEvaluator evaluator, KeyCase c)
    {
        var issued = c.Key.Rotated ?? c.Key.Created ?? LoginPostureArbitraries.AsOf;
        if (c.Key.Expires is { } expires && expires - issued <= ReferenceMaxLifetime)
        {
            return null;
        }

        var evaluation = Evaluate(evaluator, c.Key);
        return evaluation.Has(ApiKeyIssues.NoExpiry | ApiKeyIssues.LifetimeTooLong) ? null : $"lifetime not reported: {Describe(c.Key, evaluation)}";
    }

    private static string? WideAllowListIsReported(ApiKeyEvaluator evaluator, KeyCase c)
    {
        var list = c.Key.IpAllowList;
        var wide = list.Any(n => n.PrefixLength < (n.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 24 : 64));
        if (!wide)
        {
            return null;
        }

        var evaluation = Evaluate(evaluator, c.Key);
        return evaluation.Has(ApiKeyIssues.BroadAllowList | ApiKeyIssues.NoIpRestriction) ? null : $"wide entry not reported: {Describe(c.Key, evaluation)}";
    }

    private static readonly Arbitrary<KeyCase> Cases = Arb.From(
        from key in LoginPostureArbitraries.ApiKeyGen
        from list in LoginPostureArbitraries.AllowListGen(1)
        from lifetime in Gen.Elements(1, 90, 366, 367, 800)
        select new KeyCase(key, list, lifetime),
        c => LoginPostureArbitraries.ApiKeys().Shrinker(c.Key).Select(k => c with { Key = k })
            .Concat(c.AllowList.Length > 1 ? Enumerable.Range(0, c.AllowList.Length).Select(i => c with { AllowList = c.AllowList.RemoveAt(i) }) : [])
            .Concat(c.LifetimeDays == 1 ? [] : [c with { LifetimeDays = 1 }]));

    private sealed record KeyCase(ApiKeyDescriptor Key, ImmutableArray<IPNetwork> AllowList, int LifetimeDays);

    private sealed record Invariant(string Name, string Statement, Func<ApiKeyEvaluator, KeyCase, string?> Check);
}
