using System.Globalization;
using System.Security.Cryptography;

namespace LoginPosture.Otp;

/// <summary>
/// A parsed <c>otpauth://</c> enrolment key (the Google Authenticator key-URI format) with a verdict on its secret
/// length, digits, period and algorithm. Owns a copy of the decoded secret and zeroes it on <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// Parsing is strict: an unknown type or algorithm, a missing or non-base32 secret, a repeated parameter, a
/// non-numeric digits/period/counter, or an issuer parameter that contradicts the label's issuer each throw a
/// <see cref="FormatException"/> naming the part at fault. Values that parse but fall short (a 10-byte secret, 4
/// digits, a 5-minute period) are not errors: they are reported in <see cref="Issues"/> and <see cref="Verdict"/>.
/// </remarks>
public sealed class OtpKeyUri : IDisposable
{
    private const string Scheme = "otpauth://";
    private byte[] _secret;
    private bool _disposed;

    private OtpKeyUri(OtpKeyType type, string? issuer, string accountName, byte[] secret, OtpAlgorithm algorithm, int digits, TimeSpan period, long counter)
    {
        Type = type;
        Issuer = issuer;
        AccountName = accountName;
        _secret = secret;
        Algorithm = algorithm;
        Digits = digits;
        Period = period;
        Counter = counter;
        Enrolment = new OtpEnrolment(type, algorithm, digits, period, secret.Length * 8);
    }

    /// <summary>TOTP or HOTP.</summary>
    public OtpKeyType Type { get; }

    /// <summary>The issuer (from the label prefix or the <c>issuer</c> parameter), or null when absent.</summary>
    public string? Issuer { get; }

    /// <summary>The account name from the label.</summary>
    public string AccountName { get; }

    /// <summary>The HMAC algorithm (<c>algorithm</c>; SHA1 when absent).</summary>
    public OtpAlgorithm Algorithm { get; }

    /// <summary>The number of digits (<c>digits</c>; 6 when absent).</summary>
    public int Digits { get; }

    /// <summary>The TOTP period (<c>period</c>; 30 s when absent). Meaningless for HOTP.</summary>
    public TimeSpan Period { get; }

    /// <summary>The HOTP starting counter (<c>counter</c>, required for HOTP); 0 for TOTP.</summary>
    public long Counter { get; }

    /// <summary>The length of the decoded secret, in bits.</summary>
    public int SecretBits => _secret.Length * 8;

    /// <summary>
    /// The key's parameters without its secret, for a posture entry or any record that must not hold the key. Stays
    /// valid after <see cref="Dispose"/>.
    /// </summary>
    public OtpEnrolment Enrolment { get; }

    /// <summary>Everything found about the key: the issues of its <see cref="Enrolment"/>.</summary>
    public OtpKeyIssues Issues => Enrolment.Issues;

    /// <summary>Acceptable, Weak or Unacceptable, from the most serious of <see cref="Issues"/>.</summary>
    public OtpKeyVerdict Verdict => Enrolment.Verdict;

