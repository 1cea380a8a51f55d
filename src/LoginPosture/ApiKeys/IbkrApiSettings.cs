namespace LoginPosture.ApiKeys;

/// <summary>
/// The socket-API settings of a Trader Workstation or IB Gateway installation (Global Configuration → API →
/// Settings). IBKR has no per-key grants: these settings are the key. Every property defaults to the less secure
/// value, so a value states what is in place.
/// </summary>
public readonly record struct IbkrApiSettings
{
    /// <summary>"Read-Only API": when on, API clients cannot submit, modify or cancel orders.</summary>
    public bool ReadOnlyApi { get; init; }

    /// <summary>"Allow connections from localhost only".</summary>
    public bool LocalhostOnly { get; init; }

    /// <summary>"Trusted IPs": single addresses (IBKR accepts no ranges) allowed to connect without a prompt.</summary>
    public IReadOnlyList<string>? TrustedIps { get; init; }

    /// <summary>"Socket port": 7496 (TWS) or 4001 (Gateway) for live, 7497 or 4002 for paper.</summary>
    public int SocketPort { get; init; }

    /// <summary>The account the installation logs in to, when <see cref="SocketPort"/> is not one of IBKR's defaults (or to override it).</summary>
    public ApiKeyEnvironment? Environment { get; init; }
}
