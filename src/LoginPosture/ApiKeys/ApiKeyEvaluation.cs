using System.Globalization;

namespace LoginPosture.ApiKeys;

/// <summary>
/// The evaluator's verdict on one key: which rules it breaks, its overall risk, what it holds, what it used, the
/// minimal grant set it should be cut down to, and the excess to remove. Finding text is rendered only when
/// <see cref="GetFindings"/> is called. Nothing here holds or prints key material: keys are named by label.
/// </summary>
public readonly record struct ApiKeyEvaluation
{
    private readonly ApiKeyDescriptor? _descriptor;
    private readonly ApiKeyRules? _rules;
    private readonly DateTimeOffset _now;

    // Id, layer and anchor of each rule, indexed by the bit of its ApiKeyIssues flag.
    private static readonly RuleInfo[] Rules =
    [
        new("AK001", Layer.Permissions,
            "Seed 001 (treat API keys like cash); IAM Access Analyzer CheckAccessNotGranted; Cloudsplaining DataExfiltration and ResourceExposure"),
        new("AK002", Layer.Platform,
            "Binance API key permissions: withdrawals require the IP access restriction (apiRestrictions enableWithdrawals)"),
        new("AK003", Layer.Platform,
            "Seed 001 (IP whitelisting); Binance key rules of 2021-07-08 (trading lapses after 30 days without an IP list); Coinbase CDP IP allowlist; IBKR Trusted IPs"),
        new("AK004", Layer.Platform,
            "IBKR Trusted IPs accept single addresses only; Parliament RESOURCE_STAR (scope no wider than needed)"),
        new("AK005", Layer.Permissions,
            "AWS IAM Access Analyzer UnusedPermission (90-day tracking period) and policy generation from observed activity"),
        new("AK006", Layer.Identity,
            "CIS AWS Foundations 2.11 (v7.0): disable credentials unused for 45 days or more; IAM Access Analyzer UnusedIAMUserAccessKey"),
        new("AK007", Layer.Identity,
            "Seed 001 (time-limited tokens); GitHub fine-grained token policy (366-day maximum lifetime); Kraken valid_until"),
        new("AK008", Layer.Identity,
            "GitHub fine-grained personal access tokens: 366-day default maximum lifetime"),
        new("AK009", Layer.Identity,
            "CIS AWS Foundations 1.14 / 2.12 (rotate every 90 days or less); AWS Config access-keys-rotated (maxAccessKeyAge 90)"),
        new("AK010", Layer.Permissions,
            "Parliament PRIVILEGE_ESCALATION and PERMISSIONS_MANAGEMENT_ACTIONS; Cloudsplaining PrivilegeEscalation (high)"),
        new("AK011", Layer.Permissions,
            "Alpaca keeps paper and live credentials apart; IBKR live ports 7496/4001 versus paper 7497/4002"),
        new("AK012", Layer.Platform,
            "Seed 001 (keep usage logs, alert on abnormal activity); IBKR denies untrusted IPs; IAM Access Analyzer external access"),
    ];

    internal ApiKeyEvaluation(
        ApiKeyDescriptor descriptor,
        ApiKeyRules rules,
        DateTimeOffset now,
        ApiKeyIssues issues,
        ApiKeyRisk risk,
        ApiKeyGrants granted,
        ApiKeyGrants exercised,
        ApiKeyGrants minimal,
        bool usageObserved)
    {
        _descriptor = descriptor;
        _rules = rules;
        _now = now;
        Issues = issues;
        Risk = risk;
        Granted = granted;
        Exercised = exercised;
        Minimal = minimal;
        UsageObserved = usageObserved;
    }

    /// <summary>The label of the key evaluated.</summary>
    public string Label => _descriptor?.Label ?? "";

    /// <summary>Every rule the key breaks.</summary>
    public ApiKeyIssues Issues { get; }

    /// <summary>The severity of the worst finding, or <see cref="ApiKeyRisk.None"/>.</summary>
    public ApiKeyRisk Risk { get; }

    /// <summary>What the key may do.</summary>
    public ApiKeyGrants Granted { get; }

    /// <summary>The granted grants seen in use during the tracking window.</summary>
    public ApiKeyGrants Exercised { get; }

    /// <summary>
    /// The grants the key needs: those exercised, plus <see cref="ApiKeyGrants.Read"/> (when held) if any write was
    /// exercised. Without a usage record nothing can be cut, so it equals <see cref="Granted"/>. Always inside
    /// <see cref="Granted"/>.
    /// </summary>
    public ApiKeyGrants Minimal { get; }

    /// <summary>The grants to remove: <see cref="Granted"/> minus <see cref="Minimal"/>.</summary>
    public ApiKeyGrants Excess => Granted & ~Minimal;

    /// <summary>Whether the key came with a usage record, without which unused grants cannot be told apart.</summary>
    public bool UsageObserved { get; }

    /// <summary>Whether the key breaks any of the given rules.</summary>
    /// <param name="issues">One or more rules.</param>
    /// <returns><see langword="true"/> when at least one of them is broken.</returns>
    public bool Has(ApiKeyIssues issues) => (Issues & issues) != 0;

    /// <summary>Renders one finding per broken rule, the most severe first (ties by id).</summary>
    /// <returns>The findings; empty when the key breaks no rule. Each call builds a new list.</returns>
    public IReadOnlyList<Finding> GetFindings()
    {
        if (_descriptor is null || _rules is null || Issues == ApiKeyIssues.None)
        {
            return [];
        }

        var findings = new List<Finding>(System.Numerics.BitOperations.PopCount((uint)Issues));
        for (var bits = (uint)Issues; bits != 0; bits &= bits - 1)
        {
            findings.Add(Render((ApiKeyIssues)(bits & (0u - bits))));
        }

        findings.Sort(static (a, b) => b.Severity != a.Severity ? b.Severity.CompareTo(a.Severity) : string.CompareOrdinal(a.Id, b.Id));
        return findings;
    }

    private Finding Render(ApiKeyIssues issue)
    {
        var rule = Rules[System.Numerics.BitOperations.TrailingZeroCount((uint)issue)];
        var (message, fix) = Describe(issue);
        return new Finding(rule.Id, ApiKeyRules.SeverityOf(issue, Granted, Excess), rule.Layer, message, fix, rule.Anchor);
    }

    // Message and fix name this key's specifics, so they are composed per finding.
    private (string Message, string Fix) Describe(ApiKeyIssues issue)
    {
        var d = _descriptor!;
        var rules = _rules!;
        var key = $"API key '{d.Label}'";
        var inv = CultureInfo.InvariantCulture;
        return issue switch
        {
            ApiKeyIssues.TradingKeyMovesFunds => (
                $"{key} trades ({Granted & GrantSets.Trading}) and can also move funds ({Granted & GrantSets.MovesFunds}); a leak of this key can empty the account.",
                "Turn withdrawals and transfers off on this key; move money with a separate IP-restricted key, or in the web portal behind a hardware second factor."),
            ApiKeyIssues.WithdrawWithoutIpRestriction => (
                $"{key} can withdraw funds and is accepted from any IP address.",
                "Restrict the key to the fixed addresses of the hosts that use it, or turn withdrawals off."),
            ApiKeyIssues.NoIpRestriction => (
                d.IpAllowList.IsEmpty
                    ? $"{key} has no IP allow-list, so a leaked copy works from anywhere."
                    : $"{key} has an IP allow-list that admits every address ({string.Join(", ", d.IpAllowList)}), so a leaked copy works from anywhere.",
                "Add an allow-list of the fixed addresses that call the API (IBKR: keep 'Allow connections from localhost only', or list Trusted IPs)."),
            ApiKeyIssues.BroadAllowList => (
                string.Create(inv, $"{key} allows {BroadEntries(d, rules)}, wider than /{rules.MinIPv4PrefixLength} (IPv4) or /{rules.MinIPv6PrefixLength} (IPv6)."),
                "Narrow each entry to the single addresses (/32 or /128) or the smallest range of the hosts that call the API."),
            ApiKeyIssues.UnusedGrants => (
                string.Create(inv, $"{key} did not use {Excess} in the last {Days(rules.UnusedGrantWindow)} days."),
                $"Remove the unused grants; the minimal set is {Minimal}. Where the platform bundles a grant with one you use, give that work its own key."),
            ApiKeyIssues.UnusedKey => (
                string.Create(inv, $"{key} has not been used for {Days(_now.UtcTicks - ApiKeyRules.QuietSince(d)!.Value)} days (limit {Days(rules.UnusedKeyAge)})."),
                "Disable or delete the key; create a new one when a workflow needs it again."),
            ApiKeyIssues.NoExpiry => (
                $"{key} never expires.",
                string.Create(inv, $"Issue keys with an expiry (Kraken valid_until) no more than {Days(rules.MaxLifetime)} days out, and replace them before it.")),
            ApiKeyIssues.LifetimeTooLong => (
                string.Create(inv, $"{key} is valid for {Days(d.Expires!.Value.UtcTicks - ((d.Rotated ?? d.Created)?.UtcTicks ?? _now.UtcTicks))} days, longer than {Days(rules.MaxLifetime)}."),
                string.Create(inv, $"Reissue the key with an expiry no more than {Days(rules.MaxLifetime)} days after issue.")),
            ApiKeyIssues.RotationOverdue => (
                string.Create(inv, $"{key} has had the same secret for {Days(_now.UtcTicks - (d.Rotated ?? d.Created)!.Value.UtcTicks)} days (limit {Days(rules.MaxRotationAge)})."),
                $"Create a replacement key with the minimal grant set ({Minimal}), move the workload to it, then delete this key."),
            ApiKeyIssues.KeyManagement => (
                $"{key} can create or change API keys, so whoever holds it can mint more access.",
                "Remove key management from this key; manage keys only in an interactive session with a hardware second factor."),
            ApiKeyIssues.LiveWherePaperSuffices => (
                $"{key} reaches the live account, but its workflow does not declare that it needs live access.",
                "Use paper or testnet credentials (IBKR ports 7497/4002, Alpaca paper keys, exchange testnets) until the workflow must go live, then set LiveAccessRequired."),
            _ => (
                $"{key} was used from {OutsideAddresses(d)}, outside its allow-list.",
                "If those addresses are not yours, treat the key as leaked: revoke it, issue a new one and review what it did; if they are yours, add them as single addresses."),
        };
    }

    private static long Days(long ticks) => ticks / TimeSpan.TicksPerDay;

    private static string BroadEntries(ApiKeyDescriptor d, ApiKeyRules rules)
    {
        var broad = new List<string>();
        foreach (var network in d.IpAllowList)
        {
            if (rules.IsBroad(network))
            {
                broad.Add(network.ToString());
            }
        }

        return string.Join(", ", broad);
    }

    private static string OutsideAddresses(ApiKeyDescriptor d)
    {
        var outside = new List<string>();
        foreach (var address in d.Usage!.SourceAddresses)
        {
            if (!ApiKeyEvaluator.Allows(d.IpAllowList, address))
            {
                outside.Add(address.ToString());
            }
        }

        return string.Join(", ", outside);
    }

    private sealed record RuleInfo(string Id, Layer Layer, string Anchor);

    /// <summary>Summarises the verdict by label, risk, issues and grant sets.</summary>
    /// <returns>For example <c>bot-1: High; issues NoIpRestriction; minimal Read, TradeSpot; excess Withdraw</c>.</returns>
    public override string ToString() => $"{Label}: {Risk}; issues {Issues}; minimal {Minimal}; excess {Excess}";
}
