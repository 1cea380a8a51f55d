using LoginPosture.Layers;

namespace LoginPosture.Tests.Layers;

/// <summary>
/// Rows the catalog used to get wrong (issue 12) and the signals it lacked, each checked at its rule and against the
/// public source that backs it.
/// </summary>
public sealed class CatalogCorrectionTests
{
    private const string TwsErrorCodes = "IBKR Campus TWS API doc, Error Handling > Message/Error Codes";
    private static readonly LayerClassifier Classifier = new();

    [Theory]
    // IBKR Campus: "EtradeOnly/FirmQuoteOnly ... not supported": the order is not placed until the attribute is removed.
    [InlineData("tws", "2168", "Etrade Only Not Supported Warning", TwsErrorCodes, "request.unsupported-order-attribute")]
    [InlineData("tws", "2169", "Firm Quote Only Not Supported Warning", TwsErrorCodes, "request.unsupported-order-attribute")]
    [InlineData("tws", "10268", "The 'EtradeOnly' order attribute is not supported", TwsErrorCodes, "request.unsupported-order-attribute")]
    // IBKR Campus 132: a field of the order (its account), not the account's type.
    [InlineData("tws", "132", "This order cannot be transmitted without a clearing account.", TwsErrorCodes, "request.invalid-request")]
    // IBKR Campus 322 (duplicate ticker id and similar) and 324 (missing information): the request cannot succeed as sent.
    [InlineData("tws", "322", "Server error when processing an API client request.", TwsErrorCodes, "request.invalid-request")]
    [InlineData("tws", "324", "Server error when reading a DDE client request (missing information).", TwsErrorCodes, "request.invalid-request")]
    public void Corrected_catalog_rows_name_their_ibkr_source_and_classify_to_the_fixed_cause(string kind, string code, string message, string source, string cause)
    {
        var row = Assert.Single(LayerCatalog.BuiltIn.Rows, r => r.SourceKind == kind && r.CodeText == code && r.Message == message);
        Assert.Contains(source, row.Source, StringComparison.Ordinal);
        Assert.Equal(cause, row.Cause.Id);
        var diagnosis = Classifier.Diagnose(new SignalRow(kind, code, message, row.Source).ToSignal());
        Assert.Equal(cause, diagnosis.CauseId);
        Assert.True(diagnosis.IsFailure);
        Assert.Equal(RetryAdvice.DoNotRetry, diagnosis.Retry);
    }

    [Fact]
    public void Customer_ineligible_only_closing_orders_is_a_compliance_restriction_not_a_request_error()
    {
        const string reject = "Order rejected - reason:No Trading Permission, Customer Ineligible; Ineligibility reasons:<br>Only closing orders are permitted in this instrument.";
        var row = Assert.Single(LayerCatalog.BuiltIn.Rows, r => r.Keyword == "only closing orders are permitted");
        Assert.Contains("IBKR", row.Source, StringComparison.Ordinal);
        var diagnosis = Classifier.Diagnose(FailureSignal.FromOrderReject(reject, 201));
        Assert.Equal((Layer.Permissions, "permissions.compliance-restriction", RetryAdvice.DoNotRetry), (diagnosis.Layer, diagnosis.CauseId, diagnosis.Retry));
    }

    [Theory]
    // Account-type facts belong to the entity layer: no retry changes them.
    [InlineData("Error 201, reqId 7: Order rejected - reason:Account is closed", "entity.account-closed", "ib_insync/issues/313")]
    [InlineData("Interactive Brokers Lite accounts do not support API trading.", "entity.api-not-offered", "lean-cli")]
    [InlineData("2020-05-22 10:58:40,239 [ERROR] ezibpy: [#2139] Real paper-trading has not been acknowledged yet.", "entity.paper-not-acknowledged", "ezibpy/issues/40")]
    [InlineData("ERROR 7 321 Error validating request.-'ce' : cause - FA data operations ignored for non FA customers.", "entity.advisor-account-required", "deephaven-ib/issues/38")]
    // Retry exhaustion and heartbeats are platform facts, not request errors.
    [InlineData("2024-01-02 17:03:56,067|I| Max request retries reached after 2 attempts. Consider increasing the retries by setting IBEAM_REQUEST_RETRIES environment variable", "platform.retries-exhausted", "Voyz/ibeam")]
    [InlineData("06:17:01:610 JTS-CCPPingS925-91462: Warning: not received heartbeat at 2359540000 elapsed:13000", "platform.heartbeat-missed", "ib-controller/issues/141")]
    public void New_signals_classify_to_their_layer_and_cite_their_source(string line, string cause, string source)
    {
        var diagnosis = Classifier.DiagnoseLogLine(line);
        Assert.Equal(cause, diagnosis.CauseId);
        Assert.Contains(source, diagnosis.Anchor, StringComparison.Ordinal);
        Assert.Equal(DiagnosisConfidence.High, diagnosis.Confidence);
    }

