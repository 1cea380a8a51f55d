using System.Globalization;

namespace LoginPosture.ApiKeys;

/// <summary>
/// The evaluator's verdict on one key: which rules it breaks, its overall severity, what it holds, what it used, the
/// minimal grant set it should be cut down to, and the excess to remove. Finding text is rendered only when
/// <see cref="Findings"/> is read. Nothing here holds or prints key material: keys are named by label.
/// </summary>
public readonly record struct ApiKeyEvaluation
{
    private readonly ApiKeyDescriptor? _descriptor;
    private readonly ApiKeyThresholds? _thresholds;
    private readonly DateTimeOffset _now;

    internal ApiKeyEvaluation(
        ApiKeyDescriptor descriptor,
        ApiKeyThresholds thresholds,
        DateTimeOffset now,
        ApiKeyIssues issues,
        Severity? severity,
        ApiKeyGrants granted,
        ApiKeyGrants exercised,
        ApiKeyGrants minimal,
        bool usageObserved)
    {
        _descriptor = descriptor;
        _thresholds = thresholds;
        _now = now;
        Issues = issues;
        Severity = severity;
        Granted = granted;
        Exercised = exercised;
        Minimal = minimal;
        UsageObserved = usageObserved;
    }

    /// <summary>The label of the key evaluated.</summary>
    public string Label => _descriptor?.Label ?? "";

    /// <summary>Every rule the key breaks, one flag per <see cref="ApiKeyFindings"/> entry.</summary>
    public ApiKeyIssues Issues { get; }

    /// <summary>The severity of the worst finding, or <see langword="null"/> when the key breaks no rule.</summary>
    public Severity? Severity { get; }

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

    /// <summary>
    /// One finding per broken rule in <see cref="FindingOrder"/>, rendered from <see cref="ApiKeyFindings"/> with the
    /// key's details; empty when the key breaks no rule. Each read renders a new list (the evaluation itself stays
    /// allocation-free).
    /// </summary>
    public IReadOnlyList<Finding> Findings
    {
        get
        {
            if (_descriptor is null || _thresholds is null || Issues == ApiKeyIssues.None)
            {
                return [];
            }

            var findings = new List<Finding>(System.Numerics.BitOperations.PopCount((uint)Issues));
            for (var bits = (uint)Issues; bits != 0; bits &= bits - 1)
            {
                var issue = (ApiKeyIssues)(bits & (0u - bits));
                findings.Add(Raise(issue, ApiKeySeverity.Of(issue, Granted, Excess)));
            }

            return FindingOrder.Sort(findings);
        }
    }

    // Each rule is raised from its catalog entry with a message (and, where it names them, a fix) of this key's specifics.
    private Finding Raise(ApiKeyIssues issue, Severity severity)
    {
        var d = _descriptor!;
        var thresholds = _thresholds!;
        var key = $"API key '{d.Label}'";
        var inv = CultureInfo.InvariantCulture;
        return issue switch
        {
            ApiKeyIssues.TradingKeyMovesFunds => ApiKeyFindings.TradingKeyMovesFunds.Raise(
                $"{key} trades ({Granted & GrantSets.Trading}) and can also move funds ({Granted & GrantSets.MovesFunds}); a leak of this key can empty the account."),
            ApiKeyIssues.WithdrawWithoutIpRestriction => ApiKeyFindings.WithdrawWithoutIpRestriction.Raise(
                $"{key} can withdraw funds and is accepted from any IP address."),
            ApiKeyIssues.NoIpRestriction => ApiKeyFindings.NoIpRestriction.Raise(
                d.IpAllowList.IsEmpty
                    ? $"{key} has no IP allow-list, so a leaked copy works from anywhere."
                    : $"{key} has an IP allow-list that admits every address ({string.Join(", ", d.IpAllowList)}), so a leaked copy works from anywhere.",
                severity, ApiKeyFindings.NoIpRestriction.Fix),
            ApiKeyIssues.BroadAllowList => ApiKeyFindings.BroadAllowList.Raise(
                string.Create(inv, $"{key} allows {BroadEntries(d, thresholds)}, wider than /{thresholds.MinIPv4PrefixLength} (IPv4) or /{thresholds.MinIPv6PrefixLength} (IPv6)."),
                severity, ApiKeyFindings.BroadAllowList.Fix),
            ApiKeyIssues.UnusedGrants => ApiKeyFindings.UnusedGrants.Raise(
                string.Create(inv, $"{key} did not use {Excess} in the last {Days(thresholds.UnusedGrantWindow)} days."),
                severity, $"Remove the unused grants; the minimal set is {Minimal}. Where the platform bundles a grant with one you use, give that work its own key."),
            ApiKeyIssues.UnusedKey => ApiKeyFindings.UnusedKey.Raise(
                string.Create(inv, $"{key} has not been used for {Days(_now.UtcTicks - ApiKeyThresholds.QuietSince(d)!.Value)} days (limit {Days(thresholds.UnusedKeyAge)}).")),
            ApiKeyIssues.NoExpiry => ApiKeyFindings.NoExpiry.Raise(
                $"{key} never expires.",
                string.Create(inv, $"Issue keys with an expiry (Kraken valid_until) no more than {Days(thresholds.MaxLifetime)} days out, and replace them before it.")),
            ApiKeyIssues.LifetimeTooLong => ApiKeyFindings.LifetimeTooLong.Raise(
                string.Create(inv, $"{key} is valid for {Days(d.Expires!.Value.UtcTicks - ((d.Rotated ?? d.Created)?.UtcTicks ?? _now.UtcTicks))} days, longer than {Days(thresholds.MaxLifetime)}."),
                string.Create(inv, $"Reissue the key with an expiry no more than {Days(thresholds.MaxLifetime)} days after issue.")),
            ApiKeyIssues.RotationOverdue => ApiKeyFindings.RotationOverdue.Raise(
                string.Create(inv, $"{key} has had the same secret for {Days(_now.UtcTicks - (d.Rotated ?? d.Created)!.Value.UtcTicks)} days (limit {Days(thresholds.MaxRotationAge)})."),
                $"Create a replacement key with the minimal grant set ({Minimal}), move the workload to it, then delete this key."),
            ApiKeyIssues.KeyManagement => ApiKeyFindings.KeyManagement.Raise(
                $"{key} can create or change API keys, so whoever holds it can mint more access."),
            ApiKeyIssues.LiveWherePaperSuffices => ApiKeyFindings.LiveWherePaperSuffices.Raise(
                $"{key} reaches the live account, but its workflow does not declare that it needs live access.",
                severity, ApiKeyFindings.LiveWherePaperSuffices.Fix),
            _ => ApiKeyFindings.UseOutsideAllowList.Raise(
                $"{key} was used from {OutsideAddresses(d)}, outside its allow-list.",
                severity, ApiKeyFindings.UseOutsideAllowList.Fix),
        };
    }

    private static long Days(long ticks) => ticks / TimeSpan.TicksPerDay;

    private static string BroadEntries(ApiKeyDescriptor d, ApiKeyThresholds thresholds)
    {
        var broad = new List<string>();
        foreach (var network in d.IpAllowList)
        {
            if (thresholds.IsBroad(network))
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

    /// <summary>Summarises the verdict by label, severity, issues and grant sets.</summary>
    /// <returns>For example <c>bot-1: High; issues NoIpRestriction; minimal Read, TradeSpot; excess Withdraw</c> (<c>None</c> without findings).</returns>
    public override string ToString() => $"{Label}: {(Severity is { } s ? s.ToString() : "None")}; issues {Issues}; minimal {Minimal}; excess {Excess}";
}
