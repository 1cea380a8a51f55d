using LoginPosture.Layers;

namespace LoginPosture.Tests.Layers;

public sealed class RealInputTests
{
    private static readonly LayerClassifier Classifier = new();

    [Theory]
    // ib_insync / ib_async: "Error|Warning <code>, reqId <id>: <message>[, contract: ...]"
    [InlineData("Error 354, reqId 3: Requested market data is not subscribed. Displaying delayed market data.", 354, "permissions.market-data-subscription")]
    [InlineData("Warning 2104, reqId -1: Market data farm connection is OK:usfarm.nj", 2104, "platform.connection-ok")]
    [InlineData("Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost.", 1100, "platform.connectivity-lost")]
    [InlineData("Error 200, reqId 5: No security definition has been found for the request, contract: Stock(symbol='XYZQ', exchange='SMART', currency='USD')", 200, "request.contract-definition")]
    [InlineData("Error 162, reqId 12: Historical Market Data Service error message:Historical data request pacing violation", 162, "request.pacing")]
    [InlineData("Error 162, reqId 9: Historical Market Data Service error message:No market data permissions for NYSE STK", 162, "permissions.market-data-subscription")]
    [InlineData("Error 10182, reqId 4: Failed to request live updates (disconnected).", 10182, "platform.connectivity-lost")]
    // ibapi's default error printout: "ERROR <reqId> <code> <message>", newer versions add a millisecond timestamp.
    [InlineData("ERROR -1 2103 Market data farm connection is broken:usfarm.nj", 2103, "platform.data-farm-disconnected")]
    [InlineData("ERROR -1 1733412345678 2158 Sec-def data farm connection is OK:secdefnj", 2158, "platform.connection-ok")]
    [InlineData("ERROR 7 326 Unable to connect as the client id is already in use. Retry with a unique client id.", 326, "platform.client-id-in-use")]
    // The official samples: "Error. Id: <id>, Code: <code>, Msg: <message>"
    [InlineData("Error. Id: 7, Code: 200, Msg: No security definition has been found for the request", 200, "request.contract-definition")]
    [InlineData("2024-05-02 14:03:11,207 ib_insync.wrapper ERROR Error 201, reqId 44: Order rejected - reason:YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED POSITION YOUR NET LIQ [20299.32 USD] MUST EXCEED THE MARGIN REQ [35035.87 USD]", 201, "request.insufficient-margin")]
    [InlineData("errorCode=460 errorMsg=No trading permissions.", 460, "permissions.trading-permission")]
    public void Coded_log_lines_recover_their_code_and_classify(string line, int code, string cause)
    {
        var signal = FailureSignal.FromLogLine(line);
        Assert.Equal(code, signal.Code);
        Assert.Equal(cause, Classifier.Diagnose(signal).CauseId);
    }

    [Theory]
    // IBeam and IBC log lines: no code, only text.
    [InlineData("2024-05-01 09:15:02,311|E| Invalid username password combination. Retrying authentication in 60 seconds.", "identity.invalid-credentials", RetryAdvice.DoNotRetry)]
    [InlineData("2024-05-01 09:20:02,118|E| Maximum number of failed authentication attempts (IBEAM_MAX_FAILED_AUTH=5) reached. IBeam will shut down to prevent an account lock-out.", "identity.failed-login-limit", RetryAdvice.DoNotRetry)]
    [InlineData("2024-05-01 09:14:55,901|I| Credentials correct, but Gateway requires two-factor authentication.", "identity.second-factor-required", RetryAdvice.Reauthenticate)]
    [InlineData("2024-05-01 09:16:40:512 IBC: detected dialog entitled: Too many failed login attempts. Please wait 53 seconds before attempting to re-login again.", "identity.login-throttled", RetryAdvice.DoNotRetry)]
    [InlineData("2024-05-01 09:30:12:004 IBC: Login failed = Soft token=0 received instead of expected permanent for zdc1.ibllc.com:4001 (SSL)", "identity.weekly-reauthentication", RetryAdvice.Reauthenticate)]
    [InlineData("2024-05-01 07:00:01:337 IBC: detected dialog entitled: Existing session detected; event=Opened", "platform.competing-session", RetryAdvice.DoNotRetry)]
    [InlineData("API connection failed: ConnectionRefusedError(111, \"Connect call failed ('127.0.0.1', 7497)\")", "platform.cannot-connect", RetryAdvice.BackOff)]
    [InlineData("IBKR returned 400 Bad Request: no bridge. Try calling initialize_brokerage_session() first.", "platform.brokerage-session-not-initialised", RetryAdvice.Reauthenticate)]
    [InlineData("Connectivity between IB and the TWS has been lost.", "platform.connectivity-lost", RetryAdvice.BackOff)]
    [InlineData("connectivity between ib and trader workstation has been lost.", "platform.connectivity-lost", RetryAdvice.BackOff)]
    [InlineData("MARKET DATA FARM CONNECTION IS BROKEN:USFARM", "platform.data-farm-disconnected", RetryAdvice.BackOff)]
    [InlineData("   Connectivity between IB and TWS has been restored - data lost.  ", "platform.connectivity-restored-data-lost", RetryAdvice.Resubscribe)]
    public void Code_less_log_lines_classify_by_wording(string line, string cause, RetryAdvice retry)
    {
        var diagnosis = Classifier.DiagnoseLogLine(line);
        Assert.Null(diagnosis.Signal.Code);
        Assert.Equal(cause, diagnosis.CauseId);
        Assert.Equal(retry, diagnosis.Retry);
        Assert.Equal(SignalMatch.Keyword, diagnosis.Match);
    }

