using LoginPosture.Analyzers.Tests.Harness;
using LoginPosture.Analyzers.Tests.Verifiers;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>
/// The cases the 208-case trading-tool measurement (packaging branch) reported as missed or falsely flagged, written
/// the way that corpus writes them, with run-time values.
/// </summary>
public sealed class TradingCorpusRegressionTests
{
    [Fact]
    public Task P013_tuple_of_key_and_secret_returned_as_a_named_tuple() =>
        Verify.AnalyzerAsync(
            $"class C {{ public (string ApiKey, string ApiSecret) Credentials() => ({{|LP0001:\"{Fake.Random(64, 13)}\"|}}, {{|LP0001:\"{Fake.Random(64, 14)}\"|}}); }}");

    [Fact]
    public Task P070_redis_connection_string_with_password() =>
        Verify.AnalyzerAsync(
            $"class C {{ private const string Cache = {{|LP0002:\"redis.internal:6380,pass\" + \"word={Fake.Random(32, 70)},ssl=True,abortConnect=False\"|}}; }}");

    [Fact]
    public Task P073_azure_sas_url() =>
        Verify.AnalyzerAsync(
            $"class C {{ private const string Upload = {{|LP0002:\"https://tradearchive.blob.core.windows.net/fills?sv=2022-11-02&ss=b&srt=o&sp=rw&se=2030-01-01T00:00:00Z&si\" + \"g={Fake.From(Fake.Base64, 43, 73)}%3D\"|}}; }}");

    [Fact]
    public Task P077_basic_auth_header_value_literal() =>
        Verify.AnalyzerAsync(
            $"class C {{ private const string Basic = {{|LP0002:\"{Fake.BasicAuth("trader01", Fake.Random(14, 77))}\"|}}; }}");

    [Fact]
    public Task P078_discord_bot_token_with_random_segments() =>
        Verify.AnalyzerAsync(
            $"class C {{ private const string Notifier = {{|LP0002:\"M{Fake.From(Fake.UrlSafe, 25, 78)}.{Fake.From(Fake.UrlSafe, 6, 79)}.{Fake.From(Fake.UrlSafe, 27, 80)}\"|}}; }}");

    [Fact]
    public Task N007_csrf_and_anti_forgery_header_names() =>
        Verify.AnalyzerAsync(
            """
            class C
            {
                private const string CsrfTokenHeader = "X-CSRF-TOKEN";
                private const string AntiForgeryToken = "__RequestVerificationToken";
            }
            """);
}
