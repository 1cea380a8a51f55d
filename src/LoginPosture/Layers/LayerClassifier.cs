using System.Collections.Frozen;

namespace LoginPosture.Layers;

/// <summary>
/// Tells which layer of the login stack a failure signal belongs to (Entity, Identity, Permissions, Platform,
/// Request) or that it is only informational, with the cause, retry advice and a remediation. Built from a labelled
/// catalog of real IBKR signals plus any configured rules. Immutable after construction and safe to call from many
/// threads; classifying one signal allocates nothing and never throws on content.
/// </summary>
/// <remarks>
/// A signal is decided by the first of these (the full order, with the log-line steps, is in docs/layer-classifier.md):
/// <list type="number">
/// <item>its code with a keyword of its message (codes such as 162, 200, 201, 321, 420 and 10189 mean different layers
/// depending on the text), then its code alone;</item>
/// <item>its HTTP status with a keyword (for a log line: of the response body's <c>error</c> text first);</item>
/// <item>a keyword alone (for a log line: the body's <c>error</c> text first, then the whole line);</item>
/// <item>for a log line, a Client Portal auth-status object written into it;</item>
/// <item>its HTTP status alone;</item>
/// <item>inference from the wording: for a log line, nothing that states a failure (at an informational level only
/// explicit failure words count) makes it informational; otherwise the lowest layer its words point at, URLs and
/// identifiers ignored, else the code range or HTTP status, else Request.</item>
/// </list>
/// Keywords are stable fragments matched case-insensitively where a word of the message starts, so prefixes, farm
/// suffixes and log decoration do not matter; the longest matching keyword wins. An inferred diagnosis has an
/// <c>unknown.&lt;layer&gt;</c> cause and <see cref="DiagnosisConfidence.Low"/> confidence.
/// </remarks>
public sealed partial class LayerClassifier
{
    private readonly FrozenDictionary<int, KeyedMatchers> _byCode;
    private readonly FrozenDictionary<int, KeyedMatchers> _byHttpStatus;
    private readonly KeywordIndex _keywords;
    private readonly LayerCatalog _catalog;

    internal KeywordIndex Keywords => _keywords;

    /// <summary>Every keyword of every rule, keyed or not (the streaming triage checks them before it caches by line shape).</summary>
    internal IEnumerable<string> KeywordTexts =>
        _byCode.Values.Concat(_byHttpStatus.Values).SelectMany(static r => r.All).Concat(_keywords.Rules)
            .Select(static r => r.Keyword).OfType<string>();

    /// <summary>Creates a classifier from the built-in catalog and the configured rules.</summary>
    /// <param name="options">The settings; null for the built-in catalog alone. Read once here and never again.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A rule is invalid; the exception lists every error.</exception>
    public LayerClassifier(LayerClassifierOptions? options = null)
    {
        options ??= new LayerClassifierOptions();
        var errors = new List<string>();
        options.Validate(errors);
        OptionsErrors.ThrowIfAny<LayerClassifierOptions>(errors);

        _catalog = LayerCatalog.BuiltIn;
        var byCode = new Dictionary<int, List<CauseMatcher>>();
        var byStatus = new Dictionary<int, List<CauseMatcher>>();
        var keywords = new List<CauseMatcher>();
        var order = 0;
        foreach (var rule in options.Entries)
        {
            var cause = new FailureCause(rule.CauseId, rule.Layer, rule.IsFailure, rule.Retry, rule.Severity, rule.Title.Trim(), rule.Fix.Trim());
            var compiled = new CauseMatcher(cause, rule.Anchor.Trim(), rule.Keyword?.Trim(), rule.Source, custom: true, order++);
            var key = rule.Code ?? rule.HttpStatus;
            if (key is { } value)
            {
                Add(rule.Code is null ? byStatus : byCode, value, compiled);
            }
            else
            {
                keywords.Add(compiled);
            }
        }

        foreach (var row in _catalog.Rows)
        {
            AddCatalogRow(row, row.Key.Kind == RuleKey.Code ? byCode : byStatus, keywords, ref order);
        }

        _byCode = Compile(byCode);
        _byHttpStatus = Compile(byStatus);
        keywords.Sort(CauseMatcher.ComparePriority);
        _keywords = new KeywordIndex([.. keywords]);
        _portalRules = PortalRules(_keywords, _catalog);
    }

    /// <summary>Classifies one failure signal.</summary>
    /// <param name="signal">The signal; any code, message or status is accepted.</param>
    /// <returns>The diagnosis; an <c>unknown.*</c> cause, with the layer the wording supports, when nothing matched.</returns>
    /// <exception cref="ArgumentException">The signal's source is not a defined <see cref="SignalSource"/>.</exception>
    public Diagnosis Diagnose(in FailureSignal signal)
    {
        var source = signal.Source;
        if ((uint)source > (uint)SignalSource.Log)
        {
            Guard.ThrowUndefined(source, "signal.Source");
        }

        var text = signal.Message.AsSpan();
        if (signal.Code is { } code && _byCode.TryGetValue(code, out var codeRules)
            && codeRules.Match(text, source, allowKeyOnly: true) is { } byCode)
        {
            return new Diagnosis(signal, byCode.Cause, byCode.Anchor, byCode.Keyword is null ? SignalMatch.Code : SignalMatch.CodeAndKeyword);
        }

        if (source == SignalSource.Log && !text.IsEmpty)
        {
            var verdict = ClassifyDecorated(text, signal.Code, signal.HttpStatus);
            return new Diagnosis(signal, verdict.Cause, verdict.Anchor, verdict.Match);
        }

        KeyedMatchers? statusRules = null;
        if (signal.HttpStatus is { } status && _byHttpStatus.TryGetValue(status, out statusRules)
            && statusRules.Match(text, source, allowKeyOnly: false) is { } byStatusAndKeyword)
        {
            return new Diagnosis(signal, byStatusAndKeyword.Cause, byStatusAndKeyword.Anchor, SignalMatch.HttpStatusAndKeyword);
        }

        if (!text.IsEmpty && _keywords.Find(text, source) is { } byKeyword)
        {
            return new Diagnosis(signal, byKeyword.Cause, byKeyword.Anchor, SignalMatch.Keyword);
        }

        if (statusRules?.Match(text, source, allowKeyOnly: true) is { } byStatus)
        {
            return new Diagnosis(signal, byStatus.Cause, byStatus.Anchor, SignalMatch.HttpStatus);
        }

        return new Diagnosis(signal, Infer(signal.Code, signal.HttpStatus, text, LogLevel.None, requireFailureWords: false), Diagnosis.InferredAnchor, SignalMatch.Inferred);
    }

