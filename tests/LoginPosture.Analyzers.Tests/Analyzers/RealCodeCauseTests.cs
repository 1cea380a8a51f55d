using System.Globalization;
using System.Text;
using LoginPosture.Analyzers.Tests.Harness;
using LoginPosture.Analyzers.Tests.Verifiers;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>
/// The causes behind the analyzer's verdicts on public exchange and brokerage code (the real-code corpus in
/// benchmarks/LoginPosture.AnalyzerMeasurement/RealCode): each false alarm's shape now silent, and a credential of
/// the same shape at the same place still reported. Written on Microsoft.CodeAnalysis.Testing with markup; the
/// credential-shaped values are generated here at run time, so no file holds one.
/// </summary>
public sealed class RealCodeCauseTests
{
    // ---- Cause 1: a bare "key" target accepted words and paths that merely pass the entropy bar ----

    [Theory]
    [InlineData("CustomData/ExampleCustomData")]
    [InlineData("skipFromResultSum")]
    [InlineData("storeStampedFile")]
    [InlineData("Reports/DailyRiskSummary_2024")]
    [InlineData("Level2/OrderBookSnapshots")]
    public async Task Words_and_paths_behind_a_bare_key_are_silent(string value)
    {
        await Verify.AnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class Algorithm
            {
                protected virtual string CustomDataKey => "{{value}}";

                decimal Sum(Dictionary<string, string> parameters) =>
                    parameters.Where(pair => pair.Key != "{{value}}").Sum(pair => decimal.Parse(pair.Value));

                KeyValuePair<string, string> Tag(string stamp) => new KeyValuePair<string, string>("{{value}}", stamp);
            }
            """);
    }

    [Theory]
    [InlineData(1, 24)]
    [InlineData(2, 32)]
    [InlineData(3, 40)]
    [InlineData(4, 64)]
    public async Task A_random_value_behind_the_same_bare_keys_is_still_reported(int seed, int length)
    {
        var value = Fake.From(Fake.Alnum, length, seed);
        await Verify.AnalyzerAsync($$"""
            using System.Collections.Generic;
            using System.Linq;

            class Algorithm
            {
                protected virtual string CustomDataKey => {|LP0001:"{{value}}"|};

                bool IsMaster(KeyValuePair<string, string> pair) => pair.Key != {|LP0001:"{{value}}"|};

                KeyValuePair<string, string> Tag(string stamp) => new KeyValuePair<string, string>({|LP0001:"{{value}}"|}, stamp);
            }
            """);
    }

    // ---- Cause 2: a value spelled from credential-naming words is a placeholder, however it is cased ----

    [Theory]
    [InlineData("APIKEY", "APISECRET", "APIPASS")]
    [InlineData("ApiKey", "ApiSecret", "ApiPassphrase")]
    [InlineData("your_api_key", "your-api-secret", "optionalprivatekeypassphrase")]
    [InlineData("MY_KEY", "MY_SECRET", "MyPass")]
    public async Task Credential_names_written_as_values_are_silent(string key, string secret, string pass)
    {
        await Verify.AnalyzerAsync($$"""
            class ExchangeCredentials
            {
                public ExchangeCredentials(string key, string secret, string pass) { }
            }

            class Notifier
            {
                public bool Telegram(string id, string message, string token) => true;
            }

            class Setup
            {
                ExchangeCredentials Create() => new ExchangeCredentials("{{key}}", "{{secret}}", "{{pass}}");
                bool Notify(Notifier n) => n.Telegram("desk", "ImAMessage", "botToken");
            }
            """);
    }

    [Fact]
    public async Task Real_values_at_the_same_places_are_still_reported()
    {
        var secret = Fake.From(Fake.Alnum, 40, 11);
        var pass = "Tr4d" + Fake.From(Fake.Alnum, 8, 12) + "!";
        var token = Fake.From("0123456789", 10, 13) + ":" + Fake.From(Fake.Alnum, 35, 14);
        await Verify.AnalyzerAsync($$"""
            class ExchangeCredentials
            {
                public ExchangeCredentials(string key, string secret, string pass) { }
            }

            class Notifier
            {
                public bool Telegram(string id, string message, string token) => true;
            }

            class Setup
            {
                ExchangeCredentials Create(string key) => new ExchangeCredentials(key, {|LP0001:"{{secret}}"|}, {|LP0001:"{{pass}}"|});
                bool Notify(Notifier n) => n.Telegram("desk", "ImAMessage", {|LP0001:"{{token}}"|});
            }
            """);
    }

    [Theory]
    [InlineData("abc123")]
    [InlineData("abcd1234")]
    [InlineData("123-abc")]
    public async Task Counting_runs_are_placeholders_even_in_a_credential_header(string value)
    {
        await Verify.AnalyzerAsync($$"""
            using System.Net.Http;

            class Client
            {
                void Prepare(HttpClient http) => http.DefaultRequestHeaders.Add("X-Api-Key", "{{value}}");
            }
            """);
    }

    [Fact]
    public async Task A_short_random_value_in_the_same_header_is_still_reported()
    {
        var value = Fake.From(Fake.Alnum, 12, 21);
        await Verify.AnalyzerAsync($$"""
            using System.Net.Http;

            class Client
            {
                void Prepare(HttpClient http) => http.DefaultRequestHeaders.Add("X-Api-Key", {|LP0003:"{{value}}"|});
            }
            """);
    }

    // ---- Cause 3: the weak name "key" of a credential type is the API key, judged as a secret name would be ----

    [Fact]
    public async Task A_hex_exchange_key_passed_to_a_credentials_constructor_is_reported_with_its_secret_and_passphrase()
    {
        var key = HexJustUnderTheWeakBar();
        var secret = Guid(31);
        var pass = Convert.ToBase64String(Encoding.ASCII.GetBytes(Fake.From(Fake.Alnum, 18, 32)));
        await Verify.AnalyzerAsync($$"""
            class HMACPassCredential
            {
                public HMACPassCredential(string key, string secret, string pass) { }
            }

            class KucoinCredentials : HMACPassCredential
            {
                public KucoinCredentials(string key, string secret, string pass) : base(key, secret, pass) { }
            }

            class ApiCredentials
            {
                public string Key { get; set; } = "";
            }

            class Setup
            {
                object Create() => new KucoinCredentials({|LP0001:"{{key}}"|}, {|LP0001:"{{secret}}"|}, {|LP0001:"{{pass}}"|});
                object Assign() => new ApiCredentials { Key = {|LP0001:"{{key}}"|} };
            }
            """);
    }

    [Fact]
    public async Task The_same_hex_value_behind_a_lookup_key_stays_silent()
    {
        // A 24-digit hex string behind a plain "key" is as often a document id (MongoDB's ObjectId has this shape).
        var key = HexJustUnderTheWeakBar();
        await Verify.AnalyzerAsync($$"""
            class DocumentCache
            {
                public string Get(string key) => key;
                public string Key { get; set; } = "";
            }

            class Setup
            {
                string Read(DocumentCache cache) => cache.Get("{{key}}");
                object Assign() => new DocumentCache { Key = "{{key}}" };
            }
            """);
    }

    /// <summary>A random 24-digit lower-case hex key whose entropy sits between the secret bar (3.0) and the weak bar (3.5).</summary>
    private static string HexJustUnderTheWeakBar()
    {
        for (var seed = 100; ; seed++)
        {
            var value = Fake.From("0123456789abcdef", 24, seed);
            if (Entropy(value) is >= 3.2 and < 3.5)
            {
                return value;
            }
        }
    }

    private static string Guid(int seed)
    {
        var bytes = new byte[16];
        new Random(seed).NextBytes(bytes);
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    private static double Entropy(string value) =>
        -value.GroupBy(c => c).Sum(g => (double)g.Count() / value.Length * Math.Log2((double)g.Count() / value.Length));
}
