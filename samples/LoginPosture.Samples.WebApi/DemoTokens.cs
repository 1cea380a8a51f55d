using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LoginPosture.Samples.WebApi;

/// <summary>
/// The sample's token issuer: an ECDSA P-256 key generated at startup (so nothing secret is stored anywhere) that
/// signs demo tokens and that JWT bearer validation trusts. Stands in for an identity provider.
/// </summary>
public sealed class DemoTokens : IDisposable
{
    public const string Issuer = "urn:loginposture:sample-idp";
    public const string Audience = "urn:loginposture:sample-api";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public DemoTokens()
    {
        SigningKey = new ECDsaSecurityKey(_key) { KeyId = Guid.NewGuid().ToString("N") };
        Credentials = new SigningCredentials(SigningKey, SecurityAlgorithms.EcdsaSha256);
    }

    public SecurityKey SigningKey { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>Signs a token with the given claims (arrays become JSON arrays), valid for an hour.</summary>
    public string Issue(IDictionary<string, object> claims, DateTime? now = null)
    {
        var issuedAt = now ?? DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt.AddMinutes(-1),
            Expires = issuedAt.AddHours(1),
            Claims = claims,
            SigningCredentials = Credentials,
        });
    }

    /// <summary>
    /// A demo token from query parameters: <c>amr</c> (repeatable), <c>acr</c>, <c>age</c> (seconds since the
    /// authentication), <c>platform</c>, <c>idle</c> (seconds), <c>saved</c>, <c>phoneOnly</c>, <c>isolated</c>.
    /// </summary>
    public string IssueFor(IQueryCollection query)
    {
        var now = DateTimeOffset.UtcNow;
        var age = int.TryParse(query["age"], out var seconds) ? seconds : 0;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "demo-trader",
            ["amr"] = query["amr"].Count > 0 ? query["amr"].Where(v => v is not null).Select(v => v!).ToArray() : ["pwd"],
            ["auth_time"] = now.AddSeconds(-age).ToUnixTimeSeconds(),
            ["platform"] = query["platform"].FirstOrDefault() ?? "desktop",
            ["idle_timeout"] = int.TryParse(query["idle"], out var idle) ? idle : 600,
            ["saved_credentials"] = bool.TryParse(query["saved"], out var saved) && saved,
            ["phone_only_factor"] = bool.TryParse(query["phoneOnly"], out var phoneOnly) && phoneOnly,
            ["browser_isolation"] = bool.TryParse(query["isolated"], out var isolated) && isolated,
        };
        if (query["acr"].FirstOrDefault() is { Length: > 0 } acr)
        {
            claims["acr"] = acr;
        }

        return Issue(claims, now.UtcDateTime);
    }

    public void Dispose() => _key.Dispose();
}