    [Theory]
    [InlineData("2024-05-01 10:22:33 ERROR 2024-05-01 socket closed")]
    [InlineData("ConnectionRefusedError(111, 'Connect call failed')")]
    [InlineData("Error at 10:22:33: something")]
    [InlineData("Security Code Card Authentication")]
    [InlineData("HTTP/1.1 200 OK")]
    public void Timestamps_and_names_are_not_mistaken_for_codes(string line) =>
        Assert.Null(FailureSignal.FromLogLine(line).Code);

    [Theory]
    [InlineData("GET /v1/api/iserver/accounts -> HTTP 401 Unauthorized", 401, "identity.not-authenticated")]
    [InlineData("HTTP/1.1 503 Service Unavailable", 503, "platform.server-unavailable")]
    [InlineData("request failed with status code 429", 429, "request.pacing")]
    public void Http_statuses_in_log_lines_are_recognised(string line, int status, string cause)
    {
        var signal = FailureSignal.FromLogLine(line);
        Assert.Equal(status, signal.HttpStatus);
        Assert.Null(signal.Code);
        Assert.Equal(cause, Classifier.Diagnose(signal).CauseId);
    }

    [Theory]
    [InlineData(162, "Historical Market Data Service error message:HMDS query returned no data: DELL@SMART Trades", Layer.Request, "request.data-request")]
    [InlineData(162, "Historical Market Data Service error message:No market data permissions for ISLAND STK.", Layer.Permissions, "permissions.market-data-subscription")]
    [InlineData(162, "Historical Market Data Service error message:Historical data request pacing violation", Layer.Request, "request.pacing")]
    [InlineData(200, "No security definition has been found for the request", Layer.Request, "request.contract-definition")]
    [InlineData(201, "Order rejected - reason:No Trading Permission, Customer Ineligible; Ineligibility reasons:<br>This product does not have a KID in English or in a language approved for your country.", Layer.Entity, "entity.product-not-offered")]
    [InlineData(201, "Order rejected - reason:No Trading Permission", Layer.Permissions, "permissions.trading-permission")]
    [InlineData(201, "Order rejected - reason:YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED POSITION YOUR EQUITY WITH LOAN VALUE ...", Layer.Request, "request.insufficient-margin")]
    [InlineData(201, "Order rejected - reason:Some reason nobody catalogued", Layer.Request, "request.order-rejected")]
    [InlineData(203, "The security is not available or allowed for this account.", Layer.Permissions, "permissions.trading-permission")]
    [InlineData(203, "The contract description specified for IBM is ambiguous; you must specify the currency.", Layer.Request, "request.contract-definition")]
    [InlineData(321, "Error validating request.-'bN' : cause - The API interface is currently in Read-Only mode.", Layer.Platform, "platform.read-only-api")]
    [InlineData(321, "Error validating request:-'bP' : cause - Please enter a valid security type", Layer.Request, "request.invalid-request")]
    [InlineData(420, "Invalid Real-time Query:Trading TWS session is connected from a different IP address", Layer.Platform, "platform.competing-session")]
    [InlineData(420, "Invalid real-time query.", Layer.Request, "request.data-request")]
    [InlineData(10189, "Failed to request tick-by-tick data.Trading TWS session is connected from a different IP address", Layer.Platform, "platform.competing-session")]
    [InlineData(10189, "Failed to request tick-by-tick data. Invalid Real-time Query", Layer.Request, "request.data-request")]
    public void Codes_reused_across_layers_are_decided_by_code_and_message(int code, string message, Layer layer, string cause)
    {
        var diagnosis = Classifier.Diagnose(FailureSignal.FromTws(code, message));
        Assert.Equal(layer, diagnosis.Layer);
        Assert.Equal(cause, diagnosis.CauseId);
    }

