using LoginPosture.Analyzers.Tests.Harness;
using LoginPosture.Analyzers.Tests.Verifiers;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>
/// The 33-case brokerage mini-corpus of the secret-detection research (19 secrets, 14 decoys; Sonar S2068+S6418 found
/// 10 of 19 with 3 false alarms), rebuilt with run-time values. One case per class, scored per case.
/// </summary>
public sealed class BrokerageCorpusTests
{
    // Assembled at run time so that no line of this file reads like a credential to a text scanner.
    private static readonly string PasswordKey = "Pass" + "word";

    private static readonly (string Id, string Source)[] Positives =
    {
        ("P01", $"class P01 {{ const string AwsAccessKeyId = \"{Fake.AwsAccessKeyId(1)}\"; const string AwsSecretAccessKey = \"{Fake.From(Fake.Base64, 40, 1)}\"; }}"),
        ("P02", $"class P02 {{ const string BinanceApiKey = \"{Fake.Random(64, 2)}\"; }}"),
        ("P03", $"class P03 {{ string binanceSecretKey = \"{Fake.Random(64, 3)}\"; }}"),
        ("P04", $"class P04 {{ const string AlpacaKeyId = \"PK{Fake.From(Fake.Base32, 18, 4)}\"; const string AlpacaSecretKey = \"{Fake.Random(40, 4)}\"; }}"),
        ("P05", $"class P05 {{ const string KrakenPrivateKey = \"{Fake.From(Fake.Base64, 86, 5)}==\"; }}"),
        ("P06", $"class P06 {{ const string TotpSeed = \"{Fake.From(Fake.Base32, 32, 6)}\"; }}"),
        ("P07", $"class P07 {{ object M() => new System.Net.NetworkCredential(\"trader01\", \"{Fake.Random(12, 7)}\"); }}"),
        ("P08", $"class P08 {{ const string Db = \"Server=orders.internal;Database=oms;User Id=trader;{PasswordKey}={Fake.Random(12, 8)};\"; }}"),
        ("P09", $"class P09 {{ const string Fix = \"https://trader01:{Fake.Random(12, 9)}@fix.broker.example/session\"; }}"),
        ("P10", $"class P10 {{ const string OAuthConsumerSecret = \"{Fake.Random(40, 10)}\"; }}"),
        ("P11", $"class P11 {{ const string Gh = \"{Fake.GitHubClassic(11)}\"; }}"),
        ("P12", $"class P12 {{ const string Pay = \"{Fake.StripeLive(12)}\"; }}"),
        ("P13", $"class P13 {{ const string SlackHook = \"{Fake.SlackBot(13)}\"; }}"),
        ("P14", $"class P14 {{ const string SessionJwt = \"{Fake.Jwt(14)}\"; }}"),
        ("P15", $"class P15 {{ const string SigningKey = \"{Fake.PemPrivateKeyEscaped(15)}\"; }}"),
        ("P16", $"class P16 {{ const string PolygonApiKey = \"{Fake.Random(32, 16)}\"; }}"),
        ("P17", $"class P17 {{ void M() {{ var {PasswordKey.ToLowerInvariant()} = \"{Fake.Random(6, 17)}&{Fake.Random(5, 18)}\"; }} }}"),
        ("P18", $"class P18 {{ const string Db = \"Server=db;User Id=sa;{PasswordKey}=hunter2;\"; }}"),
        ("P19", $"class P19 {{ const string Sig = \"{Fake.Random(64, 19)}\"; }}"),
    };

    private static readonly (string Id, string Source)[] Negatives =
    {
        ("N01", "class N01 { const string ApiKey = \"YOUR_API_KEY\"; }"),
        ("N02", "class N02 { const string ApiSecret = \"<your-api-secret-here>\"; }"),
        ("N03", "class N03 { const string SecretKey = \"${BINANCE_SECRET_KEY}\"; }"),
        ("N04", "class N04 { string? Token => System.Environment.GetEnvironmentVariable(\"BINANCE_TOKEN\"); }"),
        ("N05", "class N05 { const string PasswordPrompt = \"Please enter your trading password\"; }"),
        ("N06", $"class N06 {{ const string OrderToken = \"{Guid.NewGuid()}\"; }}"),
        ("N07", $"class N07 {{ const string TokenListSha256 = \"{Fake.From("0123456789abcdef", 64, 7)}\"; }}"),
        ("N08", "class N08 { const string AuthTokenUrl = \"https://api.broker.example/oauth2/token\"; }"),
        ("N09", "class N09 { const string PasswordFieldName = \"password\"; }"),
        ("N10", "class N10 { const string ApiSecretMask = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"; }"),
        ("N11", "class N11 { const string Id = \"AK" + "IAIOSFODNN7EXAMPLE\"; const string Secret = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY\"; }"),
        ("N12", "class N12 { const string LogoPngBase64 = \"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\"; }"),
        ("N13", "class N13 { const string PublicKeyToken = \"b77a5c561934e089\"; }"),
        ("N14", "class N14 { const string DefaultPassword = \"changeme\"; }"),
    };

    [Fact]
    public async Task Finds_at_least_95_percent_of_the_secrets()
    {
        var missed = new List<string>();
        foreach (var (id, source) in Positives)
        {
            if ((await LoginPostureAnalyzerTest.CollectAsync(source)).IsEmpty)
            {
                missed.Add(id);
            }
        }

        var recall = (Positives.Length - missed.Count) / (double)Positives.Length;
        Assert.True(recall >= 0.95, $"Recall {recall:P0}; missed {string.Join(", ", missed)}");
    }

    [Fact]
    public async Task Raises_no_false_alarm_on_the_decoys()
    {
        var alarms = new List<string>();
        foreach (var (id, source) in Negatives)
        {
            var diagnostics = await LoginPostureAnalyzerTest.CollectAsync(source);
            alarms.AddRange(diagnostics.Select(d => $"{id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
        }

        Assert.True(alarms.Count == 0, string.Join("\n", alarms));
    }
}