    /// <summary>The decoded secret. Valid until <see cref="Dispose"/>; do not keep the span.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed and its secret zeroed.</exception>
    public ReadOnlySpan<byte> Secret
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _secret;
        }
    }

    /// <summary>Parses an <c>otpauth://totp/...</c> or <c>otpauth://hotp/...</c> key URI.</summary>
    /// <param name="uri">The URI, as scanned from the enrolment QR code.</param>
    /// <returns>The parsed key with its verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uri"/> is null.</exception>
    /// <exception cref="FormatException">The URI is malformed; the message names the part (scheme, type, label, secret, algorithm, digits, period, counter, issuer), never a parameter's value, into which the secret may have run.</exception>
    public static OtpKeyUri Parse(string uri)
    {
        Guard.NotNull(uri);
        if (!uri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("scheme: a key URI starts with 'otpauth://'.");
        }

        var rest = uri.AsSpan(Scheme.Length);
        var slash = rest.IndexOf('/');
        if (slash < 0)
        {
            throw new FormatException("type: expected 'otpauth://totp/<label>?secret=...' or 'otpauth://hotp/<label>?...'.");
        }

        var type = rest[..slash] switch
        {
            var t when t.Equals("totp", StringComparison.OrdinalIgnoreCase) => OtpKeyType.Totp,
            var t when t.Equals("hotp", StringComparison.OrdinalIgnoreCase) => OtpKeyType.Hotp,
            _ => throw new FormatException("type: the key type is neither 'totp' nor 'hotp'; use one of them."),
        };

        rest = rest[(slash + 1)..];
        var question = rest.IndexOf('?');
        var label = Decode(question < 0 ? rest : rest[..question]);
        var (labelIssuer, account) = SplitLabel(label);
        var query = question < 0 ? string.Empty : rest[(question + 1)..].ToString();

        string? secretText = null, algorithmText = null, digitsText = null, periodText = null, counterText = null, issuerText = null;
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : Decode(pair.AsSpan(equals + 1));
            switch (name.ToLowerInvariant())
            {
                case "secret": Set(ref secretText, value, "secret"); break;
                case "algorithm": Set(ref algorithmText, value, "algorithm"); break;
                case "digits": Set(ref digitsText, value, "digits"); break;
                case "period": Set(ref periodText, value, "period"); break;
                case "counter": Set(ref counterText, value, "counter"); break;
                case "issuer": Set(ref issuerText, value, "issuer"); break;
                default: break; // image, color and other vendor parameters do not affect the code
            }
        }

        if (string.IsNullOrEmpty(secretText))
        {
            throw new FormatException("secret: the 'secret' parameter is missing or empty; a key URI must carry the base32 shared secret.");
        }

        if (labelIssuer is not null && issuerText is not null && !string.Equals(labelIssuer, issuerText, StringComparison.Ordinal))
        {
            throw new FormatException("issuer: the label's issuer prefix and the 'issuer' parameter differ; they must agree.");
        }

        var algorithm = ParseAlgorithm(algorithmText);
        var digits = digitsText is null ? 6 : ParseNumber(digitsText, "digits", 1, 10);
        var period = TimeSpan.FromSeconds(periodText is null ? 30 : ParseNumber(periodText, "period", 1, 86_400));
        long counter = 0;
        if (type == OtpKeyType.Hotp)
        {
            if (counterText is null)
            {
                throw new FormatException("counter: an HOTP key URI must carry the 'counter' parameter.");
            }

            counter = ParseNumber(counterText, "counter", 0, long.MaxValue);
        }

        var secret = Base32.Decode(secretText, "secret");
        return new OtpKeyUri(type, issuerText ?? labelIssuer, account, secret, algorithm, digits, period, counter);
    }

    /// <summary>Creates a verifier with this key's algorithm, digits and period, and the given drift window.</summary>
    /// <param name="allowedDriftSteps">Steps of tolerance either side of the current one, 0 to 10.</param>
    /// <param name="timeProvider">The verifier's clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>A verifier for this key's settings (the secret is still passed on each call).</returns>
    /// <exception cref="InvalidOperationException">The key is HOTP, or its verdict is <see cref="OtpKeyVerdict.Unacceptable"/>.</exception>
    public TotpVerifier CreateVerifier(int allowedDriftSteps = 1, TimeProvider? timeProvider = null)
    {
        if (Type != OtpKeyType.Totp || Verdict == OtpKeyVerdict.Unacceptable)
        {
            throw new InvalidOperationException($"Only an acceptable TOTP key gets a verifier; this key is {Type} with issues {Issues}.");
        }

        return new TotpVerifier(new OtpOptions { Algorithm = Algorithm, Digits = Digits, Period = Period, AllowedDriftSteps = allowedDriftSteps }, timeProvider);
    }

    /// <summary>Zeroes the decoded secret.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_secret);
            _secret = [];
            _disposed = true;
        }
    }

    private static (string? Issuer, string Account) SplitLabel(string label)
    {
        var colon = label.IndexOf(':', StringComparison.Ordinal);
        var issuer = colon < 0 ? null : label[..colon].Trim();
        var account = (colon < 0 ? label : label[(colon + 1)..]).Trim();
        if (account.Length == 0 || issuer is { Length: 0 })
        {
            throw new FormatException("label: expected 'account' or 'issuer:account' with both parts non-empty.");
        }

        return (issuer, account);
    }

    private static OtpAlgorithm ParseAlgorithm(string? text) => text?.ToUpperInvariant() switch
    {
        null or "SHA1" => OtpAlgorithm.Sha1,
        "SHA256" => OtpAlgorithm.Sha256,
        "SHA512" => OtpAlgorithm.Sha512,
        _ => throw new FormatException("algorithm: the 'algorithm' parameter is not supported; use SHA1, SHA256 or SHA512."),
    };

    private static long ParseNumber(string text, string part, long min, long max)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new FormatException($"{part}: the '{part}' parameter is not a whole number from {min} to {max}.");
        }

        return value;
    }

    private static int ParseNumber(string text, string part, int min, int max) =>
        (int)ParseNumber(text, part, (long)min, max);

    private static void Set(ref string? slot, string value, string part)
    {
        if (slot is not null)
        {
            throw new FormatException($"{part}: the parameter appears more than once; keep one.");
        }

        slot = value;
    }

    // Percent-decoding only: a '+' stays a '+', since account names such as "alice+broker@example.com" contain it.
    private static string Decode(ReadOnlySpan<char> text) => Uri.UnescapeDataString(text.ToString());
}
