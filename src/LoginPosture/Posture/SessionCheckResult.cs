using LoginPosture.Tiers;

namespace LoginPosture.Posture;

/// <summary>The tier policy's decision for one <see cref="SessionCheck"/>.</summary>
/// <param name="Check">The check.</param>
/// <param name="Decision">The decision.</param>
public readonly record struct SessionCheckResult(SessionCheck Check, TierDecision Decision)
{
    /// <summary>
    /// The decision as findings: none for an allow, one <see cref="TierFindings.StepUpNeeded"/> or
    /// <see cref="TierFindings.Denied"/> naming the check otherwise. Each read renders a new list.
    /// </summary>
    public IReadOnlyList<Finding> Findings =>
        Check is not null && Decision.FindingFor(Check.Name) is { } finding ? [finding] : [];
}
