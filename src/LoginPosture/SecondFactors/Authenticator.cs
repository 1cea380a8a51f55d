namespace LoginPosture.SecondFactors;

/// <summary>
/// One enrolled second factor: its kind, the failure domains it needs (losing any of them disables it), and when it
/// was last rehearsed, that is, last used on its own to sign in or recover.
/// </summary>
/// <remarks>
/// Every enrolled authenticator counts both ways: as a way back in when others are lost, and as a path an attacker
/// can take. Recovery-only factors are included on purpose, since attackers use recovery paths too (Amft et al.,
/// CCS 2023).
/// </remarks>
public sealed class Authenticator
{
    /// <summary>Creates an authenticator.</summary>
    /// <param name="label">A name unique within the account, such as <c>"YubiKey 5C"</c> or <c>"IBKR Mobile"</c>.</param>
    /// <param name="kind">What kind of authenticator it is.</param>
    /// <param name="domains">The names of the failure domains it depends on; at least one, no repeats.</param>
    /// <param name="lastRehearsed">When it was last used on its own to sign in or recover; null if never.</param>
    /// <exception cref="ArgumentNullException"><paramref name="domains"/> is null.</exception>
    /// <exception cref="ArgumentException">The label is empty, the kind undefined, or the domain list empty, blank or repeated; the message names the field.</exception>
    public Authenticator(string label, AuthenticatorKind kind, IEnumerable<string> domains, DateTimeOffset? lastRehearsed = null)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            Guard.Throw(nameof(label), "label is empty; name the authenticator, such as \"YubiKey\" or \"IBKR Mobile\".");
        }

        if ((uint)kind > (uint)AuthenticatorKind.RecoveryCodes)
        {
            Guard.ThrowUndefined(kind, nameof(kind));
        }

        Guard.NotNull(domains);
        var list = new List<string>();
        foreach (var domain in domains)
        {
            if (string.IsNullOrWhiteSpace(domain))
            {
                Guard.Throw(nameof(domains), $"domains[{list.Count}] of '{label}' is empty; name a declared failure domain.");
            }

            if (list.Contains(domain, StringComparer.Ordinal))
            {
                Guard.Throw(nameof(domains), $"domains of '{label}' repeats '{domain}'; list each failure domain once.");
            }

            list.Add(domain);
        }

        if (list.Count == 0)
        {
            Guard.Throw(nameof(domains), $"domains of '{label}' is empty; every authenticator lives somewhere (a device, a phone number, a sync account or an offline place).");
        }

        list.Sort(StringComparer.Ordinal);
        Label = label;
        Kind = kind;
        Domains = list.AsReadOnly();
        LastRehearsed = lastRehearsed;
    }

    /// <summary>The authenticator's name.</summary>
    public string Label { get; }

    /// <summary>What kind of authenticator it is.</summary>
    public AuthenticatorKind Kind { get; }

    /// <summary>The names of the failure domains it depends on, in ordinal order.</summary>
    public IReadOnlyList<string> Domains { get; }

    /// <summary>When it was last used on its own to sign in or recover; null if never.</summary>
    public DateTimeOffset? LastRehearsed { get; }
}