    /// <summary>Classifies a log line (see <see cref="FailureSignal.FromLogLine(string?)"/> for the forms recognised).</summary>
    /// <param name="line">The raw log line.</param>
    /// <returns>The diagnosis.</returns>
    public Diagnosis DiagnoseLogLine(string? line) => Diagnose(FailureSignal.FromLogLine(line));

    /// <summary>Classifies a batch of signals and orders the diagnoses bottom-up, naming the root (the lowest failing layer).</summary>
    /// <param name="signals">The signals, for example every error seen since a login or an order was attempted.</param>
    /// <returns>The ordered report.</returns>
    /// <exception cref="ArgumentException">A signal's source is not a defined <see cref="SignalSource"/>.</exception>
    public LayerReport Diagnose(ReadOnlySpan<FailureSignal> signals)
    {
        var diagnoses = new Diagnosis[signals.Length];
        var order = new int[signals.Length];
        for (var i = 0; i < signals.Length; i++)
        {
            diagnoses[i] = Diagnose(signals[i]);
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = LayerReport.Compare(diagnoses[a], diagnoses[b]);
            return c != 0 ? c : a.CompareTo(b);
        });

        return new LayerReport([.. order.Select(i => diagnoses[i])]);
    }

    /// <summary>Classifies a Client Portal <c>/iserver/auth/status</c> or <c>/tickle</c> JSON body.</summary>
    /// <param name="body">The response body.</param>
    /// <returns>The ordered report; no diagnoses when the session is healthy.</returns>
    public LayerReport DiagnoseClientPortalStatus(string? body) => Diagnose(FailureSignal.FromClientPortalStatus(body));

    /// <summary>Finds the root failure of a batch without allocating: the same root a <see cref="LayerReport"/> names.</summary>
    /// <param name="signals">The signals.</param>
    /// <param name="root">The lowest failing layer's diagnosis (the most severe within it, then the earliest).</param>
    /// <returns>False when no signal is a failure.</returns>
    /// <exception cref="ArgumentException">A signal's source is not a defined <see cref="SignalSource"/>.</exception>
    public bool TryFindRoot(ReadOnlySpan<FailureSignal> signals, out Diagnosis root)
    {
        root = default;
        var found = false;
        foreach (ref readonly var signal in signals)
        {
            var diagnosis = Diagnose(signal);
            if (diagnosis.IsFailure && (!found || LayerReport.Compare(diagnosis, root) < 0))
            {
                root = diagnosis;
                found = true;
            }
        }

        return found;
    }

    /// <summary>Every cause the classifier can return: the built-in catalog's and the configured rules'.</summary>
    /// <returns>The causes, ordered by id.</returns>
    public IReadOnlyList<FailureCause> Causes()
    {
        var all = new SortedDictionary<string, FailureCause>(StringComparer.Ordinal);
        foreach (var cause in _catalog.Causes.Values)
        {
            all[cause.Id] = cause;
        }

        foreach (var rules in _byCode.Values.Concat(_byHttpStatus.Values))
        {
            foreach (var rule in rules.All)
            {
                all[rule.Cause.Id] = rule.Cause;
            }
        }

        foreach (var cause in _keywords.Causes)
        {
            all[cause.Id] = cause;
        }

        return [.. all.Values];
    }

    // A catalog row becomes one rule per use: keyed on its code or status (with or without its keyword), or keyed
    // on its keyword alone (optionally for one source kind).
    private static void AddCatalogRow(CatalogRow row, Dictionary<int, List<CauseMatcher>> keyed, List<CauseMatcher> keywords, ref int order)
    {
        foreach (var use in row.Use.Split(','))
        {
            var rule = use switch
            {
                "code" => new CauseMatcher(row.Cause, row.Source, null, null, custom: false, order++),
                "code+kw" or "text" => new CauseMatcher(row.Cause, row.Source, row.Keyword, null, custom: false, order++),
                _ => new CauseMatcher(row.Cause, row.Source, row.Keyword, Enum.Parse<SignalSource>(use["text@".Length..], ignoreCase: true), custom: false, order++),
            };

            if (use.StartsWith("code", StringComparison.Ordinal))
            {
                Add(keyed, row.Key.Value, rule);
            }
            else
            {
                keywords.Add(rule);
            }
        }
    }

    private static void Add(Dictionary<int, List<CauseMatcher>> target, int key, CauseMatcher rule)
    {
        if (!target.TryGetValue(key, out var list))
        {
            target[key] = list = [];
        }

        list.Add(rule);
    }

    private static FrozenDictionary<int, KeyedMatchers> Compile(Dictionary<int, List<CauseMatcher>> rules) =>
        rules.ToFrozenDictionary(static p => p.Key, static p => new KeyedMatchers(p.Value));
}
