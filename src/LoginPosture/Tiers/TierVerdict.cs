namespace LoginPosture.Tiers;

/// <summary>The outcome of a tier decision.</summary>
public enum TierVerdict
{
    /// <summary>The session meets every requirement of the operation's tier.</summary>
    Allow = 0,

    /// <summary>
    /// Only the factor's strength or freshness falls short: authenticate again with at least
    /// <see cref="TierDecision.RequiredStrength"/> within <see cref="TierDecision.MaxAge"/> (RFC 9470 step-up).
    /// </summary>
    StepUp = 1,

    /// <summary>The platform, network or settings must change before the operation can run.</summary>
    Deny = 2,
}
