using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Analyzers.Tests.Harness;
using LoginPosture.Analyzers.Tests.Verifiers;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>Incomplete and erroneous code must never make the analyzer throw (AD0001).</summary>
public sealed class RobustnessTests
{
    private static readonly string Rich =
        $$"""
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Http;
        using System.Security.Cryptography;
        using System.Text;
        class Client
        {
            const string ApiSecret = "{{Fake.Random(40, 1)}}";
            string Token => $"Bearer {{Fake.GitHubClassic(2)}}";
            Dictionary<string, string> D = new() { ["password"] = "{{Fake.Random(9, 11)}}" };
            Dictionary<string, string> E = new() { { "api_key", "{{Fake.Random(32, 3)}}" } };
            (string apiKey, string apiSecret) T = (apiKey: "k", apiSecret: "{{Fake.Random(32, 4)}}");
            (string ApiKey, string ApiSecret) Pair() => ("{{Fake.Random(40, 16)}}", ("x", "{{Fake.Random(40, 17)}}").Item2);
            (string Venue, (string Key, string Secret) Creds) Nested() => ("v", ("k", "{{Fake.Random(40, 18)}}"));
            string Cache = "r:6379,{{"pass" + "word"}}={{Fake.Random(20, 19)}},ssl=True";
            string Basic = "{{Fake.BasicAuth("u1", Fake.Random(12, 20))}}", Bot = "{{Fake.DiscordBot(21)}}", Sas = "{{Fake.AzureSasUrl(22)}}";
            bool Check(string password) => password == "{{Fake.Random(12, 12)}}" || password is "{{Fake.Random(12, 13)}}";
            void M(HttpClient h, string? s)
            {
                h.DefaultRequestHeaders.Add("X-MBX-APIKEY", "{{Fake.Random(64, 5)}}");
                var c = new NetworkCredential("u", s ?? "{{Fake.Random(10, 14)}}");
                var mac = new HMACSHA256(Encoding.UTF8.GetBytes("{{Fake.Random(24, 6)}}" + ApiSecret));
                Environment.SetEnvironmentVariable("BINANCE_API_SECRET", true ? "{{Fake.Random(30, 7)}}" : "x");
                string[] keys = { "{{Fake.AwsAccessKeyId(8)}}", @"Server=db;{{"Pass" + "word"}}={{Fake.Random(8, 15)}};" };
                var u = "https://a:{{Fake.Random(12, 9)}}@h/" + $"{s}:{s}@";
                ReadOnlySpan<byte> b = "{{Fake.Random(40, 10)}}"u8;
            }
        }
        """;

    public static TheoryData<string> Broken => new()
    {
        "class C { const string ApiSecret = ",
        "class C { const string ApiSecret = \"abc",
        "class C { string ApiSecret => ; }",
        "class C { void M() { x.ApiSecret = \"" + Fake.Random(40, 1) + "\"; } }",
        "class C { void M() { Undefined(apiSecret: \"" + Fake.Random(40, 1) + "\"); } }",
        "class C { void M() { new Missing(\"k\", \"" + Fake.Random(40, 1) + "\"); } }",
        "class C { object M() => new(\"trader\", \"" + Fake.Random(40, 1) + "\"); }",
        "class C { void M() { d[] = \"" + Fake.Random(40, 1) + "\"; (,) = (\"a\", ); } }",
        "class C { bool M() => == \"" + Fake.Random(40, 1) + "\"; }",
        "class C { [Obsolete(Message = \"" + Fake.Random(40, 1) + "\")] void M() { } }",
        "const string ApiSecret = $\"{",
        "var (a, b) = (\"x\"; \"" + Fake.Random(40, 1) + "\");",
        "\"" + Fake.GitHubClassic() + "\" + ",
        "class C { string s = \"\"\"",
        "class C { string s = $\"\"\"{{ \"\"\"; }",
        "class C { string P { get { return \"" + Fake.Random(40, 1) + "\" } } }",
        "namespace { class { string password = @\"" + Fake.Random(40, 1) + "\"u8; } }",
        "class C { (string Key, string Secret) M() => (\"k\", \"" + Fake.Random(40, 1) + "\", ); }",
        "class C { (string Key, string Secret) M() => (\"k\", \"" + Fake.Random(40, 1) + "\", \"" + Fake.Random(40, 2) + "\"); }",
        "class C { (string Key, string Secret) M() => ((\"k\", \"" + Fake.Random(40, 1) + "\"), \"" + Fake.Random(40, 2) + "\"); }",
        "class C { (Missing Key, string Secret) M() => (\"" + Fake.Random(40, 1) + "\", \"" + Fake.Random(40, 2) + "\"); }",
        "class C { void M() { Connect((Secret: \"k\", \"" + Fake.Random(40, 1) + "\")); } }",
        "class C { string s = \"Basic " + Fake.From(Fake.Base64, 40, 3) + "\"; string t = \"x?sig=" + Fake.From(Fake.Base64, 43, 4) + "%3",
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public Task Never_throws_on_erroneous_code(string source) =>
        LoginPostureAnalyzerTest.CollectAsync(source, allowCompilerErrors: true);

    [Property(MaxTest = 60)]
    public Property Never_throws_on_any_prefix_or_splice_of_a_rich_file()
    {
        // Cut the file anywhere and optionally drop a slice from the middle: every result is analysed, and the run
        // fails on any diagnostic that is not a LoginPosture rule (AD0001 is how an analyzer exception surfaces).
        var gen =
            from cut in Gen.Choose(0, Rich.Length)
            from dropStart in Gen.Choose(0, Rich.Length)
            from dropLength in Gen.Choose(0, 40)
            select (cut, dropStart, dropLength);
        return Prop.ForAll(Arb.From(gen), t =>
        {
            var text = Rich.Substring(0, t.cut);
            if (t.dropStart < text.Length)
            {
                text = text.Remove(t.dropStart, Math.Min(t.dropLength, text.Length - t.dropStart));
            }

            LoginPostureAnalyzerTest.CollectAsync(text, allowCompilerErrors: true).GetAwaiter().GetResult();
        });
    }

    [Fact]
    public async Task Reports_every_secret_in_the_rich_file()
    {
        var diagnostics = await LoginPostureAnalyzerTest.CollectAsync(Rich);
        Assert.True(diagnostics.Length >= 20, string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public async Task Pathological_literals_finish()
    {
        var huge = new string('A', 200_000) + "-----BEGIN PRIVATE KEY-----" + new string('=', 100_000);
        var basic = "Basic " + new string('A', 100_000);
        var dotted = string.Concat(Enumerable.Repeat("M" + new string('1', 24) + ".", 5000)) + string.Concat(Enumerable.Repeat("&sig=", 5000));
        var source = $"class C {{ const string ApiSecret = \"{huge}\"; string U = \"{string.Concat(Enumerable.Repeat("a://b:c@", 5000))}\"; "
            + $"string B = \"{basic}\"; string D = \"{dotted}\"; }}";
        await LoginPostureAnalyzerTest.CollectAsync(source);
    }
}
