using LoginPosture.Analyzers.Tests.Harness;
using LoginPosture.Analyzers.Tests.Verifiers;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>LP0001: a constant reaching a target named like a secret, in every construct the rule promises.</summary>
public sealed class SecretNamedTargetTests
{
    private static readonly string Secret = Fake.Random(40, seed: 7);

    public static TheoryData<string> Constructs => new()
    {
        // fields, constants, locals, properties and their initializers
        "class C { private string apiSecret = {|LP0001:\"S\"|}; }",
        "class C { private const string BinanceApiSecret = {|LP0001:\"S\"|}; }",
        "class C { static readonly string KrakenPrivateKey = {|LP0001:\"S\"|}; }",
        "class C { void M() { var accessToken = {|LP0001:\"S\"|}; _ = accessToken; } }",
        "class C { void M() { const string clientSecret = {|LP0001:\"S\"|}; _ = clientSecret; } }",
        "class C { public string ApiKey { get; set; } = {|LP0001:\"S\"|}; }",
        "class C { public string ApiKey => {|LP0001:\"S\"|}; }",
        "class C { public string ApiKey { get { return {|LP0001:\"S\"|}; } } }",
        // assignments and object initializers
        "class O { public string? ApiSecret { get; set; } } class C { void M(O o) { o.ApiSecret = {|LP0001:\"S\"|}; } }",
        "class O { public string? ApiSecret { get; set; } } class C { O M() => new O { ApiSecret = {|LP0001:\"S\"|} }; }",
        "class C { string? token; void M() { this.token = {|LP0001:\"S\"|}; } }",
        // named and positional arguments
        "class C { void Connect(string apiKey, string apiSecret) { } void M() => Connect(apiSecret: {|LP0001:\"S\"|}, apiKey: \"K\"); }",
        "class C { void Connect(string user, string apiSecret) { } void M() => Connect(\"trader\", {|LP0001:\"S\"|}); }",
        "class Creds { public Creds(string key, string secret) { } } class C { Creds M() => new Creds(\"k\", {|LP0001:\"S\"|}); }",
        // dictionary and indexer entries
        "using System.Collections.Generic; class C { void M(Dictionary<string, string> d) { d[\"ApiSecret\"] = {|LP0001:\"S\"|}; } }",
        "using System.Collections.Generic; class C { Dictionary<string, string> D = new() { [\"Binance:ApiSecret\"] = {|LP0001:\"S\"|} }; }",
        "using System.Collections.Generic; class C { Dictionary<string, string> D = new() { { \"api_secret\", {|LP0001:\"S\"|} } }; }",
        "using System.Collections.Generic; class C { void M(Dictionary<string, string> d) => d.Add(\"password\", {|LP0001:\"S\"|}); }",
        "using System.Collections.Generic; class C { KeyValuePair<string, string> P = new(\"ApiSecret\", {|LP0001:\"S\"|}); }",
        // tuples
        "class C { (string apiKey, string apiSecret) T = (apiKey: \"k\", apiSecret: {|LP0001:\"S\"|}); }",
        "class C { void M() { var (apiKey, apiSecret) = (\"k\", {|LP0001:\"S\"|}); _ = apiKey + apiSecret; } }",
        "class C { (string, string) T = (\"apiSecret\", {|LP0001:\"S\"|}); }",
        // unnamed tuple literals take their element names from the tuple type they convert to
        "class C { public (string ApiKey, string ApiSecret) Credentials() => ({|LP0001:\"S\"|}, {|LP0001:\"T\"|}); }",
        "class C { (string Key, string Secret) M() { return (\"k\", {|LP0001:\"S\"|}); } }",
        "class C { void M() { (string Key, string Secret) creds = (\"k\", {|LP0001:\"S\"|}); _ = creds; } }",
        "class C { (string Exchange, string ApiSecret) creds = (\"binance\", {|LP0001:\"S\"|}); }",
        "class C { void M() { (string apiKey, string apiSecret) t; t = (\"k\", {|LP0001:\"S\"|}); _ = t; } }",
        "class C { void Connect((string Key, string Secret) creds) { } void M() => Connect((\"k\", {|LP0001:\"S\"|})); }",
        "using System.Collections.Generic; class C { List<(string Exchange, string ApiSecret)> Accounts = [(\"kraken\", {|LP0001:\"S\"|})]; }",
        // the same through an array and an interface target (on Roslyn 4.8 the names come from the collection's element type)
        "class C { (string Exchange, string ApiSecret)[] Accounts = [(\"kraken\", {|LP0001:\"S\"|})]; }",
        "using System.Collections.Generic; class C { IEnumerable<(string Exchange, string ApiSecret)> Accounts = [(\"kraken\", {|LP0001:\"S\"|})]; }",
        "class C { (string Venue, (string ApiKey, string ApiSecret) Creds) M() => (\"bybit\", ({|LP0001:\"S\"|}, {|LP0001:\"T\"|})); }",
        // returns
        "class C { string GetApiSecret() { return {|LP0001:\"S\"|}; } }",
        "class C { string GetApiSecret() => {|LP0001:\"S\"|}; }",
        "class C { void M() { string ApiSecret() => {|LP0001:\"S\"|}; _ = ApiSecret(); } }",
        // comparisons
        "class C { bool M(string password) => password == {|LP0001:\"S\"|}; }",
        "class C { bool M(string password) => {|LP0001:\"S\"|} != password; }",
        "class C { bool M(string apiSecret) => apiSecret.Equals({|LP0001:\"S\"|}); }",
        "class C { bool M(string apiSecret) => string.Equals(apiSecret, {|LP0001:\"S\"|}); }",
        "class C { bool M(string password) => password is {|LP0001:\"S\"|}; }",
        // arrays, collections, ternaries, coalescing
        "class C { string[] apiKeys = { {|LP0001:\"S\"|}, {|LP0001:\"T\"|} }; }",
        "class C { string[] apiKeys = new[] { {|LP0001:\"S\"|} }; }",
        "using System.Collections.Generic; class C { List<string> apiTokens = [{|LP0001:\"S\"|}]; }",
        "class C { string M(bool live) { var apiSecret = live ? {|LP0001:\"S\"|} : {|LP0001:\"T\"|}; return apiSecret; } }",
        "class C { string M(string? s) { var apiSecret = s ?? {|LP0001:\"S\"|}; return apiSecret; } }",
        // switch expressions and lambdas
        "class C { string M(bool live) { var apiSecret = live switch { true => {|LP0001:\"S\"|}, false => {|LP0001:\"T\"|} }; return apiSecret; } }",
        "class C { System.Func<string> GetApiSecret = () => {|LP0001:\"S\"|}; }",
        // anonymous objects, parameter defaults
        "class C { object M() => new { ApiSecret = {|LP0001:\"S\"|} }; }",
        "class C { void M(string apiSecret = {|LP0001:\"S\"|}) { } }",
    };

