namespace LoginPosture;

/// <summary>A letter grade summarising a score, A best. Values are ordered: a higher value is worse.</summary>
public enum Grade
{
    /// <summary>Strong: nothing material to fix.</summary>
    A = 0,

    /// <summary>Good: minor hardening left.</summary>
    B = 1,

    /// <summary>Fair: at least one real weakness.</summary>
    C = 2,

    /// <summary>Poor: exposed to a common attack or to lockout.</summary>
    D = 3,

    /// <summary>Failing: money or account control is exposed now.</summary>
    F = 4,
}