    [Fact]
    public void A_failed_tickle_is_a_platform_problem_even_without_a_catalog_row()
    {
        var diagnosis = Classifier.DiagnoseLogLine("2024-03-01 10:00:00,000|E| Tickle request failed: Read timed out");
        Assert.Equal((Layer.Platform, true, DiagnosisConfidence.Low), (diagnosis.Layer, diagnosis.IsFailure, diagnosis.Confidence));
    }

    [Theory]
    // Client Portal bodies pasted as text are read as the status object or its error, not by loose keywords.
    [InlineData("{\"error\":\"not authenticated\",\"statusCode\":401}", "identity.not-authenticated")]
    [InlineData("{\"authenticated\":false,\"competing\":false,\"connected\":false},", "identity.not-authenticated")]
    [InlineData("{\"authenticated\":true,\"competing\":true,\"connected\":true,}", "platform.competing-session")]
    public void Client_portal_bodies_pasted_as_text_are_read_as_the_status_object(string body, string cause)
    {
        Assert.Equal(cause, Classifier.DiagnoseClientPortalStatus(body).Root?.CauseId);
        Assert.Equal(cause, Classifier.DiagnoseLogLine("2024-03-01 10:00:00,000|I| " + body).CauseId);
    }

    [Fact]
    public void A_healthy_tickle_body_at_debug_level_is_informational()
    {
        const string line = "21:53:38.205 DEBUG vert.x-eventloop-thread-0 ClientPortalService  : tickle {\"session\":\"e03f\",\"iserver\":{\"authStatus\":{\"authenticated\":true,\"competing\":false,\"connected\":true,\"message\":\"\"}}}";
        var diagnosis = Classifier.DiagnoseLogLine(line);
        Assert.False(diagnosis.IsFailure);
        Assert.Equal("platform.connection-ok", diagnosis.CauseId);
    }

    [Theory]
    // A host named ib-gateway or a logger path says nothing about the layer: the status and the body's error decide.
    [InlineData("IbkrClient: response error Result(data=None, request={'url': 'https://ib-gateway:5000/v1/api/iserver/reply/8c17'}) :: 400 :: Bad Request :: {\"error\":\"reply id not found: '8c17'\"}", Layer.Request)]
    [InlineData("2024-03-01 10:00:00,000 ERROR Request to https://localhost:5000/v1/api/iserver/auth/status failed with frobnication", Layer.Request)]
    public void Keyword_inference_ignores_urls_and_identifiers(string line, Layer layer)
    {
        var diagnosis = Classifier.DiagnoseLogLine(line);
        Assert.Equal((layer, true, DiagnosisConfidence.Low), (diagnosis.Layer, diagnosis.IsFailure, diagnosis.Confidence));
    }

    [Theory]
    [InlineData("2024-03-01 10:00:00,000 INFO frobnicator warmed up")]
    [InlineData("2024-03-01 10:00:00:000 IBC: Detected frame entitled: Something New; event=Opened")]
    [InlineData("This is the Client Portal Gateway")]
    public void An_unplaceable_line_without_failure_words_is_unknown_informational_with_low_confidence(string line)
    {
        var diagnosis = Classifier.DiagnoseLogLine(line);
        Assert.Equal(("unknown.informational", false, DiagnosisConfidence.Low), (diagnosis.CauseId, diagnosis.IsKnown, diagnosis.Confidence));
    }

    [Fact]
    public void An_unplaceable_failure_is_unknown_with_low_confidence_not_a_confident_layer()
    {
        var diagnosis = Classifier.DiagnoseLogLine("2024-03-01 10:00:00,000|E| frobnication failed");
        Assert.Equal(("unknown.request", DiagnosisConfidence.Low), (diagnosis.CauseId, diagnosis.Confidence));
        Assert.True(diagnosis.IsFailure);
    }
}
