using LoginPosture.Analyzers.Tests.Harness;
using LoginPosture.Analyzers.Tests.Verifiers;

namespace LoginPosture.Analyzers.Tests.CodeFixes;

/// <summary>The code fix moves the secret out of the source and leaves code that compiles.</summary>
public sealed class MoveSecretOutOfSourceCodeFixTests
{
    private static readonly string Secret = Fake.Random(40, 31);

    [Fact]
    public async Task Const_field_becomes_static_readonly_environment_read()
    {
        var test = new LoginPostureCodeFixTest
        {
            TestCode = $$"""
                using System;
                public class BinanceClient
                {
                    private const string ApiSecret = {|LP0001:"{{Secret}}"|};
                    public int Length => ApiSecret.Length;
                }
                """,
            FixedCode = """
                using System;
                public class BinanceClient
                {
                    private static readonly string ApiSecret = Environment.GetEnvironmentVariable("BINANCE_API_SECRET") ?? throw new InvalidOperationException("Set the BINANCE_API_SECRET environment variable.");
                    public int Length => ApiSecret.Length;
                }
                """,
            CodeActionEquivalenceKey = LoginPostureCodeFixTest.Environment,
        };
        await test.RunAsync();
        Assert.Equal(["Read 'BINANCE_API_SECRET' from the environment"], test.OfferedTitles[0]);
    }

    [Fact]
    public async Task Configuration_in_scope_is_preferred_and_offered_first()
    {
        var test = new LoginPostureCodeFixTest
        {
            TestCode = $$"""
                using Microsoft.Extensions.Configuration;
                public class KrakenService
                {
                    private readonly IConfiguration configuration;
                    public KrakenService(IConfiguration configuration) => this.configuration = configuration;
                    public string Sign()
                    {
                        var privateKey = {|LP0001:"{{Secret}}"|};
                        return privateKey;
                    }
                }
                """,
            FixedCode = """
                using Microsoft.Extensions.Configuration;
                public class KrakenService
                {
                    private readonly IConfiguration configuration;
                    public KrakenService(IConfiguration configuration) => this.configuration = configuration;
                    public string Sign()
                    {
                        var privateKey = configuration["Kraken:PrivateKey"] ?? throw new System.InvalidOperationException("Set the configuration value 'Kraken:PrivateKey'.");
                        return privateKey;
                    }
                }
                """,
            CodeActionEquivalenceKey = LoginPostureCodeFixTest.Configuration,
        }.WithConfigurationStub();
        await test.RunAsync();
        Assert.Equal(["Read 'Kraken:PrivateKey' from configuration", "Read 'KRAKEN_PRIVATE_KEY' from the environment"], test.OfferedTitles[0]);
    }

    [Fact]
    public async Task Configuration_is_not_offered_where_it_would_not_compile()
    {
        // An instance field cannot be read from another field's initializer (CS0236): only the environment remains.
        var test = new LoginPostureCodeFixTest
        {
            TestCode = $$"""
                using Microsoft.Extensions.Configuration;
                public class Bot
                {
                    private readonly IConfiguration configuration = null!;
                    private readonly string apiSecret = {|LP0001:"{{Secret}}"|};
                }
                """,
            FixedCode = """
                using Microsoft.Extensions.Configuration;
                public class Bot
                {
                    private readonly IConfiguration configuration = null!;
                    private readonly string apiSecret = System.Environment.GetEnvironmentVariable("API_SECRET") ?? throw new System.InvalidOperationException("Set the API_SECRET environment variable.");
                }
                """,
            CodeActionEquivalenceKey = LoginPostureCodeFixTest.Environment,
        }.WithConfigurationStub();
        await test.RunAsync();
        Assert.Equal(["Read 'API_SECRET' from the environment"], test.OfferedTitles[0]);
    }

    [Fact]
    public async Task No_fix_is_offered_when_a_constant_is_required()
    {
        var source = $$"""
            public class Router
            {
                private const string ApiSecret = {|LP0001:"{{Secret}}"|};
                public int Route(string s) => s switch { ApiSecret => 1, _ => 0 };
            }
            """;

        // Fixed code equal to the test code: the framework checks that no action is offered.
        var test = new LoginPostureCodeFixTest { TestCode = source, FixedCode = source };
        await test.RunAsync();
        Assert.All(test.OfferedTitles, Assert.Empty);
    }

    [Fact]
    public Task Local_const_loses_const() =>
        new LoginPostureCodeFixTest
        {
            TestCode = $$"""
                public class Alpaca
                {
                    public int M()
                    {
                        const string apiSecret = {|LP0001:"{{Secret}}"|};
                        return apiSecret.Length;
                    }
                }
                """,
            FixedCode = """
                public class Alpaca
                {
                    public int M()
                    {
                        string apiSecret = System.Environment.GetEnvironmentVariable("API_SECRET") ?? throw new System.InvalidOperationException("Set the API_SECRET environment variable.");
                        return apiSecret.Length;
                    }
                }
                """,
            CodeActionEquivalenceKey = LoginPostureCodeFixTest.Environment,
        }.RunAsync();

    [Fact]
    public Task Utf8_literals_become_encoded_bytes() =>
        new LoginPostureCodeFixTest
        {
            TestCode = $$"""
                using System;
                public class Signer
                {
                    private static ReadOnlySpan<byte> HmacSecret => {|LP0001:"{{Secret}}"u8|};
                    private static readonly byte[] SigningSecret = {|LP0001:"{{Secret}}"u8|}.ToArray();
                    public int Length => HmacSecret.Length + SigningSecret.Length;
                }
                """,
            FixedCode = """
                using System;
                public class Signer
                {
                    private static ReadOnlySpan<byte> HmacSecret => System.Text.Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("HMAC_SECRET") ?? throw new InvalidOperationException("Set the HMAC_SECRET environment variable."));
                    private static readonly byte[] SigningSecret = System.Text.Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("SIGNING_SECRET") ?? throw new InvalidOperationException("Set the SIGNING_SECRET environment variable."));
                    public int Length => HmacSecret.Length + SigningSecret.Length;
                }
                """,
            CodeActionEquivalenceKey = LoginPostureCodeFixTest.Environment,
        }.RunAsync();

