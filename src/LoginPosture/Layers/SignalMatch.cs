namespace LoginPosture.Layers;

/// <summary>How a diagnosis was reached, from the strongest evidence to the weakest.</summary>
public enum SignalMatch
{
    /// <summary>The code together with a keyword of its message (a code reused across layers).</summary>
    CodeAndKeyword = 0,

    /// <summary>The code alone.</summary>
    Code = 1,

    /// <summary>The HTTP status together with a keyword of the body.</summary>
    HttpStatusAndKeyword = 2,

    /// <summary>A keyword of the message, without a deciding code.</summary>
    Keyword = 3,

    /// <summary>The HTTP status alone.</summary>
    HttpStatus = 4,

    /// <summary>Nothing in the catalog matched; the layer is inferred from the wording, code range or HTTP status.</summary>
    Inferred = 5,
}
