namespace LoginPosture.ApiKeys;

/// <summary>
/// The overall risk of an API key: the severity of its worst finding, or <see cref="None"/> without findings.
/// Values are ordered: a higher value is riskier.
/// </summary>
public enum ApiKeyRisk
{
    /// <summary>No finding.</summary>
    None = 0,

    /// <summary>The worst finding is <see cref="Severity.Low"/>.</summary>
    Low = 1,

    /// <summary>The worst finding is <see cref="Severity.Medium"/>.</summary>
    Medium = 2,

    /// <summary>The worst finding is <see cref="Severity.High"/>.</summary>
    High = 3,

    /// <summary>The worst finding is <see cref="Severity.Critical"/>.</summary>
    Critical = 4,
}
