using FsCheck;
using FsCheck.Fluent;
using LoginPosture.SecondFactors;

namespace LoginPosture.FsCheck;

public static partial class LoginPostureArbitraries
{
    /// <summary>
    /// Accounts from one to <see cref="SecondFactorSet.MaxDomains"/> failure domains and from none to
    /// <see cref="SecondFactorSet.MaxAuthenticators"/> authenticators: mostly the small sizes people have, often the
    /// middle sizes where a lockout cut is hard to see, sometimes the limits. Factors live on one to three domains
    /// (sometimes many), so shared domains (a phone number behind SMS and push, a sync account behind two passkeys)
    /// and single points of failure (every factor on one phone) come up often. Rehearsal dates are never, today, or
    /// up to 800 days ago.
    /// </summary>
    public static readonly Gen<SecondFactorSet> SecondFactorSetGen = Gen.Choose(0, int.MaxValue).Select(seed => DrawSet(new Random(seed)));

    /// <summary>Sets of second factors (see <see cref="SecondFactorSetGen"/>), shrinking by removing authenticators, unused domains, extra domains of a factor and rehearsal dates.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<SecondFactorSet> SecondFactorSets() => Arb.From(SecondFactorSetGen, ShrinkSet);

    /// <summary>The name of the failure domain at an index, as the generators write it: "d00" to "d31".</summary>
    /// <param name="index">The domain's index.</param>
    /// <returns>The name.</returns>
    public static string DomainName(int index) => $"d{index:00}";

    /// <summary>
    /// An authenticator to add to <paramref name="set"/>, on the set's domains picked by <paramref name="picks"/>
    /// (indices modulo the domain count; none picks the first domain), rehearsed <paramref name="rehearsedDaysAgo"/>
    /// days ago (negative: never).
    /// </summary>
    /// <param name="set">The set whose domains the authenticator lives on; it holds at least one domain.</param>
    /// <param name="label">A label not used in the set.</param>
    /// <param name="kind">The authenticator's kind.</param>
    /// <param name="picks">Domain indices.</param>
    /// <param name="rehearsedDaysAgo">Days since its recovery was rehearsed, or negative for never.</param>
    /// <returns>The authenticator.</returns>
    public static Authenticator AuthenticatorOn(SecondFactorSet set, string label, AuthenticatorKind kind, IEnumerable<int> picks, int rehearsedDaysAgo)
    {
        var count = set.Domains.Count;
        var names = picks.Select(p => set.Domains[(int)((uint)p % (uint)count)].Name).Distinct().DefaultIfEmpty(set.Domains[0].Name);
        return new Authenticator(label, kind, names, rehearsedDaysAgo < 0 ? null : AsOf.AddDays(-rehearsedDaysAgo));
    }

    /// <summary>A set with the same domains and <paramref name="authenticators"/> instead of its own.</summary>
    /// <param name="set">The set.</param>
    /// <param name="authenticators">The authenticators of the new set.</param>
    /// <returns>The new set.</returns>
    public static SecondFactorSet WithAuthenticators(SecondFactorSet set, IEnumerable<Authenticator> authenticators) =>
        new(set.Domains, authenticators);

    /// <summary>The set as one line, for counterexamples: each domain with its kind, each factor with its domains.</summary>
    /// <param name="set">The set.</param>
    /// <returns>For example "domains d00:Device d01:PhoneNumber; factors f00:Sms[d01] f01:SecurityKey[d00] rehearsed 2026-11-01".</returns>
    public static string Describe(SecondFactorSet set) =>
        "domains " + string.Join(" ", set.Domains.Select(d => $"{d.Name}:{d.Kind}"))
        + "; factors " + string.Join(" ", set.Authenticators.Select(a => $"{a.Label}:{a.Kind}[{string.Join(",", a.Domains)}]"
            + (a.LastRehearsed is { } r ? $" rehearsed {r:yyyy-MM-dd}" : "")));

    private static readonly AuthenticatorKind[] Kinds = Enum.GetValues<AuthenticatorKind>();

