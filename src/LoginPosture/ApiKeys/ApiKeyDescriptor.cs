using System.Collections.Immutable;
using System.Net;

namespace LoginPosture.ApiKeys;

/// <summary>
/// Everything the evaluator needs to know about one API key, and nothing secret: a label, what the key may do,
/// where it may be used from, its lifecycle dates, the account it reaches and what it was seen doing.
/// Immutable; derive variants with <c>with { ... }</c>. <see cref="ToString"/> shows the label and nothing else.
/// </summary>
/// <remarks>Never put key material in the label: it is the one field this library prints.</remarks>
public sealed record ApiKeyDescriptor
{
    private readonly string _label = "";
    private readonly ApiKeyGrants _grants;
    private readonly ImmutableArray<IPNetwork> _ipAllowList = [];
    private readonly ApiKeyEnvironment _environment;

    /// <summary>Describes a key by its label and grants; set the other properties with an object initializer.</summary>
    /// <param name="label">A name for the key that is safe to log, such as <c>rebalancer-prod</c>; never the key itself.</param>
    /// <param name="grants">What the key may do.</param>
    /// <exception cref="ArgumentException">The label is empty or too long, or the grants hold undefined bits.</exception>
    public ApiKeyDescriptor(string label, ApiKeyGrants grants)
    {
        Label = label;
        Grants = grants;
    }

    /// <summary>A name for the key that is safe to log: 1 to 128 characters, not only white space.</summary>
    public string Label
    {
        get => _label;
        init
        {
            Guard.NotNull(value, "descriptor.Label");
            if (string.IsNullOrWhiteSpace(value) || value.Length > 128)
            {
                Guard.Throw("descriptor.Label", $"descriptor.Label has {value.Length} characters; give a readable name of 1 to 128 characters (never the key or its secret).");
            }

            _label = value;
        }
    }

    /// <summary>What the key may do.</summary>
    public ApiKeyGrants Grants
    {
        get => _grants;
        init
        {
            if ((value & ~GrantSets.All) != 0)
            {
                Guard.Throw("descriptor.Grants", $"descriptor.Grants holds undefined bits (0x{(int)(value & ~GrantSets.All):X}); combine only defined ApiKeyGrants flags.");
            }

            _grants = value;
        }
    }

    /// <summary>
    /// The address ranges the key is accepted from (IPv4 and IPv6 CIDR). Empty when the key has no allow-list or
    /// when the platform enforces one without reporting it (see <see cref="IpRestrictionUnlisted"/>).
    /// </summary>
    public ImmutableArray<IPNetwork> IpAllowList
    {
        get => _ipAllowList;
        init => _ipAllowList = value.IsDefault ? [] : value;
    }

    /// <summary>
    /// Whether the platform reports that an allow-list is enforced without listing it (Binance
    /// <c>apiRestrictions.ipRestrict</c>). Width and out-of-list use cannot be judged then.
    /// </summary>
    public bool IpRestrictionUnlisted { get; init; }

    /// <summary>Whether calls are accepted only from listed addresses.</summary>
    public bool IsIpRestricted => !_ipAllowList.IsEmpty || IpRestrictionUnlisted;

    /// <summary>When the key was created, if known. Must not be later than <see cref="Rotated"/> or <see cref="Expires"/>.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the key's secret was last replaced, if ever; <see langword="null"/> means never rotated.</summary>
    public DateTimeOffset? Rotated { get; init; }

    /// <summary>When the key stops working, or <see langword="null"/> when it never expires.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>When the platform last saw the key used, if it says; <see cref="ApiKeyUsage.LastUsed"/> is also taken into account.</summary>
    public DateTimeOffset? LastUsed { get; init; }

    /// <summary>Whether the key reaches the live account or a paper/test account. Defaults to <see cref="ApiKeyEnvironment.Live"/>.</summary>
    public ApiKeyEnvironment Environment
    {
        get => _environment;
        init
        {
            if ((uint)value > (uint)ApiKeyEnvironment.Paper)
            {
                Guard.ThrowUndefined(value, "descriptor.Environment");
            }

            _environment = value;
        }
    }

    /// <summary>
    /// Whether the workflow behind the key declares that it needs the live account. A live key without this
    /// declaration is reported as live access where paper would do.
    /// </summary>
    public bool LiveAccessRequired { get; init; }

    /// <summary>What the key was seen doing, or <see langword="null"/> when no usage was observed (nothing can then be cut).</summary>
    public ApiKeyUsage? Usage { get; init; }

    /// <summary>Returns the label and nothing else, so a descriptor is safe to log.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => _label;
}
