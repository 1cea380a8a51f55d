namespace LoginPosture.ApiKeys;

/// <summary>
/// The rules an API key breaks, as flags the evaluator sets without allocating. Each flag is raised as its
/// <see cref="ApiKeyFindings"/> entry of the same name (the id is the entry's, never the flag's position) when
/// <see cref="ApiKeyEvaluation.Findings"/> is read.
/// </summary>
[Flags]
public enum ApiKeyIssues
{
    /// <summary>No rule is broken.</summary>
    None = 0,

    /// <summary>AK001: a key that trades can also withdraw or transfer funds.</summary>
    TradingKeyMovesFunds = 1 << 0,

    /// <summary>AK002: a key that can withdraw accepts calls from any IP address.</summary>
    WithdrawWithoutIpRestriction = 1 << 1,

    /// <summary>AK003: the key has no IP allow-list, or one with a /0 entry that admits every address.</summary>
    NoIpRestriction = 1 << 2,

    /// <summary>AK004: an allow-list entry is wider than the configured prefix length.</summary>
    BroadAllowList = 1 << 3,

    /// <summary>AK005: a grant was not used during the tracking window.</summary>
    UnusedGrants = 1 << 4,

    /// <summary>AK006: the key has not been used for the configured number of days.</summary>
    UnusedKey = 1 << 5,

    /// <summary>AK007: the key never expires.</summary>
    NoExpiry = 1 << 6,

    /// <summary>AK008: the key is valid for longer than the configured maximum lifetime.</summary>
    LifetimeTooLong = 1 << 7,

    /// <summary>AK009: the key's secret is older than the configured rotation period.</summary>
    RotationOverdue = 1 << 8,

    /// <summary>AK010: the key can create or change API keys.</summary>
    KeyManagement = 1 << 9,

    /// <summary>AK011: the key reaches the live account although its workflow does not need live access.</summary>
    LiveWherePaperSuffices = 1 << 10,

    /// <summary>AK012: the key was used from an address outside its allow-list.</summary>
    UseOutsideAllowList = 1 << 11,
}