    [Theory]
    [MemberData(nameof(Constructs))]
    public Task Reports_each_construct(string template) =>
        Verify.AnalyzerAsync(Fill(template));

    public static TheoryData<string> LiteralForms => new()
    {
        "{|LP0001:\"V\"|}",
        "{|LP0001:@\"V\"|}",
        "{|LP0001:\"\"\"V\"\"\"|}",
        "{|LP0001:$\"V\"|}",
        "{|LP0001:$@\"V\"|}",
        "{|LP0001:\"V1\" + \"V2\"|}",
        "{|LP0001:\"V1\" + Part|}",
    };

    [Theory]
    [MemberData(nameof(LiteralForms))]
    public Task Reports_every_literal_form(string form)
    {
        var value = Fake.Random(40, 3);
        var expression = form.Replace("V1", value.Substring(0, 20)).Replace("V2", value.Substring(20)).Replace("V", value);
        return Verify.AnalyzerAsync(
            $"class C {{ const string Part = \"{value.Substring(20)}\"; const string ApiSecret = {expression}; }}");
    }

    [Fact]
    public Task Reports_constant_interpolated_strings_and_ignores_ones_with_run_time_holes()
    {
        var value = Fake.Random(40, 12);
        return Verify.AnalyzerAsync(
            $$"""
            class C
            {
                const string Head = "{{value.Substring(0, 20)}}";
                const string ApiSecret = {|LP0001:$"{Head}{{value.Substring(20)}}"|};
                string M(string account) { var apiSecret = $"{account}-{{value.Substring(20)}}"; return apiSecret; }
            }
            """);
    }

    [Fact]
    public Task Reports_utf8_literals()
    {
        var value = Fake.Random(40, 4);
        return Verify.AnalyzerAsync(
            $"class C {{ static System.ReadOnlySpan<byte> ApiSecret => {{|LP0001:\"{value}\"u8|}}; static byte[] HmacSecret = {{|LP0001:\"{value}\"u8|}}.ToArray(); }}");
    }

