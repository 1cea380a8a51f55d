namespace LoginPosture.Layers;

/// <summary>Where a failure signal came from. The first four match the source kinds of the IBKR signal catalog.</summary>
public enum SignalSource
{
    /// <summary>Unspecified, or a broker other than IBKR (the default value).</summary>
    Other = 0,

    /// <summary>A TWS or IB Gateway socket-API error callback: a numeric code and its message.</summary>
    Tws = 1,

    /// <summary>An order reject: an order's status or reject text, with or without its code.</summary>
    OrderReject = 2,

    /// <summary>The Client Portal Web API: an auth-status field, response body or HTTP status.</summary>
    ClientPortal = 3,

    /// <summary>A login to TWS or IB Gateway: a dialog title, a login-page error, an IBC or IBeam state.</summary>
    Gateway = 4,

    /// <summary>An HTTP response from any web API: the status and, optionally, the body.</summary>
    Http = 5,

    /// <summary>A raw log line, where any code is embedded in the text.</summary>
    Log = 6,
}
