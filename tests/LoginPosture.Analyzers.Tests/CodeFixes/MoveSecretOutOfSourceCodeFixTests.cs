using LoginPosture.Analyzers.Tests.Harness;

namespace LoginPosture.Analyzers.Tests.CodeFixes;

/// <summary>The code fix moves the secret out of the source and leaves code that compiles.</summary>
public sealed class MoveSecretOutOfSourceCodeFixTests
{
    private static readonly string Secret = Fake.Random(40, 31);

    [Fact]
    public async Task Const_field_becomes_static_readonly_environment_read()
    {
        var text = await CodeFixHarness.FixAllAsync(
            $$"""
            using System;
            public class BinanceClient
            {
                private const string ApiSecret = "{{Secret}}";
                public int Length => ApiSecret.Length;
            }
            """, "Read 'BINANCE_API_SECRET' from the environment");

        Assert.Contains(
            "private static readonly string ApiSecret = Environment.GetEnvironmentVariable(\"BINANCE_API_SECRET\") ?? throw new InvalidOperationException(\"Set the BINANCE_API_SECRET environment variable.\");",
            text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_in_scope_is_preferred_and_offered_first()
    {
        var source =
            $$"""
            using Microsoft.Extensions.Configuration;
            public class KrakenService
            {
                private readonly IConfiguration configuration;
                public KrakenService(IConfiguration configuration) => this.configuration = configuration;
                public string Sign()
                {
                    var privateKey = "{{Secret}}";
                    return privateKey;
                }
            }
            """;
        var titles = await CodeFixHarness.TitlesAsync(source, CodeFixHarness.ConfigurationStub);
        Assert.Equal(new[] { "Read 'Kraken:PrivateKey' from configuration", "Read 'KRAKEN_PRIVATE_KEY' from the environment" }, titles);

        var text = await CodeFixHarness.FixAllAsync(source, "Read 'Kraken:PrivateKey' from configuration", CodeFixHarness.ConfigurationStub);
        Assert.Contains("var privateKey = configuration[\"Kraken:PrivateKey\"] ?? throw new", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_is_not_offered_where_it_would_not_compile()
    {
        // An instance field cannot be read from another field's initializer (CS0236): only the environment remains.
        var titles = await CodeFixHarness.TitlesAsync(
            $$"""
            using Microsoft.Extensions.Configuration;
            public class Bot
            {
                private readonly IConfiguration configuration = null!;
                private readonly string apiSecret = "{{Secret}}";
            }
            """, CodeFixHarness.ConfigurationStub);
        Assert.Equal(new[] { "Read 'API_SECRET' from the environment" }, titles);
    }

    [Fact]
    public async Task No_fix_is_offered_when_a_constant_is_required()
    {
        var titles = await CodeFixHarness.TitlesAsync(
            $$"""
            public class Router
            {
                private const string ApiSecret = "{{Secret}}";
                public int Route(string s) => s switch { ApiSecret => 1, _ => 0 };
            }
            """);
        Assert.Empty(titles);
    }

    [Fact]
    public async Task Local_const_loses_const()
    {
        var text = await CodeFixHarness.FixAllAsync(
            $$"""
            public class Alpaca
            {
                public int M()
                {
                    const string apiSecret = "{{Secret}}";
                    return apiSecret.Length;
                }
            }
            """, "Read 'API_SECRET' from the environment");
        Assert.Contains("string apiSecret = ", text, StringComparison.Ordinal);
        Assert.Contains("GetEnvironmentVariable(\"API_SECRET\")", text, StringComparison.Ordinal);
        Assert.DoesNotContain("const", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8_literals_become_encoded_bytes()
    {
        var text = await CodeFixHarness.FixAllAsync(
            $$"""
            using System;
            public class Signer
            {
                private static ReadOnlySpan<byte> HmacSecret => "{{Secret}}"u8;
                private static readonly byte[] SigningSecret = "{{Secret}}"u8.ToArray();
                public int Length => HmacSecret.Length + SigningSecret.Length;
            }
            """, "Read '");
        Assert.Contains("Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable(\"HMAC_SECRET\")", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ToArray", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sinks_and_formats_are_fixed_too()
    {
        var text = await CodeFixHarness.FixAllAsync(
            $$"""
            using System.Net;
            using System.Net.Http;
            public class Feeds
            {
                public void Configure(HttpClient client)
                {
                    client.DefaultRequestHeaders.Add("X-MBX-APIKEY", "{{Fake.Random(64, 2)}}");
                    var credential = new NetworkCredential("trader", "{{Fake.Random(16, 3)}}");
                    var hook = "{{Fake.SlackWebhook(4)}}";
                    _ = credential.Password + hook;
                }
            }
            """, "Read '");
        Assert.Contains("GetEnvironmentVariable(\"X_MBX_APIKEY\")", text, StringComparison.Ordinal);
        Assert.Contains("GetEnvironmentVariable(\"SLACK_WEBHOOK_URL\")", text, StringComparison.Ordinal);
        Assert.Contains("GetEnvironmentVariable(\"PASSWORD\")", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparisons_dictionary_entries_and_ternaries_compile_after_the_fix()
    {
        await CodeFixHarness.FixAllAsync(
            $$"""
            using System.Collections.Generic;
            public class Gate
            {
                public bool Check(string password) => password == "{{Fake.Random(12, 5)}}";
                public Dictionary<string, string> Settings { get; } = new() { ["ApiSecret"] = "{{Secret}}" };
                public string Pick(bool live) => live ? "{{Fake.Random(40, 6)}}" : "{{Fake.Random(40, 7)}}";
                public string ApiToken(bool live) => Pick(live);
                public string GetApiToken(bool live) { var apiToken = live ? "{{Fake.Random(40, 8)}}" : "{{Fake.Random(40, 9)}}"; return apiToken; }
            }
            """, "Read '");
    }

    [Fact]
    public async Task Fix_all_in_document_moves_every_secret_and_compiles()
    {
        var text = await FixAllHarness.FixAllInDocumentAsync(
            $$"""
            using System;
            public class BybitClient
            {
                private const string ApiKey = "{{Fake.Random(36, 41)}}";
                public string ApiSecret { get; } = "{{Fake.Random(36, 42)}}";
                public string Hook() { var hook = "{{Fake.SlackWebhook(43)}}"; return hook + ApiKey; }
            }
            """, "LoginPosture.Environment");
        Assert.Contains("GetEnvironmentVariable(\"BYBIT_API_KEY\")", text, StringComparison.Ordinal);
        Assert.Contains("GetEnvironmentVariable(\"BYBIT_API_SECRET\")", text, StringComparison.Ordinal);
        Assert.Contains("GetEnvironmentVariable(\"SLACK_WEBHOOK_URL\")", text, StringComparison.Ordinal);
    }
}