    [Fact]
    public Task Sinks_and_formats_are_fixed_too() =>
        new LoginPostureCodeFixTest
        {
            TestCode = $$"""
                using System.Net;
                using System.Net.Http;
                public class Feeds
                {
                    public void Configure(HttpClient client)
                    {
                        client.DefaultRequestHeaders.Add("X-MBX-APIKEY", {|LP0003:"{{Fake.Random(64, 2)}}"|});
                        var credential = new NetworkCredential("trader", {|LP0003:"{{Fake.Random(16, 3)}}"|});
                        var hook = {|LP0002:"{{Fake.SlackWebhook(4)}}"|};
                        _ = credential.Password + hook;
                    }
                }
                """,
            FixedCode = """
                using System.Net;
                using System.Net.Http;
                public class Feeds
                {
                    public void Configure(HttpClient client)
                    {
                        client.DefaultRequestHeaders.Add("X-MBX-APIKEY", System.Environment.GetEnvironmentVariable("X_MBX_APIKEY") ?? throw new System.InvalidOperationException("Set the X_MBX_APIKEY environment variable."));
                        var credential = new NetworkCredential("trader", System.Environment.GetEnvironmentVariable("PASSWORD") ?? throw new System.InvalidOperationException("Set the PASSWORD environment variable."));
                        var hook = System.Environment.GetEnvironmentVariable("SLACK_WEBHOOK_URL") ?? throw new System.InvalidOperationException("Set the SLACK_WEBHOOK_URL environment variable.");
                        _ = credential.Password + hook;
                    }
                }
                """,
            CodeActionEquivalenceKey = LoginPostureCodeFixTest.Environment,
        }.RunAsync();

    [Fact]
    public Task Comparisons_dictionary_entries_and_ternaries_compile_after_the_fix() =>
        new LoginPostureCodeFixTest
        {
            // Pick is not a secret name and its values are not a known format, so they stay.
            TestCode = $$"""
                using System.Collections.Generic;
                public class Gate
                {
                    public bool Check(string password) => password == {|LP0001:"{{Fake.Random(12, 5)}}"|};
                    public Dictionary<string, string> Settings { get; } = new() { ["ApiSecret"] = {|LP0001:"{{Secret}}"|} };
                    public string Pick(bool live) => live ? "{{Fake.Random(40, 6)}}" : "{{Fake.Random(40, 7)}}";
                    public string ApiToken(bool live) => Pick(live);
                    public string GetApiToken(bool live) { var apiToken = live ? {|LP0001:"{{Fake.Random(40, 8)}}"|} : {|LP0001:"{{Fake.Random(40, 9)}}"|}; return apiToken; }
                }
                """,
            FixedCode = $$"""
                using System.Collections.Generic;
                public class Gate
                {
                    public bool Check(string password) => password == (System.Environment.GetEnvironmentVariable("PASSWORD") ?? throw new System.InvalidOperationException("Set the PASSWORD environment variable."));
                    public Dictionary<string, string> Settings { get; } = new() { ["ApiSecret"] = System.Environment.GetEnvironmentVariable("API_SECRET") ?? throw new System.InvalidOperationException("Set the API_SECRET environment variable.") };
                    public string Pick(bool live) => live ? "{{Fake.Random(40, 6)}}" : "{{Fake.Random(40, 7)}}";
                    public string ApiToken(bool live) => Pick(live);
                    public string GetApiToken(bool live) { var apiToken = live ? System.Environment.GetEnvironmentVariable("API_TOKEN") ?? throw new System.InvalidOperationException("Set the API_TOKEN environment variable.") : System.Environment.GetEnvironmentVariable("API_TOKEN") ?? throw new System.InvalidOperationException("Set the API_TOKEN environment variable."); return apiToken; }
                }
                """,
            CodeActionEquivalenceKey = LoginPostureCodeFixTest.Environment,
        }.RunAsync();

    [Fact]
    public Task Fix_all_in_document_moves_every_secret_and_compiles() =>
        new LoginPostureCodeFixTest
        {
            TestCode = $$"""
                using System;
                public class BybitClient
                {
                    private const string ApiKey = {|LP0001:"{{Fake.Random(36, 41)}}"|};
                    public string ApiSecret { get; } = {|LP0001:"{{Fake.Random(36, 42)}}"|};
                    public string Hook() { var hook = {|LP0002:"{{Fake.SlackWebhook(43)}}"|}; return hook + ApiKey; }
                }
                """,
            FixedCode = """
                using System;
                public class BybitClient
                {
                    private static readonly string ApiKey = Environment.GetEnvironmentVariable("BYBIT_API_KEY") ?? throw new InvalidOperationException("Set the BYBIT_API_KEY environment variable.");
                    public string ApiSecret { get; } = Environment.GetEnvironmentVariable("BYBIT_API_SECRET") ?? throw new InvalidOperationException("Set the BYBIT_API_SECRET environment variable.");
                    public string Hook() { var hook = Environment.GetEnvironmentVariable("SLACK_WEBHOOK_URL") ?? throw new InvalidOperationException("Set the SLACK_WEBHOOK_URL environment variable."); return hook + ApiKey; }
                }
                """,
            CodeActionEquivalenceKey = LoginPostureCodeFixTest.Environment,
        }.RunAsync();
}
