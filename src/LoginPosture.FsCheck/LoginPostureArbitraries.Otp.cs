using FsCheck;
using FsCheck.Fluent;
using LoginPosture.Otp;

namespace LoginPosture.FsCheck;

public static partial class LoginPostureArbitraries
{
    /// <summary>
    /// Well-formed key URIs: TOTP and HOTP; no algorithm, SHA1, SHA256 or SHA512 in any case; digits absent or 1 to 10
    /// (6-8 mostly); periods absent or from 15 s to a day (60, 61, 120 and 121 s on purpose); secrets of 10 to 64 bytes
    /// (15/16 and 19/20 either side of the 128- and 160-bit lines), upper or lower case, padded or not; labels with and
    /// without an issuer, percent-encoded spaces and a literal '+'; a matching <c>issuer</c> parameter; vendor parameters.
    /// </summary>
    public static readonly Gen<OtpKeyUriText> OtpKeyUriGen = Gen.Choose(0, int.MaxValue).Select(seed => OtpUri(DrawOtp(new Random(seed))));

    /// <summary>
    /// Key URIs with exactly one defect the parser must refuse: wrong scheme or type, an empty account, a missing,
    /// non-base32, impossibly long or badly padded secret, an unknown algorithm, digits/period/counter out of range or
    /// not numbers, a HOTP URI without a counter, an issuer parameter contradicting the label, a repeated parameter.
    /// </summary>
    public static readonly Gen<MalformedOtpKeyUri> MalformedOtpKeyUriGen =
        Gen.Choose(0, int.MaxValue).Select(seed => DrawMalformed(new Random(seed)));

    /// <summary>Well-formed key URIs (see <see cref="OtpKeyUriGen"/>), shrinking each parameter to its default and the label to a bare account.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<OtpKeyUriText> OtpKeyUris() => Arb.From(OtpKeyUriGen, u => u.Model is OtpModel m ? ShrinkOtp(m).Select(OtpUri) : []);

    /// <summary>Malformed key URIs (see <see cref="MalformedOtpKeyUriGen"/>), shrinking everything but the defect.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<MalformedOtpKeyUri> MalformedOtpKeyUris() =>
        Arb.From(MalformedOtpKeyUriGen, u => u.Model is (OtpModel m, int defect) ? ShrinkOtp(m).Select(s => Malformed(s, defect)) : []);

    internal sealed record OtpModel(
        bool Hotp, int Algorithm, bool LowerAlgorithm, int Digits, int Period, int SecretBytes, int SecretSeed, bool Padding, bool LowerSecret,
        int Label, bool IssuerParameter, bool Vendor, long Counter);

    private static readonly string[] Algorithms = ["", "SHA1", "SHA256", "SHA512"];
    private static readonly int[] OtpPeriods = [0, 15, 30, 60, 61, 90, 120, 121, 86_400];
    private static readonly int[] SecretLengths = [10, 15, 16, 19, 20, 20, 32, 64];

    // Label as written, issuer and account as decoded.
    private static readonly (string Text, string? Issuer, string Account)[] Labels =
    [
        ("alice%40example.com", null, "alice@example.com"),
        ("Example:alice%40example.com", "Example", "alice@example.com"),
        ("Example%20Broker:alice+fx%40example.com", "Example Broker", "alice+fx@example.com"),
        ("Example%3A%20alice", "Example", "alice"),
    ];

    private static readonly (string Part, string Defect)[] OtpDefects =
    [
        ("scheme", "not the otpauth scheme"), ("type", "an unknown type"), ("label", "an empty account name"), ("secret", "no secret"),
        ("secret", "a character outside base32"), ("secret", "a length no byte string encodes to"), ("secret", "misplaced padding"),
        ("algorithm", "an unknown algorithm"), ("digits", "digits out of range"), ("digits", "digits not a number"), ("period", "a zero period"),
        ("period", "a period over a day"), ("counter", "HOTP without a counter"), ("counter", "a negative counter"),
        ("issuer", "an issuer parameter contradicting the label"), ("digits", "a repeated parameter"),
    ];

    private static MalformedOtpKeyUri DrawMalformed(Random r) => Malformed(DrawOtp(r), r.Next(OtpDefects.Length));

    private static OtpModel DrawOtp(Random r) => new(
        r.Next(4) == 0, r.Next(Algorithms.Length), r.Next(4) == 0,
        r.Weighted(2, 5, 1) switch { 0 => 0, 1 => r.Choose(6, 8), _ => r.Choose(1, 10) },
        r.Element(OtpPeriods), r.Element(SecretLengths), r.Next(), r.Next(3) == 0, r.Next(4) == 0,
        r.Next(Labels.Length), r.Next(2) == 0, r.Next(4) == 0, r.Weighted(2, 1) == 0 ? 0 : r.Choose(1, 1_000_000));

    private static IEnumerable<OtpModel> ShrinkOtp(OtpModel m) => Distinct(m,
    [
        m with { Hotp = false }, m with { Algorithm = 0 }, m with { LowerAlgorithm = false }, m with { Digits = 0 }, m with { Period = 0 },
        m with { SecretBytes = 20 }, m with { SecretSeed = 0 }, m with { Padding = false }, m with { LowerSecret = false }, m with { Label = 0 },
        m with { IssuerParameter = false }, m with { Vendor = false }, m with { Counter = 0 },
    ]);

