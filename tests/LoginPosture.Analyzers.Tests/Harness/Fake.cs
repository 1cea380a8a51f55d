namespace LoginPosture.Analyzers.Tests.Harness;

/// <summary>
/// Builds credential-shaped test values at run time, so no file in the repository holds a format-valid secret.
/// Deterministic: the same seed always gives the same string.
/// </summary>
internal static class Fake
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    public const string Alnum = Upper + Lower + Digits;
    public const string Base32 = Upper + "234567";
    public const string Base64 = Alnum + "+/";
    public const string UrlSafe = Alnum + "-_";

    public static string From(string alphabet, int length, int seed)
    {
        var random = new Random(seed);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    public static string Random(int length, int seed = 1) => From(Alnum, length, seed);

    public static string AwsAccessKeyId(int seed = 1) => "AK" + "IA" + From(Base32, 16, seed);

    public static string GitHubClassic(int seed = 1) => "gh" + "p_" + From(Alnum, 36, seed);

    public static string GitHubFineGrained(int seed = 1) => "github" + "_pat_" + From(Alnum, 22, seed) + "_" + From(Alnum, 59, seed + 1);

    public static string SlackBot(int seed = 1) => "xo" + "xb-" + From(Digits, 11, seed) + "-" + From(Digits, 12, seed + 1) + "-" + From(Alnum, 24, seed + 2);

    public static string SlackWebhook(int seed = 1) =>
        "https://hooks." + "slack.com/services/T" + From(Upper + Digits, 8, seed) + "/B" + From(Upper + Digits, 10, seed + 1) + "/" + From(Alnum, 24, seed + 2);

    public static string StripeLive(int seed = 1) => "sk" + "_live_" + From(Alnum, 24, seed);

    public static string StripeRestricted(int seed = 1) => "rk" + "_live_" + From(Alnum, 24, seed);

    public static string GoogleApiKey(int seed = 1) => "AI" + "za" + From(UrlSafe, 35, seed);

    public static string SendGrid(int seed = 1) => "S" + "G." + From(UrlSafe, 22, seed) + "." + From(UrlSafe, 43, seed + 1);

    public static string Telegram(int seed = 1) => From("123456789", 10, seed) + ":" + "A" + "A" + From(UrlSafe, 33, seed + 1);

    public static string OpenAiProject(int seed = 1) => "sk" + "-proj-" + From(UrlSafe, 74, seed) + "T3Blbk" + "FJ" + From(UrlSafe, 74, seed + 1);

    public static string OpenAiLegacy(int seed = 1) => "sk" + "-" + From(Alnum, 20, seed) + "T3Blbk" + "FJ" + From(Alnum, 20, seed + 1);

    public static string Jwt(int seed = 1) =>
        "ey" + "JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".ey" + "J" + From(UrlSafe, 40, seed) + "." + From(UrlSafe, 43, seed + 1);

    /// <summary>A PEM private key whose body starts like DER; lines joined with the C# escape \n.</summary>
    public static string PemPrivateKeyEscaped(int seed = 1) =>
        "-----BEGIN " + "RSA PRIVATE KEY-----\\n" + "MI" + From(Base64, 62, seed) + "\\n" + From(Base64, 64, seed + 1) + "\\n-----END RSA PRIVATE KEY-----";

    public static string AzureStorageConnectionString(int seed = 1) =>
        "DefaultEndpointsProtocol=https;AccountName=tradingstore;Account" + "Key=" + From(Base64, 86, seed) + "==;EndpointSuffix=core.windows.net";

    public static string EntraClientSecret(int seed = 1) => From(Alnum, 3, seed) + "8" + "Q~" + From(Alnum + "_~.", 34, seed + 1);

    public static string GitLab(int seed = 1) => "gl" + "pat-" + From(UrlSafe, 20, seed);

    public static string Npm(int seed = 1) => "np" + "m_" + From(Alnum, 36, seed);

    public static string Anthropic(int seed = 1) => "sk" + "-ant-api03-" + From(UrlSafe, 93, seed) + "AA";

    public static string ServiceBusConnectionString(int seed = 1) =>
        "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccess" + "Key=" + From(Base64, 43, seed) + "=";

    public static string NuGetKey(int seed = 1) => "oy" + "2" + From(Lower + "234567", 43, seed);

    /// <summary>A Discord bot token: base64url of an 18-digit snowflake id, a 6-character timestamp and a 27-character HMAC.</summary>
    public static string DiscordBot(int seed = 1) =>
        ToBase64Url(From("123456789", 1, seed) + From(Digits, 17, seed + 1)) + "." + From(UrlSafe, 6, seed + 2) + "." + From(UrlSafe, 27, seed + 3);

    /// <summary>An Azure blob SAS URL whose sig= is a percent-encoded 44-character base64 HMAC-SHA256.</summary>
    public static string AzureSasUrl(int seed = 1) =>
        "https://tradearchive.blob.core.windows.net/fills?sv=2022-11-02&ss=b&srt=o&sp=rw&se=2030-01-01T00:00:00Z&si" + "g="
        + From(Alnum, 20, seed) + "%2B" + From(Alnum, 21, seed + 1) + "%2F" + "%3D";

    /// <summary>"Basic " and base64 of user:password.</summary>
    public static string BasicAuth(string user, string password) =>
        "Basic " + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(user + ":" + password));

    private static string ToBase64Url(string text) =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
