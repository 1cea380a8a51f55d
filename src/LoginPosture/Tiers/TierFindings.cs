namespace LoginPosture.Tiers;

/// <summary>
/// The tier-policy rules, TP001 and TP002, declared once: a session check that needs a step-up, and one that is
/// denied. Each entry's <see cref="FindingRule.Severity"/> is the one raised at <see cref="Tier.Critical"/>; the
/// lower tiers raise one step less.
/// </summary>
public static class TierFindings
{
    private const string Anchor = "Seed 001 three-tier checklist; OWASP ASVS 5.0 7.5.1, 7.5.3; RFC 9470 step-up";

    /// <summary>TP001: the operation may run only after a fresher or stronger second factor.</summary>
    public static FindingRule StepUpNeeded { get; } = new(
        "TP001", "Session check needs a step-up", Severity.Medium, Layer.Identity, Anchor,
        "Authenticate again with the required factor strength within the tier's maximum age.");

    /// <summary>TP002: the operation may not run from this session at all.</summary>
    public static FindingRule Denied { get; } = new(
        "TP002", "Session check denied", Severity.High, Layer.Platform, Anchor,
        "Change the platform, network or session settings the tier requires, then check again.");

    /// <summary>Every tier-policy rule, ordered by id.</summary>
    public static IReadOnlyList<FindingRule> All { get; } = Array.AsReadOnly(new[] { StepUpNeeded, Denied });
}
