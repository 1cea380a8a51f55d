namespace LoginPosture.AspNetCore.Tests;

/// <summary>Builds the claims of a test token: a session on the desktop, trusted defaults unless a test says otherwise.</summary>
internal sealed class Claims
{
    private readonly Dictionary<string, object> _claims = new(StringComparer.Ordinal)
    {
        ["sub"] = "trader-" + Guid.NewGuid().ToString("N")[..8],
        ["platform"] = "desktop",
        ["idle_timeout"] = 600,
        ["saved_credentials"] = false,
        ["phone_only_factor"] = false,
    };

    public static Claims Amr(params string[] values) => new Claims().With("amr", values).AuthenticatedAgo(TimeSpan.FromSeconds(30));

    public Claims With(string name, object value)
    {
        _claims[name] = value;
        return this;
    }

    public Claims Without(string name)
    {
        _claims.Remove(name);
        return this;
    }

    public Claims AuthenticatedAgo(TimeSpan age) => With("auth_time", DateTimeOffset.UtcNow.Subtract(age).ToUnixTimeSeconds());

    public Claims Platform(string platform) => With("platform", platform);

    public string Subject => (string)_claims["sub"];

    public string SignedBy(SampleApp app) => app.Tokens.Issue(_claims);

    public Dictionary<string, object> ToDictionary() => new(_claims, StringComparer.Ordinal);
}
