namespace LoginPosture.Layers;

/// <summary>The log-line half of the classifier: web-API parts, then the rules, then inference that reads the header (level, source).</summary>
public sealed partial class LayerClassifier
{
    private const string HealthyPortalAnchor = "Client Portal auth status (/iserver/auth/status, /tickle): authenticated=true, connected=true, competing=false is a healthy session";

    // The rules a Client Portal auth-status object in a line resolves to, indexed by PortalState.
    private readonly MatchRule?[] _portalRules;

    // A log line whose code (if any) decided nothing. The order: the HTTP status with a keyword of the body's error
    // text, then of the line; a keyword of the error text, then of the line; a Client Portal status object; the HTTP
    // status alone; inference, which reads the header's level and asks for words that state a failure.
    private Diagnosis DiagnoseDecorated(in FailureSignal signal, ReadOnlySpan<char> line)
    {
        // The web-API parts first: they decide before any keyword. The header (level, source) is read only when
        // inference needs it, so a line a rule decides pays for a few vectorised searches and nothing more.
        var (bodyStatus, body) = WebApiBody.Find(line, new Segment(0, line.Length));
        var errorText = body.IsEmpty ? default : WebApiBody.ErrorText(line, body).Of(line);
        var source = SignalSource.Log;

        KeyedRules? statusRules = null;
        if ((signal.HttpStatus ?? bodyStatus) is { } status && _byHttpStatus.TryGetValue(status, out statusRules)
            && (statusRules.Match(errorText, source, allowKeyOnly: false) ?? statusRules.Match(line, source, allowKeyOnly: false)) is { } byStatusAndKeyword)
        {
            return new Diagnosis(signal, byStatusAndKeyword.Cause, byStatusAndKeyword.Anchor, SignalMatch.HttpStatusAndKeyword);
        }

        if (((errorText.IsEmpty ? null : _keywords.Find(errorText, source)) ?? _keywords.Find(line, source)) is { } byKeyword)
        {
            return new Diagnosis(signal, byKeyword.Cause, byKeyword.Anchor, SignalMatch.Keyword);
        }

        if (_portalRules[(int)PortalStatus.Read(body.IsEmpty ? line : body.Of(line))] is { } byPortal)
        {
            return new Diagnosis(signal, byPortal.Cause, byPortal.Anchor, SignalMatch.Keyword);
        }

        if (statusRules?.Match(line, source, allowKeyOnly: true) is { } byStatus)
        {
            return new Diagnosis(signal, byStatus.Cause, byStatus.Anchor, SignalMatch.HttpStatus);
        }

        // A response body's error text is the most specific wording the line has; the message is read when there is none.
        var header = LogDecorationParser.Header(line);
        var wording = errorText.IsEmpty ? header.Message.Of(line) : errorText;
        var inferred = Infer(signal with { HttpStatus = signal.HttpStatus ?? bodyStatus }, wording, header.Level, requireFailureWords: true);
        return new Diagnosis(signal, inferred, Diagnosis.InferredAnchor, SignalMatch.Inferred);
    }

    // No rule matched. A log line that states no failure (no error level, no failure words; at a debug or info level
    // only explicit ones such as "failed" or "refused") is informational. Otherwise: the lowest layer the words point
    // at, URLs and identifiers ignored; else the code range or HTTP status; else Request, which never claims the root
    // of a batch over a recognised lower layer.
    private FailureCause Infer(in FailureSignal signal, ReadOnlySpan<char> text, LogLevel level, bool requireFailureWords)
    {
        if (signal.Code is >= 2100 and <= 2199)
        {
            return _catalog.UnknownInformational; // TWS reserves 2100-2199 for warnings.
        }

        var mayBeInformational = requireFailureWords && level != LogLevel.Error && signal.HttpStatus is null or < 400;
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

        var layerFromNumbers = signal.HttpStatus switch
        {
            401 or 407 => Layer.Identity,
            403 => Layer.Permissions,
            >= 500 and <= 599 => Layer.Platform,
            _ => signal.Code is (>= 500 and <= 599) or (>= 1100 and <= 1399) ? Layer.Platform : Layer.Request,
        };
        return _catalog.Unknown(layerFromNumbers);
    }

    private static MatchRule?[] PortalRules(KeywordIndex keywords, LayerCatalog catalog)
    {
        var rules = new MatchRule?[(int)PortalState.NotConnected + 1];
        rules[(int)PortalState.Healthy] = new MatchRule(catalog.Causes["platform.connection-ok"], HealthyPortalAnchor, null, null, custom: false, order: -1);
        rules[(int)PortalState.NotAuthenticated] = keywords.Find("authenticated=false", SignalSource.ClientPortal);
        rules[(int)PortalState.Competing] = keywords.Find("competing=true", SignalSource.ClientPortal);
        rules[(int)PortalState.NotConnected] = keywords.Find("connected=false", SignalSource.ClientPortal);
        return rules;
    }
}
