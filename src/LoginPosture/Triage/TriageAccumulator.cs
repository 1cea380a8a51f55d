using LoginPosture.Layers;

namespace LoginPosture.Triage;

/// <summary>
/// Folds classified lines into per-cause and per-layer tallies. Memory is bounded by the number of distinct causes
/// (the catalog's size), never by the number of lines: a line is classified from a span, and only the first line of
/// a cause is kept, redacted, as its example. Not thread-safe: one accumulator reads one log.
/// </summary>
internal sealed class TriageAccumulator(LayerClassifier classifier, DateOnly? startDate, bool cacheShapes)
{
    // An example is a quote, not a copy of the log.
    private const int MaxExample = 300;

    private readonly Dictionary<FailureCause, Tally> _causes = new(ReferenceEqualityComparer.Instance);
    private readonly Tally?[] _layers = new Tally?[(int)Layer.Request + 1];
    private readonly VerdictCache? _cache = cacheShapes ? new VerdictCache() : null;
    private TriageClock _clock = new(startDate);
    private FailureCause? _lastCause;
    private Tally? _lastTally;
    private long _lines, _blank, _failing, _invalid, _truncated;
    private long? _firstInvalid, _firstTruncated;

    /// <summary>One line, decoded; <paramref name="truncated"/> when its tail was cut off.</summary>
    public void Add(ReadOnlySpan<char> line, bool truncated)
    {
        var number = ++_lines;
        if (truncated)
        {
            _truncated++;
            _firstTruncated ??= number;
        }

        if (line.IsWhiteSpace())
        {
            _blank++;
            return;
        }

        // The cache keeps where a shape's timestamp starts, so a repeated line skips the header parse.
        var stampAt = -1;
        var verdict = _cache is null ? classifier.ClassifyLogLine(line) : _cache.Classify(classifier, line, out stampAt);
        var time = _cache is null ? _clock.Read(line) : _clock.Read(line, stampAt);
        Tally tally;
        if (ReferenceEquals(verdict.Cause, _lastCause))
        {
            tally = _lastTally!;
        }
        else if (!_causes.TryGetValue(verdict.Cause, out tally!))
        {
            tally = new Tally(verdict.Cause.Id, verdict.Anchor, number, Example(line));
            _causes.Add(verdict.Cause, tally);
        }

        _lastCause = verdict.Cause;
        _lastTally = tally;
        tally.Count(number, time);
        if (verdict.Cause.IsFailure)
        {
            _failing++;
            (_layers[(int)verdict.Cause.Layer] ??= new Tally(verdict.Cause.Id, "", number, "")).Count(number, time);
        }
    }

    /// <summary>A line that is not valid UTF-8: counted and skipped.</summary>
    public void AddInvalid()
    {
        var number = ++_lines;
        _invalid++;
        _firstInvalid ??= number;
    }

    public LogTriageReport Build()
    {
        var causes = new List<TriageCause>(_causes.Count);
        foreach (var (cause, tally) in _causes)
        {
            causes.Add(new TriageCause(cause, tally.Anchor, tally.Lines, tally.FirstLine, tally.LastLine, tally.FirstSeen, tally.LastSeen, tally.Example));
        }

        causes.Sort(CompareBottomUp);
        TriageCause? root = null;
        foreach (var cause in causes)
        {
            if (cause.Cause.IsFailure && (root is null || CompareRoot(cause, root) < 0))
            {
                root = cause;
            }
        }

        var stages = new List<TriageStage>();
        for (var layer = 0; layer < _layers.Length; layer++)
        {
            if (_layers[layer] is { } t)
            {
                stages.Add(new TriageStage((Layer)layer, t.CauseId, t.Lines, t.FirstLine, t.LastLine, t.FirstSeen, t.LastSeen));
            }
        }

        stages.Sort(static (a, b) => a.FirstLine.CompareTo(b.FirstLine));
        var counts = new LogTriageCounts(_lines, _blank, _failing, _invalid, _truncated, _firstInvalid, _firstTruncated);
        return new LogTriageReport(counts, causes, root, stages);
    }

    // Failures first, bottom-up by layer, the more severe first, then by id; informational causes after, by layer and id.
    private static int CompareBottomUp(TriageCause a, TriageCause b)
    {
        var c = b.Cause.IsFailure.CompareTo(a.Cause.IsFailure);
        c = c != 0 ? c : ((int)a.Cause.Layer).CompareTo((int)b.Cause.Layer);
        c = c != 0 ? c : ((int)b.Cause.Severity).CompareTo((int)a.Cause.Severity);
        return c != 0 ? c : string.CompareOrdinal(a.Cause.Id, b.Cause.Id);
    }

    // The root: the lowest failing layer, the most severe within it, then the earliest.
    private static int CompareRoot(TriageCause a, TriageCause b)
    {
        var c = ((int)a.Cause.Layer).CompareTo((int)b.Cause.Layer);
        c = c != 0 ? c : ((int)b.Cause.Severity).CompareTo((int)a.Cause.Severity);
        return c != 0 ? c : a.FirstLine.CompareTo(b.FirstLine);
    }

    private static string Example(ReadOnlySpan<char> line)
    {
        // Redacted before it is cut, so that a cut cannot leave part of a secret too short to be recognised.
        var redacted = Redaction.Redact(line.Trim().ToString());
        return redacted.Length > MaxExample ? string.Concat(redacted.AsSpan(0, MaxExample), "...") : redacted;
    }

    private sealed class Tally(string causeId, string anchor, long firstLine, string example)
    {
        public string CauseId { get; } = causeId;

        public string Anchor { get; } = anchor;

        public string Example { get; } = example;

        public long FirstLine { get; } = firstLine;

        public long LastLine { get; private set; }

        public long Lines { get; private set; }

        public DateTime? FirstSeen { get; private set; }

        public DateTime? LastSeen { get; private set; }

        public void Count(long line, DateTime? time)
        {
            Lines++;
            LastLine = line;
            if (time is { } t)
            {
                FirstSeen ??= t;
                LastSeen = t;
            }
        }
    }
}
