namespace LoginPosture.Tiers;

/// <summary>What a session wants to do. The tier policy maps each kind to a tier of the three-tier checklist.</summary>
public enum OperationKind
{
    /// <summary>Money out of the account. Always tier 1.</summary>
    Withdrawal = 0,

    /// <summary>Changing margin type, leverage or margin settings. Always tier 1.</summary>
    MarginChange = 1,

    /// <summary>Placing an order. Tier 2, or tier 1 at or above the configured large-order notional.</summary>
    Order = 2,

    /// <summary>Rebalancing a portfolio. Tier 2, or tier 1 at or above the configured large-order notional.</summary>
    Rebalance = 3,

    /// <summary>Enrolling, removing or replacing a second factor. Always tier 1 (ASVS 5.0 7.5.1).</summary>
    SecondFactorChange = 4,

    /// <summary>Registering or revoking a device. Always tier 1 (ASVS 5.0 7.5.1).</summary>
    DeviceChange = 5,

    /// <summary>Creating, widening or deleting an API key. Always tier 1 (ASVS 5.0 7.5.1).</summary>
    ApiKeyChange = 6,

    /// <summary>Viewing positions and balances. Tier 3.</summary>
    PortfolioView = 7,

    /// <summary>Reading research and market commentary. Tier 3.</summary>
    Research = 8,

    /// <summary>Reading or managing alerts. Tier 3.</summary>
    Alerts = 9,

    /// <summary>Downloading statements and tax reports. Tier 3.</summary>
    Statements = 10,
}
