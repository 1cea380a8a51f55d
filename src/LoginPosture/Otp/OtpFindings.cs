namespace LoginPosture.Otp;

/// <summary>
/// The OTP enrolment rules, OT001 to OT007, declared once: one per <see cref="OtpKeyIssues"/> flag. Every one sits at
/// <see cref="Layer.Identity"/>; each is raised by one detection in <see cref="OtpEnrolmentCheck"/> and documented at
/// its <see cref="FindingRule.HelpUri"/>.
/// </summary>
public static class OtpFindings
{
    private const string Nist = "NIST SP 800-63B rev 4 §3.1.4.1";

    /// <summary>OT001: the shared secret is shorter than 128 bits (<see cref="OtpKeyIssues.SecretBelow128Bits"/>).</summary>
    public static FindingRule SecretBelow128Bits { get; } = new(
        "OT001", "OTP secret below 128 bits", Severity.High, Layer.Identity,
        $"RFC 4226 §4 R6 (the shared secret MUST be at least 128 bits); {Nist} (a floor of 112 bits)",
        "Re-enrol the authenticator with a new secret of at least 160 bits (20 bytes, 32 base32 characters), then remove the old enrolment.");

    /// <summary>OT002: the shared secret is at least 128 but shorter than 160 bits (<see cref="OtpKeyIssues.SecretBelow160Bits"/>).</summary>
    public static FindingRule SecretBelow160Bits { get; } = new(
        "OT002", "OTP secret below the recommended 160 bits", Severity.Low, Layer.Identity,
        "RFC 4226 §4 R6 (a shared secret of 160 bits is recommended)",
        "At the next re-enrolment, ask for a secret of 160 bits or more (20 bytes, 32 base32 characters).");

    /// <summary>OT003: the codes have fewer than six digits (<see cref="OtpKeyIssues.DigitsBelowSix"/>).</summary>
    public static FindingRule DigitsBelowSix { get; } = new(
        "OT003", "OTP codes shorter than six digits", Severity.High, Layer.Identity,
        $"RFC 4226 §5.3 (at least six digits); {Nist} (at least six decimal digits)",
        "Re-enrol with 6-digit codes (the default); a shorter code is guessed in far fewer attempts.");

    /// <summary>OT004: the codes have more than eight digits (<see cref="OtpKeyIssues.DigitsAboveEight"/>).</summary>
    public static FindingRule DigitsAboveEight { get; } = new(
        "OT004", "OTP codes longer than eight digits", Severity.High, Layer.Identity,
        "RFC 4226 §5.3 (six to eight digits are defined)",
        "Re-enrol with 6 to 8 digits; beyond eight, authenticators compute different codes and the factor fails when needed.");

    /// <summary>OT005: the TOTP period is longer than 60 seconds, up to two minutes (<see cref="OtpKeyIssues.PeriodAbove60Seconds"/>).</summary>
    public static FindingRule PeriodAbove60Seconds { get; } = new(
        "OT005", "TOTP period above 60 seconds", Severity.Medium, Layer.Identity,
        $"{Nist} (the time nonce changes at least every two minutes; LoginPosture's limit is half of that)",
        "Re-enrol with a 30-second period (the default), so that a phished or overlooked code expires soon.");

    /// <summary>OT006: the TOTP period is longer than two minutes (<see cref="OtpKeyIssues.PeriodAbove120Seconds"/>).</summary>
    public static FindingRule PeriodAbove120Seconds { get; } = new(
        "OT006", "TOTP period above two minutes", Severity.High, Layer.Identity,
        $"{Nist} (the time nonce changes at least every two minutes)",
        "Re-enrol with a 30-second period (the default); a code that lives for minutes is a reusable credential.");

    /// <summary>OT007: the algorithm, digits or period differ from SHA-1, 6 and 30 s (<see cref="OtpKeyIssues.NonDefaultParameters"/>).</summary>
    public static FindingRule NonDefaultParameters { get; } = new(
        "OT007", "Non-default OTP parameters", Severity.Info, Layer.Identity,
        "Google Authenticator key URI format (some apps ignore algorithm, digits and period)",
        "Check that the user's app shows codes the service accepts (sign in once with it), or re-enrol with SHA1, 6 digits and 30 s.");

    /// <summary>Every OTP enrolment rule, ordered by id.</summary>
    public static IReadOnlyList<FindingRule> All { get; } = Array.AsReadOnly(new[]
    {
        SecretBelow128Bits, SecretBelow160Bits, DigitsBelowSix, DigitsAboveEight, PeriodAbove60Seconds,
        PeriodAbove120Seconds, NonDefaultParameters,
    });
}
