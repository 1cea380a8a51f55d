namespace LoginPosture.Tiers;

/// <summary>
/// The checklist's requirements, as flags so a decision can carry every unmet one without allocating.
/// <see cref="FactorStrength"/> and <see cref="FactorFreshness"/> can be met by stepping up; every other
/// requirement needs the platform, network or settings to change.
/// </summary>
[Flags]
public enum TierRequirements
{
    /// <summary>No requirement.</summary>
    None = 0,

    /// <summary>The factor used is weaker than the tier's minimum.</summary>
    FactorStrength = 1 << 0,

    /// <summary>The last active authentication is older than the tier's maximum age.</summary>
    FactorFreshness = 1 << 1,

    /// <summary>Tier 1 runs from a desktop workstation (or a phone backed by a secondary channel), not a browser or an API client.</summary>
    DesktopWorkstation = 1 << 2,

    /// <summary>A phone session needs a channel independent of the phone: a hardware key or a call-back.</summary>
    SecondaryChannel = 1 << 3,

    /// <summary>Tier 1 runs on a trusted network.</summary>
    TrustedNetwork = 1 << 4,

    /// <summary>Tier 1 runs from a client that does not store credentials.</summary>
    NoSavedCredentials = 1 << 5,

    /// <summary>When the phone is the only factor, push approval (or anything weaker) must not authorise tier 1.</summary>
    NoPushOnSolePhone = 1 << 6,

    /// <summary>A web session runs in an isolated browser profile.</summary>
    BrowserIsolation = 1 << 7,

    /// <summary>An inactivity timeout is set and no longer than the tier's maximum.</summary>
    IdleTimeout = 1 << 8,

    /// <summary>API keys are disabled unless the workflow declares it needs them.</summary>
    ApiKeysDisabled = 1 << 9,

    /// <summary>A programmatic session runs only for a workflow that declares it needs API access.</summary>
    ApiWorkflowDeclared = 1 << 10,
}

/// <summary>Describes checklist requirements for people.</summary>
public static class TierRequirementsExtensions
{
    /// <summary>The requirements a step-up (a stronger or fresher authentication) can satisfy.</summary>
    public const TierRequirements StepUpRequirements = TierRequirements.FactorStrength | TierRequirements.FactorFreshness;

    private static readonly TierRequirements[] All = Enum.GetValues<TierRequirements>();

    /// <summary>Splits a combination of requirements into its single flags, in declaration order.</summary>
    /// <param name="requirements">A combination of requirement flags.</param>
    /// <returns>Each set flag once, in the order the enum declares them.</returns>
    public static IEnumerable<TierRequirements> Enumerate(this TierRequirements requirements)
    {
        foreach (var flag in All)
        {
            if (flag != TierRequirements.None && (requirements & flag) == flag)
            {
                yield return flag;
            }
        }
    }

    /// <summary>Returns a sentence saying what one requirement asks for.</summary>
    /// <param name="requirement">A single requirement flag.</param>
    /// <returns>A sentence a person can act on.</returns>
    /// <exception cref="ArgumentException"><paramref name="requirement"/> is not exactly one defined flag.</exception>
    public static string Describe(this TierRequirements requirement) => requirement switch
    {
        TierRequirements.FactorStrength => "Authenticate with a stronger second factor.",
        TierRequirements.FactorFreshness => "Authenticate again: the last authentication is too old for this operation.",
        TierRequirements.DesktopWorkstation => "Run this operation from the desktop workstation, not a browser or an API client.",
        TierRequirements.SecondaryChannel => "On a phone, put a channel independent of the phone in place first: a hardware key or a broker call-back.",
        TierRequirements.TrustedNetwork => "Move to a trusted network; public or unknown networks are not accepted for this operation.",
        TierRequirements.NoSavedCredentials => "Remove saved credentials from this client and sign in interactively.",
        TierRequirements.NoPushOnSolePhone => "The phone is the only factor: enrol an independent factor; push approval must not authorise this operation.",
        TierRequirements.BrowserIsolation => "Use an isolated browser profile kept for trading only.",
        TierRequirements.IdleTimeout => "Set the client's inactivity lock no longer than the policy's maximum.",
        TierRequirements.ApiKeysDisabled => "Disable API keys: this workflow does not declare that it needs them.",
        TierRequirements.ApiWorkflowDeclared => "Programmatic sessions may trade only for a workflow that declares it needs API access.",
        _ => throw new ArgumentException($"requirement is {requirement}; pass exactly one defined TierRequirements flag (use Enumerate to split a combination).", nameof(requirement)),
    };
}
