namespace LoginPosture.Tiers;

/// <summary>
/// What the tier policy knows about the session asking to run an operation. Every property defaults to the less
/// secure value, so a context states what is in place rather than what is missing.
/// </summary>
public readonly record struct SessionContext
{
    /// <summary>The client the session runs in.</summary>
    public ClientPlatform Platform { get; init; }

    /// <summary>The second factor used at the session's last active authentication, <see langword="null"/> for password only.</summary>
    public AuthenticatorKind? Factor { get; init; }

    /// <summary>
    /// When the last active authentication happened (RFC 9470's <c>auth_time</c>). It must not lie in the future
    /// beyond <see cref="TierPolicyOptions.AllowedClockSkew"/>.
    /// </summary>
    public DateTimeOffset AuthenticatedAt { get; init; }

    /// <summary>Whether the session runs on a network the owner trusts (home or office, not public Wi-Fi).</summary>
    public bool TrustedNetwork { get; init; }

    /// <summary>Whether the client stores the password or a login token so that it can sign in unattended.</summary>
    public bool SavedCredentials { get; init; }

    /// <summary>Whether a web session runs in an isolated browser profile kept for trading only.</summary>
    public bool BrowserIsolation { get; init; }

    /// <summary>The client's inactivity lock or log-off, <see langword="null"/> when none is set. Must be positive.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>Whether API keys or socket-API access are enabled on the account.</summary>
    public bool ApiKeysEnabled { get; init; }

    /// <summary>Whether the workflow declares that it needs API access (an automated strategy, a bot).</summary>
    public bool WorkflowNeedsApiKeys { get; init; }

    /// <summary>Whether the phone is the account's only second-factor device.</summary>
    public bool PhoneIsOnlyFactor { get; init; }

    /// <summary>Whether a channel independent of the phone is in place: a hardware key or a broker call-back.</summary>
    public bool SecondaryChannel { get; init; }
}
