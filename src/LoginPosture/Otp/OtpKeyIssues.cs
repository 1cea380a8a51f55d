namespace LoginPosture.Otp;

/// <summary>What is wrong or worth knowing about an enrolment key (<see cref="OtpKeyUri"/>).</summary>
[Flags]
public enum OtpKeyIssues
{
    /// <summary>Nothing found.</summary>
    None = 0,

    /// <summary>The secret is shorter than 128 bits: RFC 4226 §4 R6 says it MUST be at least 128 (NIST's floor is 112). Unacceptable.</summary>
    SecretBelow128Bits = 1 << 0,

    /// <summary>The secret is shorter than the 160 bits RFC 4226 §4 R6 recommends. Weak.</summary>
    SecretBelow160Bits = 1 << 1,

    /// <summary>Fewer than six digits: below RFC 4226 §5.3 and NIST SP 800-63B rev 4 §3.1.4.1. Unacceptable.</summary>
    DigitsBelowSix = 1 << 2,

    /// <summary>More than eight digits: outside what RFC 4226 §5.3 defines, so authenticators disagree on the code. Unacceptable.</summary>
    DigitsAboveEight = 1 << 3,

    /// <summary>The period is longer than 60 seconds: a stolen code stays usable longer than the design's limit. Weak.</summary>
    PeriodAbove60Seconds = 1 << 4,

    /// <summary>The period is longer than two minutes: NIST SP 800-63B rev 4 §3.1.4.1 wants the time nonce changed at least every two minutes. Unacceptable.</summary>
    PeriodAbove120Seconds = 1 << 5,

    /// <summary>
    /// The algorithm, digits or period differ from SHA-1, 6 and 30 s. Not weaker, but some authenticator apps ignore
    /// these parameters (the Google Authenticator key-URI format notes this) and would show wrong codes: test the
    /// enrolment with the user's app. Advisory only.
    /// </summary>
    NonDefaultParameters = 1 << 6,
}
