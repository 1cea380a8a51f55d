namespace LoginPosture.SecondFactors;

/// <summary>
/// An account's enrolled authenticators and the failure domains they depend on, validated and compiled once so that
/// scoring is cheap. Authenticators and domains are kept in ordinal name order, so nothing downstream depends on the
/// order they were enrolled in.
/// </summary>
public sealed class SecondFactorSet
{
    /// <summary>The most failure domains a set may declare; lockout resilience is computed exactly up to this size.</summary>
    public const int MaxDomains = 32;

    /// <summary>The most authenticators a set may hold.</summary>
    public const int MaxAuthenticators = 32;

    /// <summary>Creates a set, checking that labels and domain names are unique and every reference resolves.</summary>
    /// <param name="domains">The failure domains, at most <see cref="MaxDomains"/>, names unique.</param>
    /// <param name="authenticators">The enrolled authenticators, at most <see cref="MaxAuthenticators"/>, labels unique; may be empty.</param>
    /// <exception cref="ArgumentNullException">An argument or an element is null.</exception>
    /// <exception cref="ArgumentException">A name repeats, a domain reference does not resolve, or a limit is exceeded; the message names the element.</exception>
    public SecondFactorSet(IEnumerable<FailureDomain> domains, IEnumerable<Authenticator> authenticators)
    {
        var domainList = SortedByUniqueName(Guard.NotNull(domains), static d => d.Name, MaxDomains, nameof(domains), "failure domain");
        var list = SortedByUniqueName(Guard.NotNull(authenticators), static a => a.Label, MaxAuthenticators, nameof(authenticators), "authenticator");

        Kinds = new AuthenticatorKind[list.Count];
        Masks = new uint[list.Count];
        Rehearsed = new DateTimeOffset?[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            Kinds[i] = list[i].Kind;
            Rehearsed[i] = list[i].LastRehearsed;
            foreach (var name in list[i].Domains)
            {
                var index = domainList.BinarySearch(new FailureDomain(name, FailureDomainKind.Device), DomainNameComparer.Instance);
                if (index < 0)
                {
                    Guard.Throw(nameof(authenticators), $"authenticators['{list[i].Label}'].Domains refers to '{name}', which is not a declared failure domain; declare it or fix the name.");
                }

                Masks[i] |= 1u << index;
            }
        }

        for (var d = 0; d < domainList.Count; d++)
        {
            var bit = 1u << d;
            switch (domainList[d].Kind)
            {
                case FailureDomainKind.Device: DeviceDomains |= bit; break;
                case FailureDomainKind.OfflinePlace: OfflineDomains |= bit; break;
                default: break;
            }
        }

        Domains = domainList.AsReadOnly();
        Authenticators = list.AsReadOnly();
    }

    /// <summary>The failure domains, in ordinal name order.</summary>
    public IReadOnlyList<FailureDomain> Domains { get; }

    /// <summary>The authenticators, in ordinal label order.</summary>
    public IReadOnlyList<Authenticator> Authenticators { get; }

    /// <summary>Kind of each authenticator, by position in <see cref="Authenticators"/>.</summary>
    internal AuthenticatorKind[] Kinds { get; }

    /// <summary>Last rehearsal of each authenticator, by position in <see cref="Authenticators"/>.</summary>
    internal DateTimeOffset?[] Rehearsed { get; }

    /// <summary>Bit d set when the authenticator depends on <c>Domains[d]</c>.</summary>
    internal uint[] Masks { get; }

    /// <summary>Bits of the domains that are devices.</summary>
    internal uint DeviceDomains { get; }

    /// <summary>Bits of the domains that are offline places.</summary>
    internal uint OfflineDomains { get; }

    // Copies the items, rejecting nulls, repeated names and oversize lists, and sorts them by ordinal name so that
    // nothing downstream depends on input order.
    private static List<T> SortedByUniqueName<T>(IEnumerable<T> items, Func<T, string> name, int max, string parameter, string what)
        where T : class
    {
        var list = new List<T>();
        foreach (var item in items)
        {
            if (item is null)
            {
                Guard.ThrowNull($"{parameter}[{list.Count}]");
            }

            list.Add(item);
        }

        list.Sort((a, b) => string.CompareOrdinal(name(a), name(b)));
        for (var i = 1; i < list.Count; i++)
        {
            if (name(list[i]) == name(list[i - 1]))
            {
                Guard.Throw(parameter, $"{parameter} holds two entries named '{name(list[i])}'; give each {what} a unique name.");
            }
        }

        if (list.Count > max)
        {
            Guard.Throw(parameter, $"{parameter} holds {list.Count} entries; at most {max} are supported.");
        }

        return list;
    }

    private sealed class DomainNameComparer : IComparer<FailureDomain>
    {
        public static readonly DomainNameComparer Instance = new();

        public int Compare(FailureDomain? x, FailureDomain? y) => string.CompareOrdinal(x!.Name, y!.Name);
    }
}