    [Theory]
    [InlineData(401, null, "identity.not-authenticated", SignalMatch.HttpStatus)]
    [InlineData(400, "Bad Request: no bridge", "platform.brokerage-session-not-initialised", SignalMatch.HttpStatusAndKeyword)]
    [InlineData(401, "If something is wrong with either the base string or signature creation", "identity.oauth-signature-rejected", SignalMatch.HttpStatusAndKeyword)]
    [InlineData(410, "gone", "identity.live-session-token-expired", SignalMatch.HttpStatus)]
    [InlineData(429, null, "request.pacing", SignalMatch.HttpStatus)]
    [InlineData(500, "{'error': 'Trading TWS session is connected from a different IP address'}", "platform.competing-session", SignalMatch.Keyword)]
    [InlineData(503, "Service Unavailable", "platform.server-unavailable", SignalMatch.HttpStatus)]
    public void Http_responses_are_decided_by_body_keyword_before_status(int status, string? body, string cause, SignalMatch match)
    {
        var diagnosis = Classifier.Diagnose(FailureSignal.FromHttp(status, body));
        Assert.Equal(cause, diagnosis.CauseId);
        Assert.Equal(match, diagnosis.Match);
    }

    [Fact]
    public void Order_rejects_classify_with_or_without_their_code()
    {
        const string reject = "Order rejected - reason:No Trading Permission, Customer Ineligible; Ineligibility reasons: Restricted: Must request Complex or Leveraged Exchange-Traded Product permissions to trade.";
        var coded = Classifier.Diagnose(FailureSignal.FromOrderReject(reject, 201));
        var bare = Classifier.Diagnose(FailureSignal.FromOrderReject(reject));
        Assert.Equal(("permissions.trading-permission", SignalMatch.CodeAndKeyword), (coded.CauseId, coded.Match));
        Assert.Equal(("permissions.trading-permission", SignalMatch.Keyword), (bare.CauseId, bare.Match));
        Assert.Equal(RetryAdvice.DoNotRetry, coded.Retry);
        Assert.Equal(SignalMatch.Code, Classifier.Diagnose(FailureSignal.FromTws(354, "anything")).Match);
    }

    [Fact]
    public void Auth_status_with_no_login_names_identity_as_the_root()
    {
        const string body = """{"authenticated":false,"competing":false,"connected":false,"message":"","MAC":"F4:03:43:DC:B4:60","serverInfo":{"serverName":"JifZ34060","serverVersion":"Build 10.33.1f"},"fail":""}""";
        var report = Classifier.DiagnoseClientPortalStatus(body);
        Assert.Equal(["identity.not-authenticated", "platform.brokerage-session-not-initialised"], report.Diagnoses.Select(d => d.CauseId));
        Assert.Equal(Layer.Identity, report.Root!.Value.Layer);
        Assert.Equal(RetryAdvice.Reauthenticate, report.Root!.Value.Retry);
    }

    [Fact]
    public void Tickle_body_is_read_through_iserver_auth_status_and_hmds()
    {
        const string body = """{"session":"0123456789abcdef","ssoExpires":444936,"collission":false,"userId":132329622,"hmds":{"error":"no bridge"},"iserver":{"authStatus":{"authenticated":true,"competing":true,"connected":true,"message":"","MAC":"F4:03:43:DC:B4:60"}}}""";
        var signals = FailureSignal.FromClientPortalStatus(body);
        Assert.Equal(["auth/status.competing=true", "hmds.error: no bridge"], signals.Select(s => s.Message));
        var report = Classifier.Diagnose(signals);
        Assert.All(report.Diagnoses, d => Assert.Equal(Layer.Platform, d.Layer));
        Assert.Equal("platform.competing-session", report.Root!.Value.CauseId);
    }

