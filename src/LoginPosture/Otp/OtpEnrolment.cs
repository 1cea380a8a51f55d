using System.Globalization;

namespace LoginPosture.Otp;

/// <summary>
/// The parameters of an OTP enrolment without its secret: the type, algorithm, digits, period and the secret's
/// length. This is what a posture records about an authenticator app or hardware OTP device (a secret must never be
/// stored there), and it is judged by the same rule as a parsed key URI (<see cref="OtpKeyUri.Enrolment"/>).
/// </summary>
public sealed class OtpEnrolment
{
    /// <summary>Describes an enrolment by its parameters.</summary>
    /// <param name="type">TOTP or HOTP.</param>
    /// <param name="algorithm">The HMAC algorithm.</param>
    /// <param name="digits">The number of digits, 1 to 10 (the range a key URI may state).</param>
    /// <param name="period">The TOTP period, 1 second to 1 day in whole seconds; ignored for HOTP.</param>
    /// <param name="secretBits">The length of the shared secret in bits: a whole number of bytes, at least 8.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is undefined or out of its range; the message names it and the range.</exception>
    public OtpEnrolment(OtpKeyType type, OtpAlgorithm algorithm, int digits, TimeSpan period, int secretBits)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "type must be Totp or Hotp.");
        }

        if (!Enum.IsDefined(algorithm))
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "algorithm must be Sha1, Sha256 or Sha512.");
        }

        if (digits is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(digits), digits, "digits must be from 1 to 10 (6 to 8 are acceptable).");
        }

        if (type == OtpKeyType.Totp && (period < TimeSpan.FromSeconds(1) || period > TimeSpan.FromDays(1) || period.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "period must be whole seconds from 1 s to 1 day (30 s is the default).");
        }

        if (secretBits < 8 || secretBits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(secretBits), secretBits, "secretBits must be a whole number of bytes (a multiple of 8), at least 8; give the decoded secret's length, such as 160.");
        }

        Type = type;
        Algorithm = algorithm;
        Digits = digits;
        Period = period;
        SecretBits = secretBits;
        Issues = Judge(secretBits, algorithm, digits, type == OtpKeyType.Totp ? period : null);
        Verdict = VerdictOf(Issues);
    }

    /// <summary>TOTP or HOTP.</summary>
    public OtpKeyType Type { get; }

    /// <summary>The HMAC algorithm.</summary>
    public OtpAlgorithm Algorithm { get; }

    /// <summary>The number of digits.</summary>
    public int Digits { get; }

    /// <summary>The TOTP period. Meaningless for HOTP.</summary>
    public TimeSpan Period { get; }

    /// <summary>The length of the shared secret, in bits.</summary>
    public int SecretBits { get; }

    /// <summary>Everything found about the enrolment.</summary>
    public OtpKeyIssues Issues { get; }

    /// <summary>Acceptable, Weak or Unacceptable, from the most serious of <see cref="Issues"/>.</summary>
    public OtpKeyVerdict Verdict { get; }

    /// <inheritdoc />
    public override string ToString() =>
        Type == OtpKeyType.Totp
            ? string.Create(CultureInfo.InvariantCulture, $"{Type} {Algorithm}, {Digits} digits, {(long)Period.TotalSeconds} s, {SecretBits}-bit secret")
            : string.Create(CultureInfo.InvariantCulture, $"{Type} {Algorithm}, {Digits} digits, {SecretBits}-bit secret");

    // The one rule for every enrolment, parsed from a key URI or described in a posture. Period is null for HOTP.
    internal static OtpKeyIssues Judge(int secretBits, OtpAlgorithm algorithm, int digits, TimeSpan? period)
    {
        var issues = OtpKeyIssues.None;
        if (secretBits < 128)
        {
            issues |= OtpKeyIssues.SecretBelow128Bits;
        }

        if (secretBits < 160)
        {
            issues |= OtpKeyIssues.SecretBelow160Bits;
        }

        if (digits < OneTimePassword.MinDigits)
        {
            issues |= OtpKeyIssues.DigitsBelowSix;
        }

        if (digits > OneTimePassword.MaxDigits)
        {
            issues |= OtpKeyIssues.DigitsAboveEight;
        }

        if (period > TimeSpan.FromSeconds(60))
        {
            issues |= OtpKeyIssues.PeriodAbove60Seconds;
        }

        if (period > TimeSpan.FromSeconds(120))
        {
            issues |= OtpKeyIssues.PeriodAbove120Seconds;
        }

        if (algorithm != OtpAlgorithm.Sha1 || digits != 6 || (period is { } p && p != TimeSpan.FromSeconds(30)))
        {
            issues |= OtpKeyIssues.NonDefaultParameters;
        }

        return issues;
    }

    private static OtpKeyVerdict VerdictOf(OtpKeyIssues issues)
    {
        const OtpKeyIssues unacceptable = OtpKeyIssues.SecretBelow128Bits | OtpKeyIssues.DigitsBelowSix
            | OtpKeyIssues.DigitsAboveEight | OtpKeyIssues.PeriodAbove120Seconds;
        const OtpKeyIssues weak = OtpKeyIssues.SecretBelow160Bits | OtpKeyIssues.PeriodAbove60Seconds;
        return (issues & unacceptable) != 0 ? OtpKeyVerdict.Unacceptable
            : (issues & weak) != 0 ? OtpKeyVerdict.Weak
            : OtpKeyVerdict.Acceptable;
    }
}
