namespace LoginPosture.ApiKeys;

/// <summary>
/// The least-privilege API-key rules, AK001 to AK012, declared once; each is raised by name in
/// <see cref="ApiKeyEvaluation.Findings"/> and documented at its <see cref="FindingRule.HelpUri"/>. Where a rule
/// weighs more on a key that can change something, the entry's <see cref="FindingRule.Severity"/> is the highest
/// it is raised with.
/// </summary>
public static class ApiKeyFindings
{
    /// <summary>AK001: a key that trades can also withdraw or transfer funds.</summary>
    public static FindingRule TradingKeyMovesFunds { get; } = new(
        "AK001", "Trading key can move funds", Severity.High, Layer.Permissions,
        "Seed 001 (treat API keys like cash); IAM Access Analyzer CheckAccessNotGranted; Cloudsplaining DataExfiltration and ResourceExposure",
        "Turn withdrawals and transfers off on this key; move money with a separate IP-restricted key, or in the web portal behind a hardware second factor.");

    /// <summary>AK002: a key that can withdraw accepts calls from any IP address.</summary>
    public static FindingRule WithdrawWithoutIpRestriction { get; } = new(
        "AK002", "Withdrawal key without IP restriction", Severity.Critical, Layer.Platform,
        "Binance API key permissions: withdrawals require the IP access restriction (apiRestrictions enableWithdrawals)",
        "Restrict the key to the fixed addresses of the hosts that use it, or turn withdrawals off.");

    /// <summary>AK003: the key has no IP allow-list, or one with a /0 entry that admits every address.</summary>
    public static FindingRule NoIpRestriction { get; } = new(
        "AK003", "No IP restriction", Severity.High, Layer.Platform,
        "Seed 001 (IP whitelisting); Binance key rules of 2021-07-08 (trading lapses after 30 days without an IP list); Coinbase CDP IP allowlist; IBKR Trusted IPs",
        "Add an allow-list of the fixed addresses that call the API (IBKR: keep 'Allow connections from localhost only', or list Trusted IPs).");

    /// <summary>AK004: an allow-list entry is wider than the configured prefix length.</summary>
    public static FindingRule BroadAllowList { get; } = new(
        "AK004", "Allow-list too broad", Severity.Medium, Layer.Platform,
        "IBKR Trusted IPs accept single addresses only; Parliament RESOURCE_STAR (scope no wider than needed)",
        "Narrow each entry to the single addresses (/32 or /128) or the smallest range of the hosts that call the API.");

    /// <summary>AK005: a grant was not used during the tracking window.</summary>
    public static FindingRule UnusedGrants { get; } = new(
        "AK005", "Grants unused in the tracking window", Severity.High, Layer.Permissions,
        "AWS IAM Access Analyzer UnusedPermission (90-day tracking period) and policy generation from observed activity",
        "Remove the unused grants, keeping the minimal set. Where the platform bundles a grant with one you use, give that work its own key.");

    /// <summary>AK006: the key has not been used for the configured number of days.</summary>
    public static FindingRule UnusedKey { get; } = new(
        "AK006", "Key unused", Severity.Medium, Layer.Identity,
        "CIS AWS Foundations 2.11 (v7.0): disable credentials unused for 45 days or more; IAM Access Analyzer UnusedIAMUserAccessKey",
        "Disable or delete the key; create a new one when a workflow needs it again.");

    /// <summary>AK007: the key never expires.</summary>
    public static FindingRule NoExpiry { get; } = new(
        "AK007", "Key never expires", Severity.Low, Layer.Identity,
        "Seed 001 (time-limited tokens); GitHub fine-grained token policy (366-day maximum lifetime); Kraken valid_until",
        "Issue keys with an expiry (Kraken valid_until) no more than the maximum lifetime out, and replace them before it.");

    /// <summary>AK008: the key is valid for longer than the configured maximum lifetime.</summary>
    public static FindingRule LifetimeTooLong { get; } = new(
        "AK008", "Lifetime too long", Severity.Low, Layer.Identity,
        "GitHub fine-grained personal access tokens: 366-day default maximum lifetime",
        "Reissue the key with an expiry no more than the maximum lifetime after issue.");

    /// <summary>AK009: the key's secret is older than the configured rotation period.</summary>
    public static FindingRule RotationOverdue { get; } = new(
        "AK009", "Rotation overdue", Severity.Medium, Layer.Identity,
        "CIS AWS Foundations 1.14 / 2.12 (rotate every 90 days or less); AWS Config access-keys-rotated (maxAccessKeyAge 90)",
        "Create a replacement key with the minimal grant set, move the workload to it, then delete this key.");

    /// <summary>AK010: the key can create or change API keys.</summary>
    public static FindingRule KeyManagement { get; } = new(
        "AK010", "Key can manage keys", Severity.High, Layer.Permissions,
        "Parliament PRIVILEGE_ESCALATION and PERMISSIONS_MANAGEMENT_ACTIONS; Cloudsplaining PrivilegeEscalation (high)",
        "Remove key management from this key; manage keys only in an interactive session with a hardware second factor.");

    /// <summary>AK011: the key reaches the live account although its workflow does not need live access.</summary>
    public static FindingRule LiveWherePaperSuffices { get; } = new(
        "AK011", "Live access where paper suffices", Severity.High, Layer.Permissions,
        "Alpaca keeps paper and live credentials apart; IBKR live ports 7496/4001 versus paper 7497/4002",
        "Use paper or testnet credentials (IBKR ports 7497/4002, Alpaca paper keys, exchange testnets) until the workflow must go live, then set LiveAccessRequired.");

    /// <summary>AK012: the key was used from an address outside its allow-list.</summary>
    public static FindingRule UseOutsideAllowList { get; } = new(
        "AK012", "Used from outside the allow-list", Severity.High, Layer.Platform,
        "Seed 001 (keep usage logs, alert on abnormal activity); IBKR denies untrusted IPs; IAM Access Analyzer external access",
        "If those addresses are not yours, treat the key as leaked: revoke it, issue a new one and review what it did; if they are yours, add them as single addresses.");

    /// <summary>Every API-key rule, ordered by id.</summary>
    public static IReadOnlyList<FindingRule> All { get; } = Array.AsReadOnly(new[]
    {
        TradingKeyMovesFunds, WithdrawWithoutIpRestriction, NoIpRestriction, BroadAllowList, UnusedGrants, UnusedKey,
        NoExpiry, LifetimeTooLong, RotationOverdue, KeyManagement, LiveWherePaperSuffices, UseOutsideAllowList,
    });
}