    [Fact]
    public Task Reports_a_constant_reaching_a_secret_target_through_another_name()
    {
        var value = Fake.Random(40, 5);
        return Verify.AnalyzerAsync(
            $$"""
            static class Defaults { public const string Value = "{{value}}"; }
            class O { public string? ApiSecret { get; set; } }
            class C { void M(O o) { o.ApiSecret = {|LP0001:Defaults.Value|}; } }
            """);
    }

    [Fact]
    public Task Reports_a_secret_named_constant_once_where_it_is_declared()
    {
        var value = Fake.Random(40, 6);
        return Verify.AnalyzerAsync(
            $$"""
            class O { public string? ApiSecret { get; set; } }
            class C { const string ApiSecret = {|LP0001:"{{value}}"|}; void M(O o) { o.ApiSecret = ApiSecret; } }
            """);
    }

    [Theory]
    [InlineData("password", "hunter2x")]
    [InlineData("dbPassword", "Tr0ub4dor&3x")]
    [InlineData("PASSWD", "Qm7#vR2pLx9!")]
    [InlineData("passphrase", "correct horse battery staple")]
    [InlineData("TotpSeed", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")]
    [InlineData("Sig", "q8Zr2LmXp4Tn7Vw1Ks9Yd3Fh6Jb0Gc5Ue8Ra2Wx")]
    [InlineData("AwsSecretAccessKey", "wJalrXUtnFEMIK7MDENGbPxRfiCYzQ4m8Tb2Lk9d")]
    [InlineData("OAuthConsumerSecret", "k9Q2mX7pL4tR8vN1zB6cH3jW5yF0gS2dA7eU4iO9")]
    [InlineData("api_key", "3f9a7c2e1b8d4f6a0c5e9b2d7f1a4c8e")]
    [InlineData("FinnhubApiKey", "3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a65")]
    public Task Reports_secret_names_and_values(string name, string value) =>
        Verify.AnalyzerAsync($"class C {{ const string {name} = {{|LP0001:\"{value}\"|}}; }}");

    public static TheoryData<string, string> QuietCases => new()
    {
        // header names, configuration keys, environment-variable names
        { "ApiKeyHeader", "X-MBX-APIKEY" },
        { "ApiSecret", "APCA-API-SECRET-KEY" },
        { "ApiSecret", "Binance:ApiSecret" },
        { "ApiSecret", "Exchanges__0__ApiSecret" },
        { "ApiSecret", "BINANCE_API_SECRET" },
        { "ApiKeyConfigKey", "Binance:ApiKey" },
        // secret-manager references
        { "ApiSecret", "arn:aws:secretsmanager:us-east-1:123456789012:secret:binance-Ab12Cd" },
        { "ApiSecret", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/binance/)" },
        { "ApiSecret", "op://Trading/Binance/secret" },
        // placeholders
        { "ApiKey", "YOUR_API_KEY" },
        { "ApiSecret", "<your-api-secret-here>" },
        { "SecretKey", "${BINANCE_SECRET_KEY}" },
        { "ApiSecret", "{{ binance_secret }}" },
        { "ApiSecret", "********" },
        { "ApiSecret", "xxxxxxxxxxxxxxxx" },
        { "ApiSecretMask", "xxxx-xxxx-xxxx" },
        { "Password", "aaaaaaaa" },
        { "DefaultPassword", "changeme" },
        { "Password", "{0}" },
        { "Password", "@password" },
        { "ApiSecret", "REPLACE_ME_WITH_SECRET" },
        { "Password", "12345678" },
        // UI text and messages
        { "PasswordPrompt", "Please enter your trading password" },
        { "Password", "Enter the password:" },
        { "ApiSecret", "The API secret is invalid, regenerate it in the exchange" },
        { "PasswordFieldName", "password" },
        // URLs without credentials, paths
        { "AuthTokenUrl", "https://api.broker.example/oauth2/token" },
        { "Token", "https://api.broker.example/oauth2/token" },
        { "PrivateKey", "certs/trading-key.pem" },
        // hashes, checksums and ids
        { "TokenListSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15c6c15b0f00a08" },
        { "PasswordHash", "AQAAAAIAAYagAAAAEJ1u7yLqY9Pz3k0Q8tYwWqv7cXk2Zr9mNn4b5Q==" },
        { "OrderToken", "3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a65" },
        { "ClientId", "a8f3c2e1b9d74f6a0c5e" },
        { "AlpacaKeyId", "PKZ7X3Q9M2L8R4T6V1W0" },
        { "ApiKeyId", "k9Q2mX7pL4tR8vN1zB6c" },
        // public keys
        { "PublicKey", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq9z3Vx2mLrT8" },
        { "PublicKeyToken", "b77a5c561934e089" },
        { "SigningKey", "-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\\n-----END PUBLIC KEY-----" },
        { "InstrumentationKey", "3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a65" },
        { "IdempotencyKey", "3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a65" },
        { "CorrelationKey", "3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a65" },
        { "LogoPngBase64", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" },
        // empty, short and low-entropy values
        { "ApiSecret", "" },
        { "Password", "abc" },
        { "Token", "enabled" },
        { "ApiKey", "Token Session" },
        { "AccessToken", "Bearer Session" },
        { "ApiKey", "primary" },
        // names that only look like secret names
        { "Author", "k9Q2mX7pL4tR8vN1zB6cH3jW5yF0gS2dA7eU4iO9" },
        { "Keyboard", "k9Q2mX7pL4tR8vN1zB6cH3jW5yF0gS2dA7eU4iO9" },
        { "PageToken", "k9Q2mX7pL4tR8vN1zB6cH3jW5yF0gS2dA7eU4iO9" },
        { "CsrfToken", "k9Q2mX7pL4tR8vN1zB6cH3jW5yF0gS2dA7eU4iO9" },
        // CSRF and anti-forgery header and field names
        { "CsrfTokenHeader", "X-CSRF-TOKEN" },
        { "XsrfToken", "X-XSRF-TOKEN" },
        { "AntiForgeryToken", "__RequestVerificationToken" },
        { "AntiforgeryToken", "RequestVerificationToken" },
        { "AntiForgeryTokenField", "__RequestVerificationToken" },
        { "Token", "__RequestVerificationToken" },
        { "AuthToken", "X-CSRF-TOKEN" },
        { "CacheKey", "k9Q2mX7pL4tR8vN1zB6cH3jW5yF0gS2dA7eU4iO9" },
        { "Symbol", "k9Q2mX7pL4tR8vN1zB6cH3jW5yF0gS2dA7eU4iO9" },
    };

    [Theory]
    [MemberData(nameof(QuietCases))]
    public Task Stays_quiet_on_non_secrets(string name, string value) =>
        Verify.AnalyzerAsync($"class C {{ const string {name} = \"{value}\"; }}");

    [Fact]
    public Task Stays_quiet_on_nameof_and_configuration_reads() =>
        Verify.AnalyzerAsync(
            """
            using System;
            class C
            {
                const string ApiKey = nameof(ApiKey);
                string Secret => Environment.GetEnvironmentVariable("BINANCE_API_SECRET") ?? "";
                string? Token { get; } = Environment.GetEnvironmentVariable(nameof(Token));
                void M() => Console.WriteLine("The API secret was rotated; restart the bot to pick up the new token.");
            }
            """);

    public static TheoryData<string> QuietTuples => new()
    {
        // element names that are not secret, unnamed tuple types, and a header name behind a secret-named element
        "class C { (string Symbol, string Side) M() => (\"S\", \"BUY\"); }",
        "class C { (string, string) M() => (\"S\", \"T\"); }",
        "class C { (string Name, string Value) M() => (\"Session\", \"S\"); }",
        "class C { (string ApiKeyHeader, string SecretHeader) M() => (\"X-MBX-APIKEY\", \"X-MBX-SECRET\"); }",
        "class C { (string CsrfToken, string Venue) M() => (\"S\", \"binance\"); }",
        "class C { (string ApiKey, string ApiSecret) M() => (\"YOUR_API_KEY\", \"<your-api-secret-here>\"); }",
        "class C { void M() { var t = (\"S\", \"T\"); _ = t; } }",
    };

    [Theory]
    [MemberData(nameof(QuietTuples))]
    public Task Stays_quiet_on_tuples_without_a_secret_element_name(string template) =>
        Verify.AnalyzerAsync(Fill(template));

    /// <summary>Puts run-time values in place of the "S" and "T" markers of a template.</summary>
    private static string Fill(string template) => template.Replace("\"S\"", Quote(Secret)).Replace("\"T\"", Quote(Fake.Random(40, 8)));

    private static string Quote(string value) => "\"" + value + "\"";
}
