using System.Globalization;

namespace LoginPosture.Layers;

/// <summary>
/// The classifier's answer for one signal: the layer that failed (or that the notice is about), the cause, the
/// retry advice and the fix. A small struct holding references to shared catalog data: creating one
/// allocates nothing, and the text is only read when asked for.
/// </summary>
public readonly record struct Diagnosis
{
    private readonly FailureCause? _cause;
    private readonly string? _anchor;

    internal Diagnosis(in FailureSignal signal, FailureCause cause, string anchor, SignalMatch match)
    {
        Signal = signal;
        _cause = cause;
        _anchor = anchor;
        Match = match;
    }

    /// <summary>The signal that was classified.</summary>
    public FailureSignal Signal { get; }

    /// <summary>The cause; an <c>unknown.*</c> cause when nothing in the catalog matched.</summary>
    public FailureCause Cause => _cause ?? LayerCatalog.BuiltIn.Unknown(Layer.Request);

    /// <summary>How the diagnosis was reached.</summary>
    public SignalMatch Match { get; }

    /// <summary>How much the diagnosis can be trusted: <see cref="DiagnosisConfidence.Low"/> when the layer was inferred.</summary>
    public DiagnosisConfidence Confidence => Match switch
    {
        SignalMatch.Inferred => DiagnosisConfidence.Low,
        SignalMatch.HttpStatus => DiagnosisConfidence.Medium,
        _ => DiagnosisConfidence.High,
    };

    /// <summary>Whether the signal is a failure; false for informational notices.</summary>
    public bool IsFailure => Cause.IsFailure;

    /// <summary>The layer that failed; for an informational notice, the layer it reports on.</summary>
    public Layer Layer => Cause.Layer;

    /// <summary>A stable identifier of the cause, such as <c>identity.login-throttled</c>.</summary>
    public string CauseId => Cause.Id;

    /// <summary>What a client should do next.</summary>
    public RetryAdvice Retry => Cause.Retry;

    /// <summary>How urgently a person should act.</summary>
    public Severity Severity => Cause.Severity;

    /// <summary>What a person can do to resolve the failure.</summary>
    public string Fix => Cause.Fix;

    /// <summary>Whether the catalog recognised the signal (false when the layer was inferred).</summary>
    public bool IsKnown => Cause.IsKnown;

    /// <summary>The public source behind the catalog row that matched (an IBKR document, a wrapper's file, an issue).</summary>
    public string Anchor => _anchor ?? InferredAnchor;

    internal const string InferredAnchor = "LoginPosture layer inference: no catalog row matched; layer read from the wording, code range or HTTP status";

    // The diagnosis as a finding for a report: the cause id, severity, layer, fix and anchor; the message states the
    // cause and quotes the signal.
    internal Finding ToFinding() =>
        new(CauseId, Severity, Layer, $"{Cause.Title} Signal: {Describe(Signal)}", Fix, Anchor);

    /// <inheritdoc />
    public override string ToString() => $"{(IsFailure ? Layer.ToString() : "Info")} {CauseId} ({Retry})";

    private static string Describe(in FailureSignal signal)
    {
        const int MaxQuote = 200;
        // Secrets in the quoted text (apiKey=..., a bearer token, a known key format) are redacted before it is cut.
        var redacted = Redaction.Redact(signal.Message);
        var message = redacted is { Length: > MaxQuote } ? string.Concat(redacted.AsSpan(0, MaxQuote), "...") : redacted;
        var code = signal.Code is { } c ? string.Create(CultureInfo.InvariantCulture, $"code {c} ") : "";
        var status = signal.HttpStatus is { } s ? string.Create(CultureInfo.InvariantCulture, $"HTTP {s} ") : "";
        return $"{signal.Source} {code}{status}\"{message}\"";
    }
}
