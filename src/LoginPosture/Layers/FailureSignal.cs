namespace LoginPosture.Layers;

/// <summary>
/// One failure signal as a client sees it: where it came from, and whichever of a code, a message and an HTTP
/// status it carries. Every part is optional; the classifier uses what is there.
/// </summary>
/// <param name="Source">Where the signal came from.</param>
/// <param name="Code">The broker's numeric code (a TWS error code, for example), when there is one.</param>
/// <param name="Message">The message, dialog text, response body or log line, when there is one.</param>
/// <param name="HttpStatus">The HTTP status of a web API response, when there is one.</param>
public readonly record struct FailureSignal(SignalSource Source, int? Code, string? Message, int? HttpStatus = null)
{
    /// <summary>A TWS or IB Gateway error callback: <c>error(reqId, code, message)</c>.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">The error message, decorated or not.</param>
    /// <returns>The signal.</returns>
    public static FailureSignal FromTws(int code, string? message) => new(SignalSource.Tws, code, message);

    /// <summary>An order reject: the reject text and, when known, its code.</summary>
    /// <param name="message">The reject reason.</param>
    /// <param name="code">The code, when the client reports one (201 for most rejects).</param>
    /// <returns>The signal.</returns>
    public static FailureSignal FromOrderReject(string? message, int? code = null) => new(SignalSource.OrderReject, code, message);

    /// <summary>A login-side text: a TWS or Gateway dialog title, a login-page error, an IBC or IBeam state.</summary>
    /// <param name="message">The text.</param>
    /// <returns>The signal.</returns>
    public static FailureSignal FromGateway(string? message) => new(SignalSource.Gateway, null, message);

    /// <summary>An HTTP response of a web API, such as the Client Portal Web API.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="body">The response body, when there is one.</param>
    /// <returns>The signal.</returns>
    public static FailureSignal FromHttp(int status, string? body = null) => new(SignalSource.Http, null, body, status);

    /// <summary>
    /// A raw log line. A TWS code or HTTP status written into the line is recognised in the forms that client
    /// libraries print: <c>Error 354, reqId 3: ...</c> (ib_insync, ib_async), <c>ERROR -1 2104 ...</c> (ibapi),
    /// <c>Error. Id: -1, Code: 2104, Msg: ...</c> (official samples), <c>errorCode=354</c>, <c>HTTP 401</c>,
    /// <c>status 503</c>, ibind's <c>:: 400 :: Bad Request ::</c>, requests' <c>HTTPError: 500</c>; a word that merely ends in
    /// "Error" (<c>ConnectionRefusedError(111</c>) is not a code. The whole line stays the message, so nothing is allocated;
    /// the classifier reads the rest of the decoration (level, source, response body) when it classifies the line.
    /// </summary>
    /// <param name="line">The log line; null gives a signal with no message.</param>
    /// <returns>The signal, with its code or HTTP status when the line carries one.</returns>
    public static FailureSignal FromLogLine(string? line)
    {
        var (code, status) = ReadLogLine(line);
        return new FailureSignal(SignalSource.Log, code, line, status);
    }

    // The code and HTTP status a log line carries: the words first, then a web-API wrapper's status.
    internal static (int? Code, int? HttpStatus) ReadLogLine(ReadOnlySpan<char> line)
    {
        var (code, status) = LogLineParser.Parse(line);
        return (code, status ?? (line.IsEmpty ? null : WebApiBody.Status(line)));
    }

    /// <summary>
    /// Turns a Client Portal Web API <c>/iserver/auth/status</c> or <c>/tickle</c> JSON body into the signals it
    /// holds: <c>authenticated=false</c>, <c>competing=true</c>, <c>connected=false</c>, a <c>fail</c> reason, a system
    /// <c>message</c> or <c>prompts</c>, an <c>hmds.error</c> and a top-level <c>error</c>. A healthy session gives
    /// none. A body that is not JSON (some wrappers print Python dictionaries) becomes one signal carrying the text.
    /// Never throws on content.
    /// </summary>
    /// <param name="body">The response body; null or empty gives no signals.</param>
    /// <returns>The signals, in the order above.</returns>
    public static FailureSignal[] FromClientPortalStatus(string? body) => ClientPortalStatus.Parse(body);
}
