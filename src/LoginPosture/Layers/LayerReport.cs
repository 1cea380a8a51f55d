namespace LoginPosture.Layers;

/// <summary>
/// The diagnoses of a batch of signals, ordered bottom-up: failures first, by layer from Entity to Request, the more
/// severe first within a layer, then input order; informational notices last, in input order. The root is the first
/// failure: the lowest failing layer, the one to fix first.
/// </summary>
public sealed class LayerReport
{
    private readonly Diagnosis[] _diagnoses;
    private IReadOnlyList<Finding>? _findings;

    internal LayerReport(Diagnosis[] ordered)
    {
        _diagnoses = ordered;
        HasFailure = ordered.Length > 0 && ordered[0].IsFailure;
    }

    /// <summary>Every diagnosis, in bottom-up order.</summary>
    public IReadOnlyList<Diagnosis> Diagnoses => _diagnoses;

    /// <summary>Whether any signal is a failure.</summary>
    public bool HasFailure { get; }

    /// <summary>The root failure, or null when no signal is a failure.</summary>
    public Diagnosis? Root => HasFailure ? _diagnoses[0] : null;

    /// <summary>
    /// The failures as findings (informational notices are left out), in <see cref="FindingOrder"/>; built on first
    /// read (once, thread-safe).
    /// </summary>
    public IReadOnlyList<Finding> Findings
    {
        get
        {
            if (_findings is null)
            {
                var findings = new List<Finding>();
                foreach (var diagnosis in _diagnoses)
                {
                    if (diagnosis.IsFailure)
                    {
                        findings.Add(diagnosis.ToFinding());
                    }
                }

                Interlocked.CompareExchange(ref _findings, FindingOrder.Sort(findings), null);
            }

            return _findings;
        }
    }

    // Bottom-up order shared by the report and LayerClassifier.TryFindRoot: negative when a should come first.
    internal static int Compare(in Diagnosis a, in Diagnosis b)
    {
        if (a.IsFailure != b.IsFailure)
        {
            return a.IsFailure ? -1 : 1;
        }

        if (!a.IsFailure)
        {
            return 0;
        }

        // Compared as integers: Enum.CompareTo takes an object and would box.
        var byLayer = ((int)a.Layer).CompareTo((int)b.Layer);
        return byLayer != 0 ? byLayer : ((int)b.Severity).CompareTo((int)a.Severity);
    }
}
