namespace LoginPosture.Tiers;

/// <summary>The client a session runs in.</summary>
public enum ClientPlatform
{
    /// <summary>A desktop workstation such as Trader Workstation or IBKR Desktop.</summary>
    Desktop = 0,

    /// <summary>A web portal such as Client Portal, in a browser.</summary>
    Web = 1,

    /// <summary>A mobile app such as IBKR Mobile.</summary>
    Mobile = 2,

    /// <summary>A programmatic session: a socket API, REST API or key-authenticated client.</summary>
    Api = 3,
}
