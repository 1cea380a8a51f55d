namespace LoginPosture.Tiers;

/// <summary>The three tiers of the login-posture checklist, 1 the most demanding.</summary>
public enum Tier
{
    /// <summary>Critical operations: withdrawals, margin changes, large orders, changes to factors, devices or API keys.</summary>
    Critical = 1,

    /// <summary>Routine trading: regular orders and rebalancing.</summary>
    Routine = 2,

    /// <summary>Monitoring: portfolio views, research, alerts and statements.</summary>
    Monitoring = 3,
}
