namespace LoginPosture.SecondFactors;

/// <summary>
/// Something whose loss disables every authenticator that depends on it: a device, a phone number, a sync account or
/// an offline place. Authenticators refer to domains by <see cref="Name"/>.
/// </summary>
public sealed record FailureDomain
{
    /// <summary>Creates a failure domain.</summary>
    /// <param name="name">A name unique within the account, such as <c>"phone"</c> or <c>"home safe"</c>.</param>
    /// <param name="kind">What kind of thing it is.</param>
    /// <exception cref="ArgumentException">The name is empty or the kind undefined.</exception>
    public FailureDomain(string name, FailureDomainKind kind)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Guard.Throw(nameof(name), "name is empty; give the failure domain a name authenticators can refer to, such as \"phone\".");
        }

        if ((uint)kind > (uint)FailureDomainKind.OfflinePlace)
        {
            Guard.ThrowUndefined(kind, nameof(kind));
        }

        Name = name;
        Kind = kind;
    }

    /// <summary>The name authenticators use to refer to the domain.</summary>
    public string Name { get; }

    /// <summary>What kind of thing it is.</summary>
    public FailureDomainKind Kind { get; }
}