    [Theory]
    [InlineData("""{"authenticated":true,"competing":false,"connected":true,"message":"","prompts":[]}""")]
    [InlineData("")]
    [InlineData("   ")]
    public void A_healthy_session_reports_no_failure(string body)
    {
        var report = Classifier.DiagnoseClientPortalStatus(body);
        Assert.False(report.HasFailure);
        Assert.Null(report.Root);
    }

    [Theory]
    [InlineData("""{"error":"no session"}""", "identity.not-authenticated")]
    [InlineData("""{"authenticated":false,"fail":"Invalid username or password"}""", "identity.not-authenticated")]
    [InlineData("{'error': 'Trading TWS session is connected from a different IP address'}", "platform.competing-session")]
    [InlineData("""{"authenticated":true,"connected":true,"message":"Trading TWS session is connected from a different IP address"}""", "platform.competing-session")]
    public void Client_portal_bodies_name_the_root(string body, string cause) =>
        Assert.Equal(cause, Classifier.DiagnoseClientPortalStatus(body).Root!.Value.CauseId);

    [Fact]
    public void System_messages_and_prompts_are_informational()
    {
        const string body = """{"authenticated":true,"connected":true,"competing":false,"message":"Scheduled maintenance tonight","prompts":["Please review the updated disclosures"]}""";
        var report = Classifier.DiagnoseClientPortalStatus(body);
        Assert.Equal(2, report.Diagnoses.Count);
        Assert.All(report.Diagnoses, d => Assert.Equal("platform.system-message", d.CauseId));
        Assert.False(report.HasFailure);
    }

    [Theory]
    [InlineData(null, null, null, "unknown.request")]
    [InlineData(99_999, "Something nobody has seen", null, "unknown.request")]
    [InlineData(2150, "Some new warning", null, "unknown.informational")]
    [InlineData(1199, "", null, "unknown.platform")]
    [InlineData(null, "Your password will expire soon, please act", null, "unknown.identity")]
    [InlineData(null, "You need the permission for this exchange", null, "unknown.permissions")]
    [InlineData(null, "The account type does not support this", null, "unknown.entity")]
    [InlineData(null, "frobnicated", 418, "unknown.request")]
    [InlineData(null, "", 599, "unknown.platform")]
    [InlineData(null, "", 407, "unknown.identity")]
    public void Unknown_signals_get_an_unknown_cause_with_the_best_supported_layer(int? code, string? message, int? status, string cause)
    {
        var diagnosis = Classifier.Diagnose(new FailureSignal(SignalSource.Other, code, message, status));
        Assert.Equal(cause, diagnosis.CauseId);
        Assert.False(diagnosis.IsKnown);
        Assert.Equal(SignalMatch.Inferred, diagnosis.Match);
        Assert.False(string.IsNullOrWhiteSpace(diagnosis.Fix));
    }

    [Fact]
    public void A_default_diagnosis_is_safe_to_read() =>
        Assert.Equal("unknown.request", default(Diagnosis).CauseId);

    [Fact]
    public void An_undefined_source_is_rejected_naming_the_field()
    {
        var error = Assert.Throws<ArgumentException>(() => Classifier.Diagnose(new FailureSignal((SignalSource)42, 200, "x")));
        Assert.Equal("signal.Source", error.ParamName);
    }

    [Fact]
    public void Gateway_only_wording_does_not_leak_into_other_sources()
    {
        // IBeam reports a bare "failed" on its login page; the same word in a TWS message means nothing special.
        Assert.Equal("identity.login-failed", Classifier.Diagnose(FailureSignal.FromGateway("failed")).CauseId);
        Assert.NotEqual("identity.login-failed", Classifier.Diagnose(new FailureSignal(SignalSource.Tws, null, "Request failed")).CauseId);
    }

    [Fact]
    public void A_diagnosis_becomes_a_finding_with_cause_fix_and_anchor()
    {
        var diagnosis = Classifier.Diagnose(FailureSignal.FromTws(354, "Requested market data is not subscribed."));
        var finding = diagnosis.ToFinding();
        Assert.Equal("permissions.market-data-subscription", finding.Id);
        Assert.Equal(Layer.Permissions, finding.Layer);
        Assert.Equal(diagnosis.Fix, finding.Fix);
        Assert.Contains("IBKR Campus", finding.Anchor, StringComparison.Ordinal);
        Assert.Contains("code 354", finding.Message, StringComparison.Ordinal);
    }
}
