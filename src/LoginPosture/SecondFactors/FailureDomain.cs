namespace LoginPosture.SecondFactors;

/// <summary>What kind of thing a failure domain is.</summary>
public enum FailureDomainKind
{
    /// <summary>A physical device: a phone, a laptop, a security key, a hardware OTP card.</summary>
    Device = 0,

    /// <summary>A phone number (SIM): survives losing the handset, falls to a SIM swap or a lapsed contract.</summary>
    PhoneNumber = 1,

    /// <summary>A cloud or sync account (iCloud Keychain, Google Password Manager, an email account).</summary>
    SyncAccount = 2,

    /// <summary>An offline place such as a safe or a deposit box, holding printed codes or a spare key.</summary>
    OfflinePlace = 3,
}

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
