using LoginPosture.Analyzers.Tests.Harness;
using LoginPosture.Analyzers.Tests.Verifiers;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>
/// Paths are names, not values, so they stay quiet; but a leading '/' alone does not make a path: one base64 secret in 64
/// starts with it.
/// </summary>
public sealed class PathLikeValueTests
{
    /// <summary>Base64 of 32 random bytes whose first character is '/', as a key generator would emit 1 time in 64.</summary>
    private static string SlashBase64(int seed) => "/" + Fake.From(Fake.Base64, 42, seed) + "=";

    /// <summary>Same, without '+' or '=' anywhere: only the letters, digits and '/' a path could also hold.</summary>
    private static string SlashAlnum(int seed) => "/" + Fake.From(Fake.Alnum + "/", 39, seed);

    [Fact]
    public async Task Reports_base64_secrets_that_start_with_a_slash()
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            await Verify.AnalyzerAsync($"class C {{ const string ApiSecret = {{|LP0001:\"{SlashBase64(seed)}\"|}}; }}");
        }
    }

    [Fact]
    public async Task Reports_slash_led_secrets_without_base64_padding_or_plus()
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            await Verify.AnalyzerAsync($"class C {{ string privateKey = {{|LP0001:\"{SlashAlnum(seed)}\"|}}; }}");
        }
    }

    [Fact]
    public Task Reports_a_slash_led_secret_passed_to_a_secret_named_parameter() =>
        Verify.AnalyzerAsync(
            $"class C {{ void Connect(string apiKey, string apiSecret) {{ }} void M() => Connect(\"k\", {{|LP0001:\"{SlashBase64(99)}\"|}}); }}");

    public static TheoryData<string> Paths => new()
    {
        // REST endpoints and route templates
        "/api/v3/order",
        "/sapi/v1/account/apiRestrictions",
        "/api/v3/userDataStream",
        "/v5/order/create?category=linear&symbol=BTCUSDT",
        "/0/private/AddOrder",
        "/orders/{orderId:guid}/cancel",
        "/accounts/{accountId}/positions/",
        "/fapi/v2/positionRisk",
        "/v2/GetAccountInformationV2",
        "/oauth/token",
        "/login",
        // file-system paths
        "/etc/binance/api.key",
        "/home/trader/.config/kraken/secret",
        "/run/secrets/binance_api_secret",
        "/var/lib/app/password.txt",
        "/Users/trader/keys/kraken-private.pem",
        "/secrets/ApiSecret",
        "~/keys/coinbase.pem",
        "./secrets/bybit.json",
        "../config/credentials.yaml",
        "C:\\\\keys\\\\ibkr.p12",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public Task Stays_quiet_on_paths_in_secret_named_targets(string path) =>
        Verify.AnalyzerAsync(
            $"class C {{ const string ApiSecret = \"{path}\"; string privateKey = \"{path}\"; void M(string password = \"{path}\") {{ }} }}");
}
