using System.Net;
using System.Net.Sockets;

namespace LoginPosture.ApiKeys;

/// <summary>The evaluator's thresholds compiled to ticks, plus the severity of each rule.</summary>
internal sealed class ApiKeyRules(ApiKeyEvaluatorOptions options)
{
    public readonly long UnusedGrantWindow = options.UnusedGrantWindow.Ticks;
    public readonly long UnusedKeyAge = options.UnusedKeyAge.Ticks;
    public readonly long MaxRotationAge = options.MaxRotationAge.Ticks;
    public readonly long MaxLifetime = options.MaxLifetime.Ticks;
    public readonly int MinIPv4PrefixLength = options.MinIPv4PrefixLength;
    public readonly int MinIPv6PrefixLength = options.MinIPv6PrefixLength;

    public bool IsBroad(IPNetwork network) =>
        network.PrefixLength < (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? MinIPv4PrefixLength : MinIPv6PrefixLength);

    /// <summary>
    /// Since when the key has been idle, in UTC ticks: its last use seen by anyone; without one, since it has been
    /// both watched and in existence. <see langword="null"/> when nothing says.
    /// </summary>
    public static long? QuietSince(ApiKeyDescriptor descriptor)
    {
        var usage = descriptor.Usage;
        var lastUse = Math.Max(descriptor.LastUsed?.UtcTicks ?? long.MinValue, usage?.LastUsed?.UtcTicks ?? long.MinValue);
        if (lastUse != long.MinValue)
        {
            return lastUse;
        }

        return usage is null ? null : Math.Max(usage.ObservedSince.UtcTicks, descriptor.Created?.UtcTicks ?? long.MinValue);
    }

    public static ApiKeyRisk RiskOf(ApiKeyIssues issues, ApiKeyGrants granted, ApiKeyGrants excess)
    {
        var worst = ApiKeyRisk.None;
        for (var bits = (uint)issues; bits != 0; bits &= bits - 1)
        {
            var severity = (ApiKeyRisk)SeverityOf((ApiKeyIssues)(bits & (0u - bits)), granted, excess);
            worst = severity > worst ? severity : worst;
        }

        return worst;
    }

    // Network and live-account rules weigh more on a key that can change something than on a read-only one. A
    // missing allow-list is never lighter than a broad one or than use from outside one (monotone in restriction).
    public static Severity SeverityOf(ApiKeyIssues issue, ApiKeyGrants granted, ApiKeyGrants excess)
    {
        var writes = (granted & GrantSets.Writes) != 0;
        return issue switch
        {
            ApiKeyIssues.WithdrawWithoutIpRestriction => Severity.Critical,
            ApiKeyIssues.TradingKeyMovesFunds or ApiKeyIssues.KeyManagement => Severity.High,
            ApiKeyIssues.NoIpRestriction or ApiKeyIssues.UseOutsideAllowList => writes ? Severity.High : Severity.Medium,
            ApiKeyIssues.BroadAllowList => writes ? Severity.Medium : Severity.Low,
            ApiKeyIssues.LiveWherePaperSuffices => writes ? Severity.High : Severity.Low,
            ApiKeyIssues.UnusedGrants => (excess & GrantSets.Sensitive) != 0 ? Severity.High
                : (excess & GrantSets.Writes) != 0 ? Severity.Medium
                : Severity.Low,
            ApiKeyIssues.UnusedKey or ApiKeyIssues.RotationOverdue => Severity.Medium,
            _ => Severity.Low,
        };
    }
}
