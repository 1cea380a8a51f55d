namespace LoginPosture.Layers;

/// <summary>The log-line half of the classifier: web-API parts, then the rules, then inference that reads the header (level, source).</summary>
public sealed partial class LayerClassifier
{
    private const string HealthyPortalAnchor = "Client Portal auth status (/iserver/auth/status, /tickle): authenticated=true, connected=true, competing=false is a healthy session";

    // The rules a Client Portal auth-status object in a line resolves to, indexed by PortalState.
    private readonly CauseMatcher?[] _portalRules;

    /// <summary>
    /// Classifies a raw log line held in a span, exactly as <see cref="DiagnoseLogLine(string?)"/> classifies the same
    /// text, without allocating: the streaming triage reads lines into a reused buffer and keeps only the cause.
    /// </summary>
    internal LineVerdict ClassifyLogLine(ReadOnlySpan<char> line)
    {
        var (code, status) = FailureSignal.ReadLogLine(line);
        if (code is { } value && _byCode.TryGetValue(value, out var codeRules)
            && codeRules.Match(line, SignalSource.Log, allowKeyOnly: true) is { } byCode)
        {
            return new LineVerdict(byCode.Cause, byCode.Anchor, byCode.Keyword is null ? SignalMatch.Code : SignalMatch.CodeAndKeyword);
        }

        return line.IsEmpty
            ? new LineVerdict(Infer(code, status, line, LogLevel.None, requireFailureWords: false), Diagnosis.InferredAnchor, SignalMatch.Inferred)
            : ClassifyDecorated(line, code, status);
    }

    // A log line whose code (if any) decided nothing. The order: the HTTP status with a keyword of the body's error
    // text, then of the line; a keyword of the error text, then of the line; a Client Portal status object; the HTTP
    // status alone; inference, which reads the header's level and asks for words that state a failure.
    private LineVerdict ClassifyDecorated(ReadOnlySpan<char> line, int? code, int? signalStatus)
    {
        // The web-API parts first: they decide before any keyword. The header (level, source) is read only when
        // inference needs it, so a line a rule decides pays for a few vectorised searches and nothing more.
        var (bodyStatus, body) = WebApiBody.Find(line, new Segment(0, line.Length));
        var errorText = body.IsEmpty ? default : WebApiBody.ErrorText(line, body).Of(line);
        var source = SignalSource.Log;

        KeyedMatchers? statusRules = null;
        if ((signalStatus ?? bodyStatus) is { } status && _byHttpStatus.TryGetValue(status, out statusRules)
            && (statusRules.Match(errorText, source, allowKeyOnly: false) ?? statusRules.Match(line, source, allowKeyOnly: false)) is { } byStatusAndKeyword)
        {
            return new LineVerdict(byStatusAndKeyword.Cause, byStatusAndKeyword.Anchor, SignalMatch.HttpStatusAndKeyword);
        }

        if (((errorText.IsEmpty ? null : _keywords.Find(errorText, source)) ?? _keywords.Find(line, source)) is { } byKeyword)
        {
            return new LineVerdict(byKeyword.Cause, byKeyword.Anchor, SignalMatch.Keyword);
        }

        if (_portalRules[(int)PortalStatus.Read(body.IsEmpty ? line : body.Of(line))] is { } byPortal)
        {
            return new LineVerdict(byPortal.Cause, byPortal.Anchor, SignalMatch.Keyword);
        }

        if (statusRules?.Match(line, source, allowKeyOnly: true) is { } byStatus)
        {
            return new LineVerdict(byStatus.Cause, byStatus.Anchor, SignalMatch.HttpStatus);
        }

        // A response body's error text is the most specific wording the line has; the message is read when there is none.
        var header = LogDecorationParser.Header(line);
        var wording = errorText.IsEmpty ? header.Message.Of(line) : errorText;
        var inferred = Infer(code, signalStatus ?? bodyStatus, wording, header.Level, requireFailureWords: true);
        return new LineVerdict(inferred, Diagnosis.InferredAnchor, SignalMatch.Inferred);
    }

    // No rule matched. A log line that states no failure (no error level, no failure words; at a debug or info level
    // only explicit ones such as "failed" or "refused") is informational. Otherwise: the lowest layer the words point
    // at, URLs and identifiers ignored; else the code range or HTTP status; else Request, which never claims the root
    // of a batch over a recognised lower layer.
    private FailureCause Infer(int? code, int? httpStatus, ReadOnlySpan<char> text, LogLevel level, bool requireFailureWords)
    {
        if (code is >= 2100 and <= 2199)
        {
            return _catalog.UnknownInformational; // TWS reserves 2100-2199 for warnings.
        }

        var mayBeInformational = requireFailureWords && level != LogLevel.Error && httpStatus is null or < 400;
        var informationalLevel = level is LogLevel.Debug or LogLevel.Info;

        // At an informational level only strong words count: a line with none of them anywhere needs no word pass.
        if (mayBeInformational && informationalLevel && !LayerInference.MayStateFailureStrongly(text))
        {
            return _catalog.UnknownInformational;
        }

        var words = LayerInference.Read(text);
        if (mayBeInformational && !words.StatesFailure(informationalLevel))
        {
            return _catalog.UnknownInformational;
        }

        if (words.Hint is { } hinted)
        {
            return _catalog.Unknown(hinted);
        }

        var layerFromNumbers = httpStatus switch
        {
            401 or 407 => Layer.Identity,
            403 => Layer.Permissions,
            >= 500 and <= 599 => Layer.Platform,
            _ => code is (>= 500 and <= 599) or (>= 1100 and <= 1399) ? Layer.Platform : Layer.Request,
        };
        return _catalog.Unknown(layerFromNumbers);
    }

    private static CauseMatcher?[] PortalRules(KeywordIndex keywords, LayerCatalog catalog)
    {
        var rules = new CauseMatcher?[(int)PortalState.NotConnected + 1];
        rules[(int)PortalState.Healthy] = new CauseMatcher(catalog.Causes["platform.connection-ok"], HealthyPortalAnchor, null, null, custom: false, order: -1);
        rules[(int)PortalState.NotAuthenticated] = keywords.Find("authenticated=false", SignalSource.ClientPortal);
        rules[(int)PortalState.Competing] = keywords.Find("competing=true", SignalSource.ClientPortal);
        rules[(int)PortalState.NotConnected] = keywords.Find("connected=false", SignalSource.ClientPortal);
        return rules;
    }
}

/// <summary>The cause a rule (or inference) gave a line, the anchor of that rule and how it matched.</summary>
internal readonly record struct LineVerdict(FailureCause Cause, string Anchor, SignalMatch Match);
