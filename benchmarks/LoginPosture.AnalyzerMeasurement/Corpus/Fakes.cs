using System.Text;

namespace LoginPosture.AnalyzerMeasurement.Corpus;

/// <summary>
/// Makes credential-shaped values at run time from a seeded generator, so the corpus is reproducible and yet
/// no file in the repository holds a format-valid secret. Prefixes are spelled in pieces for the same reason.
/// </summary>
internal sealed class Fakes(int seed)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string AlnumChars = Upper + Lower + Digits;
    private const string Base64Chars = AlnumChars + "+/";
    private const string Base64UrlChars = AlnumChars + "-_";
    private const string Base32Chars = Upper + "234567";
    private const string HexChars = "0123456789abcdef";
    private const string PasswordChars = AlnumChars + "!#%&*+-=?@^_~";

    private readonly Random random = new(seed);

    public string From(string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    public int Number(int min, int max) => random.Next(min, max);

    public string Alnum(int length) => From(AlnumChars, length);

    public string UpperAlnum(int length) => From(Upper + Digits, length);

    public string LowerAlnum(int length) => From(Lower + Digits, length);

    public string Hex(int length) => From(HexChars, length);

    public string Base64(int length) => From(Base64Chars, length);

    public string Base64Url(int length) => From(Base64UrlChars, length);

    public string Base32(int length) => From(Base32Chars, length);

    public string DigitString(int length) => From(Digits, 1).Replace('0', '7') + From(Digits, length - 1);

    /// <summary>A human-chosen-looking password: letters, digits and a symbol, 10 to 16 characters.</summary>
    public string Password() => From(Upper, 1) + From(Lower, 5) + From(Digits, 2) + From(PasswordChars, Number(2, 8));

    public string Guid() => new System.Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()).ToString();

    /// <summary>A base64 key of <paramref name="bytes"/> random bytes, padded as real keys are.</summary>
    public string Base64Key(int bytes) => Convert.ToBase64String(Enumerable.Range(0, bytes).Select(_ => (byte)random.Next(256)).ToArray());

    // Provider formats (section 7 of the secret-detection research), assembled from pieces.
    public string AwsAccessKeyId() => "AK" + "IA" + From(Upper + "234567", 16);

    public string AwsSecretKey() => Base64(40);

    public string GitHubToken(string kind = "p") => "gh" + kind + "_" + Alnum(36);

    public string GitHubFineGrained() => "github" + "_pat_" + Alnum(22) + "_" + Alnum(59);

    public string SlackBotToken() => "xo" + "xb-" + DigitString(12) + "-" + DigitString(13) + "-" + Alnum(24);

    public string SlackWebhook() => "https://hooks." + "slack.com/services/T" + UpperAlnum(8) + "/B" + UpperAlnum(10) + "/" + Alnum(24);

    public string StripeLive(string kind = "sk") => kind + "_li" + "ve_" + Alnum(24);

    public string GoogleApiKey() => "AI" + "za" + From(AlnumChars + "-_", 35);

    public string SendGrid() => "SG" + "." + Base64Url(22) + "." + Base64Url(43);

    public string Telegram() => DigitString(10) + ":AA" + Base64Url(33);

    public string OpenAi() => "sk-" + "proj-" + Base64Url(58) + "T3Blbk" + "FJ" + Base64Url(58);

    public string Anthropic() => "sk-" + "ant-api03-" + Base64Url(93) + "AA";

    public string NuGetKey() => "oy" + "2" + From(Lower + "234567", 43);

    public string AzureAdSecret() => LowerAlnum(3) + Number(7, 9) + "Q~" + From(AlnumChars + "_~.-", 34);

    public string AzureStorageKey() => Base64Key(64);

    public string DiscordBot() => "M" + Base64Url(25) + "." + Base64Url(6) + "." + Base64Url(27);

    /// <summary>A signed JWT: real base64url header and payload, random signature.</summary>
    public string Jwt()
    {
        static string B64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = B64Url($"{{\"sub\":\"trader-{Number(1000, 9999)}\",\"scope\":\"trade read\",\"iat\":{Number(1_700_000_000, 1_800_000_000)}}}");
        return header + "." + payload + "." + Base64Url(43);
    }

    /// <summary>A PEM private key block written as a C# string with \n escapes (DER bodies start "MI").</summary>
    public string PemPrivateKeyEscaped(string label)
    {
        var body = new StringBuilder();
        var text = "MIIE" + Base64(60 * 6 - 4);
        for (var i = 0; i < text.Length; i += 64)
        {
            body.Append(text, i, Math.Min(64, text.Length - i)).Append("\\n");
        }

        return "-----BEGIN " + label + " PRIV" + "ATE KEY-----\\n" + body + "-----END " + label + " PRIV" + "ATE KEY-----";
    }

    /// <summary>The same PEM block as raw text lines, for verbatim and raw string literals.</summary>
    public string PemPrivateKeyLines(string label, string indent)
    {
        var text = "MIIE" + Base64(60 * 5 - 4);
        var lines = new List<string> { "-----BEGIN " + label + " PRIV" + "ATE KEY-----" };
        for (var i = 0; i < text.Length; i += 64)
        {
            lines.Add(text.Substring(i, Math.Min(64, text.Length - i)));
        }

        lines.Add("-----END " + label + " PRIV" + "ATE KEY-----");
        return string.Join("\n" + indent, lines);
    }

    /// <summary>A PEM public key block (not a secret) with \n escapes.</summary>
    public string PemPublicKeyEscaped() =>
        "-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE" + Base64(52) + "\\n" + Base64(32) + "==\\n-----END PUBLIC KEY-----";
}
