using LoginPosture.Analyzers.Tests.Harness;
using LoginPosture.Analyzers.Tests.Verifiers;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>LP0003: constants reaching APIs that consume a credential, whatever the variables are called.</summary>
public sealed class CredentialSinkTests
{
    private const string OtpNetStub =
        """
        namespace OtpNet
        {
            public sealed class Totp { public Totp(byte[] secretKey, int step = 30) { } }
            public sealed class Hotp { public Hotp(byte[] secretKey) { } }
            public static class Base32Encoding { public static byte[] ToBytes(string input) => new byte[0]; }
        }
        namespace CryptoExchange.Net.Authentication
        {
            public class ApiCredentials { public ApiCredentials(string key, string secret, string? pass = null) { } }
        }
        namespace Alpaca.Markets
        {
            public sealed class SecretKey { public SecretKey(string keyId, string value) { } }
        }
        """;

    private static readonly string Value = Fake.Random(32, 11);

    public static TheoryData<string> Sinks => new()
    {
        "using System.Net; class C { object M() => new NetworkCredential(\"trader\", {|LP0003:\"V\"|}); }",
        "using System.Net; class C { object M() => new NetworkCredential(\"trader\", {|LP0003:\"V\"|}, \"DOMAIN\"); }",
        "using System.Net; class C { void M(NetworkCredential c) { c.Password = {|LP0003:\"V\"|}; } }",
        "using System.Net; class C { object M() => new NetworkCredential { UserName = \"trader\", Password = {|LP0003:\"V\"|} }; }",
        "using System.Net.Http; class C { void M(HttpClient h) => h.DefaultRequestHeaders.Add(\"X-MBX-APIKEY\", {|LP0003:\"V\"|}); }",
        "using System.Net.Http; class C { void M(HttpClient h) => h.DefaultRequestHeaders.TryAddWithoutValidation(\"APCA-API-SECRET-KEY\", {|LP0003:\"V\"|}); }",
        "using System.Net.Http; class C { void M(HttpRequestMessage r) => r.Headers.Add(\"X-API-KEY\", {|LP0003:\"V\"|}); }",
        "using System.Net.Http; class C { void M(HttpClient h) => h.DefaultRequestHeaders.Add(\"Authorization\", {|LP0003:\"Bearer V\"|}); }",
        "class Req { public void AddHeader(string n, string v) { } } class C { void M(Req r) => r.AddHeader(\"x-mbx-apikey\", {|LP0003:\"V\"|}); }",
        "using System.Net; class C { void M(WebHeaderCollection h) { h[\"X-API-KEY\"] = {|LP0003:\"V\"|}; } }",
        "using System.Net.Http.Headers; class C { object M() => new AuthenticationHeaderValue(\"Bearer\", {|LP0003:\"V\"|}); }",
        "using System.Security.Cryptography; using System.Text; class C { object M() => new HMACSHA256(Encoding.UTF8.GetBytes({|LP0003:\"V\"|})); }",
        "using System.Security.Cryptography; class C { object M() => new HMACSHA512({|LP0003:\"V\"u8|}.ToArray()); }",
        "using System.Security.Cryptography; using System.Text; class C { byte[] M(byte[] d) => HMACSHA256.HashData(Encoding.ASCII.GetBytes({|LP0003:\"V\"|}), d); }",
        "using System.Security.Cryptography; using System.Text; class C { void M(HMACSHA256 h) { h.Key = Encoding.UTF8.GetBytes({|LP0003:\"V\"|}); } }",
        "using System; class C { void M() => Environment.SetEnvironmentVariable(\"BINANCE_API_SECRET\", {|LP0003:\"V\"|}); }",
        "using OtpNet; class C { object M() => new Totp(Base32Encoding.ToBytes({|LP0003:\"V\"|})); }",
        "using OtpNet; using System.Text; class C { object M() => new Hotp(Encoding.ASCII.GetBytes({|LP0003:\"V\"|})); }",
        "using CryptoExchange.Net.Authentication; class C { object M() => new ApiCredentials({|LP0003:\"V\"|}, {|LP0003:\"V\"|}); }",
        "using Alpaca.Markets; class C { object M() => new SecretKey(\"PKZ7X3Q9M2L8R4T6V1W0\", {|LP0003:\"V\"|}); }",
        "using System.Net; static class K { public const string P = \"V\"; } class C { object M() => new NetworkCredential(\"trader\", {|LP0003:K.P|}); }",
    };

    [Theory]
    [MemberData(nameof(Sinks))]
    public Task Reports_each_sink(string template) =>
        Verify.AnalyzerWithSourcesAsync(template.Replace("V\"", Value + "\""), OtpNetStub);

    [Fact]
    public Task Reports_a_totp_seed_only_when_otp_net_shapes_exist() =>
        Verify.AnalyzerAsync(
            $"namespace Other {{ class Totp {{ public Totp(byte[] k) {{ }} }} class C {{ object M() => new Totp(System.Text.Encoding.ASCII.GetBytes(\"{Value}\")); }} }}");

    public static TheoryData<string> QuietSinks => new()
    {
        "using System; class C { void M() => Environment.SetEnvironmentVariable(\"LOG_LEVEL\", \"Debug-Verbose-1\"); }",
        "using System.Net.Http; class C { void M(HttpClient h) => h.DefaultRequestHeaders.Add(\"Accept\", \"application/json\"); }",
        "using System.Net.Http; class C { void M(HttpClient h) => h.DefaultRequestHeaders.Add(\"User-Agent\", \"TradingBot/1.2.3\"); }",
        "using System.Net; class C { object M() => new NetworkCredential(\"trader\", \"\"); }",
        "using System.Net; class C { object M() => new NetworkCredential(\"trader\", \"<password>\"); }",
        "using System.Net; class C { object M(string p) => new NetworkCredential(\"trader\", p); }",
        "using System.Net.Http; class C { void M(HttpClient h) => h.DefaultRequestHeaders.Add(\"Authorization\", \"Bearer YOUR_TOKEN\"); }",
        "using System.Net.Http.Headers; class C { object M() => new AuthenticationHeaderValue(\"Bearer\"); }",
        "using System; class C { string? M() => Environment.GetEnvironmentVariable(\"BINANCE_API_SECRET\"); }",
    };

    [Theory]
    [MemberData(nameof(QuietSinks))]
    public Task Stays_quiet_on_non_credentials_at_sinks(string source) => Verify.AnalyzerAsync(source);
}
