using LoginPosture.Otp;

namespace LoginPosture.FsCheck;

/// <summary>A generated well-formed <c>otpauth://</c> key URI with what <see cref="OtpKeyUri.Parse"/> must read from it.</summary>
/// <param name="Uri">The key URI. Its secret is random, drawn when the value is generated.</param>
/// <param name="Type">TOTP or HOTP.</param>
/// <param name="Algorithm">The algorithm the URI names, or SHA-1 when it names none.</param>
/// <param name="Digits">The digits the URI names, or 6.</param>
/// <param name="Period">The period the URI names, or 30 seconds.</param>
/// <param name="SecretBits">The length of the encoded secret.</param>
/// <param name="Issuer">The issuer from the label or the parameter, decoded; <see langword="null"/> when absent.</param>
/// <param name="AccountName">The account name, decoded.</param>
/// <param name="Verdict">The verdict RFC 4226/6238 and NIST SP 800-63B call for: secret under 128 bits, digits outside 6-8 or a period over 120 s are unacceptable; a secret under 160 bits or a period over 60 s is weak.</param>
public sealed record OtpKeyUriText(
    string Uri, OtpKeyType Type, OtpAlgorithm Algorithm, int Digits, TimeSpan Period, int SecretBits, string? Issuer, string AccountName, OtpKeyVerdict Verdict)
{
    internal object? Model { get; init; }

    /// <summary>The URI, for counterexamples.</summary>
    /// <returns>The URI.</returns>
    public override string ToString() => Uri;
}

/// <summary>A generated <c>otpauth://</c> key URI with one defect that <see cref="OtpKeyUri.Parse"/> must refuse.</summary>
/// <param name="Uri">The key URI.</param>
/// <param name="Part">The part the <see cref="FormatException"/> message must start with: scheme, type, label, secret, algorithm, digits, period, counter or issuer.</param>
/// <param name="Defect">The defect, in words.</param>
public sealed record MalformedOtpKeyUri(string Uri, string Part, string Defect)
{
    internal object? Model { get; init; }

    /// <summary>The defect and the URI, for counterexamples.</summary>
    /// <returns>One line.</returns>
    public override string ToString() => $"{Defect}: {Uri}";
}
