namespace LoginPosture;

/// <summary>How urgently a finding should be acted on. Values are ordered: a higher value is more urgent.</summary>
public enum Severity
{
    /// <summary>Worth knowing; nothing needs to change.</summary>
    Info = 0,

    /// <summary>A hardening opportunity with little exposure today.</summary>
    Low = 1,

    /// <summary>A real weakness that should be fixed in the normal course of work.</summary>
    Medium = 2,

    /// <summary>A weakness an attacker or an outage can plausibly exploit; fix soon.</summary>
    High = 3,

    /// <summary>Money or account control is exposed now; fix before the next session.</summary>
    Critical = 4,
}
