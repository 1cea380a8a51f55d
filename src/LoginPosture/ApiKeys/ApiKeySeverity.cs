namespace LoginPosture.ApiKeys;

/// <summary>How severe each API-key finding is for one key, graded by what the key can do.</summary>
internal static class ApiKeySeverity
{
    /// <summary>The severity of the worst finding, or <see langword="null"/> when the key breaks no rule.</summary>
    public static Severity? WorstOf(ApiKeyIssues issues, ApiKeyGrants granted, ApiKeyGrants excess)
    {
        Severity? worst = null;
        for (var bits = (uint)issues; bits != 0; bits &= bits - 1)
        {
            var severity = Of((ApiKeyIssues)(bits & (0u - bits)), granted, excess);
            worst = worst is { } w && w >= severity ? w : severity;
        }

        return worst;
    }

    // Rules that do not depend on the key are raised with their catalog entry's severity.
    private static Severity Fixed(ApiKeyIssues issue) => issue switch
    {
        ApiKeyIssues.TradingKeyMovesFunds => ApiKeyFindings.TradingKeyMovesFunds.Severity,
        ApiKeyIssues.WithdrawWithoutIpRestriction => ApiKeyFindings.WithdrawWithoutIpRestriction.Severity,
        ApiKeyIssues.UnusedKey => ApiKeyFindings.UnusedKey.Severity,
        ApiKeyIssues.NoExpiry => ApiKeyFindings.NoExpiry.Severity,
        ApiKeyIssues.LifetimeTooLong => ApiKeyFindings.LifetimeTooLong.Severity,
        ApiKeyIssues.RotationOverdue => ApiKeyFindings.RotationOverdue.Severity,
        ApiKeyIssues.KeyManagement => ApiKeyFindings.KeyManagement.Severity,
        _ => throw new ArgumentOutOfRangeException(nameof(issue), issue, "issue is not a single ApiKeyIssues flag with a fixed severity."),
    };

    // Network and live-account rules weigh more on a key that can change something than on a read-only one. A
    // missing allow-list is never lighter than a broad one or than use from outside one (monotone in restriction).
    public static Severity Of(ApiKeyIssues issue, ApiKeyGrants granted, ApiKeyGrants excess)
    {
        var writes = (granted & GrantSets.Writes) != 0;
        return issue switch
        {
            ApiKeyIssues.NoIpRestriction or ApiKeyIssues.UseOutsideAllowList => writes ? Severity.High : Severity.Medium,
            ApiKeyIssues.BroadAllowList => writes ? Severity.Medium : Severity.Low,
            ApiKeyIssues.LiveWherePaperSuffices => writes ? Severity.High : Severity.Low,
            ApiKeyIssues.UnusedGrants => (excess & GrantSets.Sensitive) != 0 ? Severity.High
                : (excess & GrantSets.Writes) != 0 ? Severity.Medium
                : Severity.Low,
            _ => Fixed(issue),
        };
    }
}
