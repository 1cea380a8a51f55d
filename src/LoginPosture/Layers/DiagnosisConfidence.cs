namespace LoginPosture.Layers;

/// <summary>How much a diagnosis can be trusted, from how it was reached (<see cref="SignalMatch"/>).</summary>
public enum DiagnosisConfidence
{
    /// <summary>Inferred from the wording, code range or HTTP status: no catalog row or configured rule matched.</summary>
    Low = 0,

    /// <summary>Decided by an HTTP status alone, which several causes share.</summary>
    Medium = 1,

    /// <summary>Decided by a code, a keyword, or both.</summary>
    High = 2,
}
