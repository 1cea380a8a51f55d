namespace LoginPosture.ApiKeys;

/// <summary>The thresholds of the least-privilege API-key evaluator. Every default comes from a public anchor.</summary>
public sealed class ApiKeyEvaluatorOptions
{
    /// <summary>A grant not exercised for this long is unused and belongs outside the minimal set. 1 to 365 days.</summary>
    /// <value>The default is 90 days: IAM Access Analyzer's unused-access tracking period and Security Hub's fixed lookback.</value>
    public TimeSpan UnusedGrantWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>A key not used for this long should be disabled. 1 to 365 days.</summary>
    /// <value>The default is 45 days: CIS AWS Foundations 2.11 (v7.0), "credentials unused for 45 days or more are disabled".</value>
    public TimeSpan UnusedKeyAge { get; set; } = TimeSpan.FromDays(45);

    /// <summary>A secret older than this (since creation or last rotation) is overdue for rotation. 1 to 3660 days.</summary>
    /// <value>The default is 90 days: CIS AWS Foundations 1.14/2.12 and AWS Config <c>access-keys-rotated</c> (<c>maxAccessKeyAge</c> 90).</value>
    public TimeSpan MaxRotationAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The longest validity a key may be issued with. 1 to 3660 days.</summary>
    /// <value>The default is 366 days: GitHub's default maximum lifetime for fine-grained personal access tokens.</value>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(366);

    /// <summary>The shortest IPv4 prefix an allow-list entry may have; shorter (wider) entries are reported. 0 to 32.</summary>
    /// <value>The default is 24: one typical LAN of 256 addresses. IBKR's Trusted IPs accept single addresses (/32) only.</value>
    public int MinIPv4PrefixLength { get; set; } = 24;

    /// <summary>The shortest IPv6 prefix an allow-list entry may have; shorter (wider) entries are reported. 0 to 128.</summary>
    /// <value>The default is 64: one IPv6 subnet, the boundary below which interface identifiers live (RFC 4291).</value>
    public int MinIPv6PrefixLength { get; set; } = 64;

    /// <summary>
    /// Adds a message for every invalid setting to <paramref name="errors"/>, naming the setting as this class does; the
    /// host's validator puts its configuration section in front.
    /// </summary>
    internal void Validate(List<string> errors)
    {
        RequireDays(errors, nameof(UnusedGrantWindow), UnusedGrantWindow, 365);
        RequireDays(errors, nameof(UnusedKeyAge), UnusedKeyAge, 365);
        RequireDays(errors, nameof(MaxRotationAge), MaxRotationAge, 3660);
        RequireDays(errors, nameof(MaxLifetime), MaxLifetime, 3660);
        OptionsErrors.RequireRange(errors, "", nameof(MinIPv4PrefixLength), MinIPv4PrefixLength, 0, 32);
        OptionsErrors.RequireRange(errors, "", nameof(MinIPv6PrefixLength), MinIPv6PrefixLength, 0, 128);
    }

    private static void RequireDays(List<string> errors, string name, TimeSpan value, int maxDays)
    {
        if (value < TimeSpan.FromDays(1) || value > TimeSpan.FromDays(maxDays))
        {
            errors.Add($"{name} is {value}; set a duration from 1.00:00:00 to {maxDays}.00:00:00.");
        }
    }
}