    // RFC 4648 base32, upper case, from Otp.NET (which LoginPosture depends on); it pads, key URIs may not.
    private static string Base32(byte[] data, bool padding)
    {
        var text = OtpNet.Base32Encoding.ToString(data);
        return padding ? text : text.TrimEnd('=');
    }

    private static string Secret(OtpModel m)
    {
        var bytes = new byte[m.SecretBytes];
        new Random(m.SecretSeed).NextBytes(bytes);
        var text = Base32(bytes, m.Padding);
        return m.LowerSecret ? text.ToLowerInvariant() : text;
    }

    private static List<(string Name, string Value)> OtpParameters(OtpModel m, string secret)
    {
        var label = Labels[m.Label];
        var parameters = new List<(string, string)> { ("secret", secret) };
        if (m.IssuerParameter && label.Issuer is { } issuer)
        {
            parameters.Add(("issuer", Uri.EscapeDataString(issuer)));
        }

        if (m.Algorithm > 0)
        {
            parameters.Add(("algorithm", m.LowerAlgorithm ? Algorithms[m.Algorithm].ToLowerInvariant() : Algorithms[m.Algorithm]));
        }

        if (m.Digits > 0)
        {
            parameters.Add(("digits", m.Digits.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (m.Period > 0)
        {
            parameters.Add(("period", m.Period.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (m.Hotp)
        {
            parameters.Add(("counter", m.Counter.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (m.Vendor)
        {
            parameters.Add(("image", "https%3A%2F%2Fexample.com%2Flogo.png"));
        }

        return parameters;
    }

    private static string Render(string scheme, string type, string label, IEnumerable<(string Name, string Value)> parameters) =>
        $"{scheme}{type}/{label}?{string.Join('&', parameters.Select(p => p.Name.Length == 0 ? p.Value : $"{p.Name}={p.Value}"))}";

    private static OtpKeyUriText OtpUri(OtpModel m)
    {
        var label = Labels[m.Label];
        var uri = Render("otpauth://", m.Hotp ? "hotp" : "totp", label.Text, OtpParameters(m, Secret(m)));
        var digits = m.Digits == 0 ? 6 : m.Digits;
        var period = m.Period == 0 ? 30 : m.Period;
        var judgedPeriod = m.Hotp ? 30 : period;
        var verdict = m.SecretBytes < 16 || digits is < 6 or > 8 || judgedPeriod > 120 ? OtpKeyVerdict.Unacceptable
            : m.SecretBytes < 20 || judgedPeriod > 60 ? OtpKeyVerdict.Weak
            : OtpKeyVerdict.Acceptable;
        var algorithm = m.Algorithm switch { 2 => OtpAlgorithm.Sha256, 3 => OtpAlgorithm.Sha512, _ => OtpAlgorithm.Sha1 };
        return new OtpKeyUriText(uri, m.Hotp ? OtpKeyType.Hotp : OtpKeyType.Totp, algorithm, digits, TimeSpan.FromSeconds(period), m.SecretBytes * 8, label.Issuer, label.Account, verdict)
        {
            Model = m,
        };
    }

    private static MalformedOtpKeyUri Malformed(OtpModel m, int defect)
    {
        var label = Labels[m.Label].Text;
        var (scheme, type) = ("otpauth://", m.Hotp ? "hotp" : "totp");
        var secret = Secret(m with { Padding = false });
        var parameters = OtpParameters(m, secret);
        void Set(string name, string? value)
        {
            parameters.RemoveAll(p => p.Name == name);
            if (value is not null)
            {
                parameters.Add((name, value));
            }
        }

        switch (defect)
        {
            case 0: scheme = m.Hotp ? "otpauth:/" : "https://"; break;
            case 1: type = "motp"; break;
            case 2: label = "Example:"; Set("issuer", null); break;
            case 3: Set("secret", null); break;
            case 4: Set("secret", secret[..^1] + "1"); break;
            case 5: Set("secret", secret + (secret.Length % 8 is 4 or 7 ? "AA" : "A")); break;
            case 6: Set("secret", secret + (secret.Length % 8 == 7 ? "==" : "=")); break;
            case 7: Set("algorithm", "MD5"); break;
            case 8: Set("digits", m.Digits % 2 == 0 ? "0" : "11"); break;
            case 9: Set("digits", "six"); break;
            case 10: Set("period", "0"); break;
            case 11: Set("period", "86401"); break;
            case 12: type = "hotp"; Set("counter", null); break;
            case 13: type = "hotp"; Set("counter", "-1"); break;
            case 14: label = "Example:alice"; Set("issuer", "Other"); break;
            default: parameters.Add(("digits", "6")); parameters.Add(("digits", "6")); break;
        }

        var (part, words) = OtpDefects[defect];
        return new MalformedOtpKeyUri(Render(scheme, type, label, parameters), part, words) { Model = (m, defect) };
    }
}