    private static SecondFactorSet DrawSet(Random r)
    {
        var domainCount = r.Weighted(8, 3, 2, 1) switch
        {
            0 => r.Choose(1, 6),
            1 => r.Choose(7, 16),
            2 => r.Choose(17, SecondFactorSet.MaxDomains),
            _ => SecondFactorSet.MaxDomains,
        };
        var domains = new FailureDomainKind[domainCount];
        for (var i = 0; i < domains.Length; i++)
        {
            domains[i] = (FailureDomainKind)r.Next(4);
        }

        var factorCount = r.Weighted(8, 1, 1) switch
        {
            0 => r.Choose(0, 8),
            1 => r.Choose(0, SecondFactorSet.MaxAuthenticators),
            _ => SecondFactorSet.MaxAuthenticators,
        };
        var factors = new (AuthenticatorKind Kind, int[] Domains, int? RehearsedDaysAgo)[factorCount];
        for (var f = 0; f < factors.Length; f++)
        {
            var kind = r.Element(Kinds);
            var bits = r.Weighted(6, 3, 1) switch { 0 => 1, 1 => r.Choose(2, 3), _ => r.Choose(1, domainCount) };
            var indices = new int[bits];
            for (var b = 0; b < bits; b++)
            {
                indices[b] = r.Next(domainCount);
            }

            factors[f] = (kind, indices, r.Maybe(x => x.Next(4) == 0 ? 0 : x.Choose(0, 800)));
        }

        return BuildSet(domains, factors);
    }

    private static SecondFactorSet BuildSet(FailureDomainKind[] domains, (AuthenticatorKind Kind, int[] Domains, int? RehearsedDaysAgo)[] factors) =>
        new(
            domains.Select((kind, i) => new FailureDomain(DomainName(i), kind)),
            factors.Select((f, i) => new Authenticator(
                $"f{i:00}",
                f.Kind,
                f.Domains.Distinct().Select(DomainName),
                f.RehearsedDaysAgo is { } days ? AsOf.AddDays(-days) : null)));

    private static IEnumerable<SecondFactorSet> ShrinkSet(SecondFactorSet set)
    {
        var authenticators = set.Authenticators;
        var used = authenticators.SelectMany(a => a.Domains).ToHashSet(StringComparer.Ordinal);

        // Fewer authenticators: all at once, then one at a time.
        if (authenticators.Count > 0)
        {
            yield return new SecondFactorSet(set.Domains.Take(1), []);
            for (var i = 0; i < authenticators.Count; i++)
            {
                yield return WithAuthenticators(set, authenticators.Where((_, j) => j != i));
            }
        }

        // Fewer domains: every unused one at once, then one at a time (one domain always stays).
        var unused = set.Domains.Where(d => !used.Contains(d.Name)).ToList();
        if (unused.Count > 0 && set.Domains.Count > 1)
        {
            var kept = set.Domains.Where(d => used.Contains(d.Name)).DefaultIfEmpty(set.Domains[0]).ToList();
            if (kept.Count < set.Domains.Count)
            {
                yield return new SecondFactorSet(kept, authenticators);
            }

            foreach (var domain in unused)
            {
                yield return new SecondFactorSet(set.Domains.Where(d => d != domain), authenticators);
            }
        }

        // Simpler authenticators: one domain fewer, or never rehearsed.
        for (var i = 0; i < authenticators.Count; i++)
        {
            var a = authenticators[i];
            for (var k = 0; a.Domains.Count > 1 && k < a.Domains.Count; k++)
            {
                var simpler = new Authenticator(a.Label, a.Kind, a.Domains.Where((_, j) => j != k), a.LastRehearsed);
                yield return WithAuthenticators(set, authenticators.Select((x, j) => j == i ? simpler : x));
            }

            if (a.LastRehearsed is not null)
            {
                var never = new Authenticator(a.Label, a.Kind, a.Domains);
                yield return WithAuthenticators(set, authenticators.Select((x, j) => j == i ? never : x));
            }
        }
    }
}
