using LoginPosture.Tiers;

namespace LoginPosture.AspNetCore;

/// <summary>
/// How the signed-in user's claims and the request's connection become a <see cref="SessionContext"/>. Bind it from
/// configuration (section <c>LoginPosture:Session</c>) or set it in code; it is validated once, at startup.
/// </summary>
public sealed class SessionClaimsOptions
{
    /// <summary>The configuration section name, below <see cref="LoginPostureOptions.SectionName"/>.</summary>
    public const string SectionName = "Session";

    /// <summary>The claim listing the authentication methods used (RFC 8176 values, one claim per value). Required.</summary>
    /// <value>The default is <c>amr</c>.</value>
    public string AmrClaim { get; set; } = "amr";

    /// <summary>The claim naming the authentication context class reached. Required.</summary>
    /// <value>The default is <c>acr</c>.</value>
    public string AcrClaim { get; set; } = "acr";

    /// <summary>
    /// The claim holding the time of the last active authentication in seconds since the Unix epoch (RFC 9470
    /// <c>auth_time</c>). Required. A session without it, or with a value in the future beyond the policy's allowed
    /// clock skew, is treated as authenticated long ago, so operations that need freshness answer with a step-up.
    /// </summary>
    /// <value>The default is <c>auth_time</c>.</value>
    public string AuthTimeClaim { get; set; } = "auth_time";

    /// <summary>
    /// Extra <c>amr</c> values, such as an identity provider's own, and overrides of the RFC 8176 mapping: each
    /// value names the authenticator kind it stands for. Values neither here nor in RFC 8176 count as no factor.
    /// </summary>
    public Dictionary<string, AuthenticatorKind> AmrValues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Extra <c>acr</c> values and the authenticator kind each proves. The values LoginPosture asks for in a
    /// step-up challenge (<c>urn:loginposture:acr:*</c>) are always known.
    /// </summary>
    public Dictionary<string, AuthenticatorKind> AcrValues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The claim naming the client platform (<c>desktop</c>, <c>web</c>, <c>mobile</c> or <c>api</c>, any case);
    /// null or empty to read none. A signed claim wins over the client hint.
    /// </summary>
    /// <value>The default is <c>platform</c>.</value>
    public string? PlatformClaim { get; set; } = "platform";

    /// <summary>
    /// Whether the <c>Sec-CH-UA-Mobile</c> client hint decides between <see cref="ClientPlatform.Mobile"/> (<c>?1</c>)
    /// and <see cref="ClientPlatform.Web"/> (<c>?0</c>) when no platform claim is present. A client can forge a
    /// header, so the hint can only choose between the two browser platforms, never the desktop.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool UseClientHints { get; set; } = true;

    /// <summary>The platform assumed when neither the claim nor the client hint says.</summary>
    /// <value>The default is <see cref="ClientPlatform.Web"/>.</value>
    public ClientPlatform UnknownPlatform { get; set; } = ClientPlatform.Web;

    /// <summary>
    /// Networks the owner trusts, in CIDR notation (<c>10.0.0.0/8</c>, <c>2001:db8::/32</c>). The connection's remote
    /// address is checked after the host's forwarded-headers handling, so configure <c>UseForwardedHeaders</c> with
    /// the known proxies first. Empty: no network is trusted.
    /// </summary>
    public List<string> TrustedNetworks { get; set; } = [];

    /// <summary>The claim holding the client's inactivity timeout in whole seconds; null or empty to read none.</summary>
    /// <value>The default is <c>idle_timeout</c>.</value>
    public string? IdleTimeoutClaim { get; set; } = "idle_timeout";

    /// <summary>Whether the client stores credentials to sign in unattended.</summary>
    /// <value>Claim <c>saved_credentials</c>; assumed true when missing, so tier 1 asks for the fact.</value>
    public ClaimFlag SavedCredentials { get; set; } = new() { Claim = "saved_credentials", WhenMissing = true };

    /// <summary>Whether a web session runs in an isolated browser profile.</summary>
    /// <value>Claim <c>browser_isolation</c>; assumed false when missing.</value>
    public ClaimFlag BrowserIsolation { get; set; } = new() { Claim = "browser_isolation" };

    /// <summary>Whether API keys are enabled on the account.</summary>
    /// <value>Claim <c>api_keys_enabled</c>; assumed false when missing.</value>
    public ClaimFlag ApiKeysEnabled { get; set; } = new() { Claim = "api_keys_enabled" };

    /// <summary>Whether the workflow declares that it needs API access.</summary>
    /// <value>Claim <c>api_workflow</c>; assumed false when missing.</value>
    public ClaimFlag WorkflowNeedsApiKeys { get; set; } = new() { Claim = "api_workflow" };

    /// <summary>Whether the phone is the account's only second-factor device.</summary>
    /// <value>Claim <c>phone_only_factor</c>; assumed true when missing, so push never authorises tier 1 unasked.</value>
    public ClaimFlag PhoneIsOnlyFactor { get; set; } = new() { Claim = "phone_only_factor", WhenMissing = true };

    /// <summary>Whether a channel independent of the phone (hardware key, call-back) is in place.</summary>
    /// <value>Claim <c>secondary_channel</c>; assumed false when missing.</value>
    public ClaimFlag SecondaryChannel { get; set; } = new() { Claim = "secondary_channel" };
}

/// <summary>A yes/no session fact read from a claim (<c>true</c>/<c>false</c>/<c>1</c>/<c>0</c>, any case).</summary>
public sealed class ClaimFlag
{
    /// <summary>The claim's type; null or empty to read none and always use <see cref="WhenMissing"/>.</summary>
    public string? Claim { get; set; }

    /// <summary>The value assumed when the claim is absent or malformed.</summary>
    public bool WhenMissing { get; set; }
}
