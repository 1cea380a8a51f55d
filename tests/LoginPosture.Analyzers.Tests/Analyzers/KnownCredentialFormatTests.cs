using LoginPosture.Analyzers.Internal;
using LoginPosture.Analyzers.Tests.Harness;
using LoginPosture.Analyzers.Tests.Verifiers;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>LP0002: provider credential formats, found whatever the surrounding names say.</summary>
public sealed class KnownCredentialFormatTests
{
    public static TheoryData<string, string> Formats => new()
    {
        { "AWS access key ID", Fake.AwsAccessKeyId() },
        { "GitHub token", Fake.GitHubClassic() },
        { "GitHub fine-grained personal access token", Fake.GitHubFineGrained() },
        { "Slack token", Fake.SlackBot() },
        { "Slack webhook URL", Fake.SlackWebhook() },
        { "Stripe live or restricted key", Fake.StripeLive() },
        { "Stripe live or restricted key", Fake.StripeRestricted() },
        { "Google API key", Fake.GoogleApiKey() },
        { "SendGrid API key", Fake.SendGrid() },
        { "Telegram bot token", Fake.Telegram() },
        { "OpenAI API key", Fake.OpenAiProject() },
        { "OpenAI API key", Fake.OpenAiLegacy() },
        { "signed JSON Web Token", Fake.Jwt() },
        { "PEM private key", Fake.PemPrivateKeyEscaped() },
        { "Azure storage account key", Fake.AzureStorageConnectionString() },
        { "NuGet API key", Fake.NuGetKey() },
        { "Microsoft Entra client secret", Fake.EntraClientSecret() },
        { "GitLab personal access token", Fake.GitLab() },
        { "npm access token", Fake.Npm() },
        { "Anthropic API key", Fake.Anthropic() },
        { "Azure shared access key", Fake.ServiceBusConnectionString() },
        { "connection string with a password", "Server=db.internal;Database=orders;User Id=trader;Password=" + Fake.Random(12, 3) + ";" },
        { "connection string with a password", "Host=pg;Username=bot;Pw" + "d = 'hunter2x';" },
        { "connection string with a password", "Server=db;Pass" + "word=hunter2;" },
        { "URL carrying a password", "https://trader01:" + Fake.Random(12, 4) + "@fix.broker.example/session" },
        { "URL carrying a password", "amqp://bot:" + Fake.Random(10, 5) + "@rabbit:5672/" },
        { "otpauth:// URI with a TOTP/HOTP seed", "otpauth://totp/Broker:me?secret=" + Fake.From(Fake.Base32, 32, 6) + "&issuer=Broker" },
        { "connection string with a password", "redis.internal:6380,pass" + "word=" + Fake.Random(32, 7) + ",ssl=True,abortConnect=False" },
        { "connection string with a password", "redis-1:6379,redis-2:6379,Pass" + "word=" + Fake.Random(20, 8) },
        { "URL carrying a password", "redis://default:" + Fake.Random(24, 9) + "@redis.internal:6379/0" },
        { "URL carrying a password", "rediss://:" + Fake.Random(24, 10) + "@cache.example:6380" },
        { "Azure shared access signature", Fake.AzureSasUrl() },
        { "Azure shared access signature", "SharedAccessSignature sr=orders&si" + "g=" + Fake.From(Fake.Base64, 43, 11) + "=&se=1900000000&skn=send" },
        { "Basic authentication user:password", Fake.BasicAuth("trader01", Fake.Random(14, 12)) },
        { "Discord bot token", Fake.DiscordBot() },
        { "Discord bot token", Fake.DiscordBot(5) },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Reports_each_format_in_an_unremarkable_variable(string description, string value)
    {
        Assert.Equal(description, CredentialFormats.Describe(CredentialFormats.Find(value.Replace("\\n", "\n"))));
        await Verify.AnalyzerAsync($"class C {{ static readonly string Value = {{|LP0002:\"{value}\"|}}; }}");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public Task Reports_formats_anywhere_even_in_arguments_and_messages(string description, string value)
    {
        _ = description;
        return Verify.AnalyzerAsync(
            $"class C {{ void Use(object o) {{ }} void M() => Use({{|LP0002:\"prefix {value} suffix\"|}}); }}");
    }

    [Fact]
    public Task Reports_a_format_split_across_a_constant_concatenation_once()
    {
        var key = Fake.GitHubClassic(9);
        return Verify.AnalyzerAsync(
            $"class C {{ const string Token = {{|LP0002:\"{key.Substring(0, 10)}\" + \"{key.Substring(10)}\"|}}; }}");
    }

    [Fact]
    public Task Reports_a_pem_key_split_over_lines_of_a_concatenation()
    {
        var body = Fake.From(Fake.Base64, 64, 2);
        return Verify.AnalyzerAsync(
            $$"""
            class C
            {
                const string Key = {|LP0002:"-----BEGIN PRIVATE KEY-----\n" +
                    "MI{{body}}\n" +
                    "{{body}}\n" +
                    "-----END PRIVATE KEY-----"|};
            }
            """);
    }

    [Fact]
    public Task Reports_constant_parts_of_interpolated_strings()
    {
        var key = Fake.StripeLive(3);
        return Verify.AnalyzerAsync(
            $"class C {{ string M(string account) => {{|LP0002:$\"https://api.pay.example/{{account}}?key={key}\"|}}; }}");
    }

    [Fact]
    public Task Reports_utf8_and_raw_literals()
    {
        var key = Fake.SlackBot(4);
        return Verify.AnalyzerAsync(
            $"class C {{ static System.ReadOnlySpan<byte> A => {{|LP0002:\"{key}\"u8|}}; const string B = {{|LP0002:\"\"\"{Fake.GoogleApiKey(5)}\"\"\"|}}; }}");
    }

    public static TheoryData<string> NearMisses => new()
    {
        "AK" + "IAIOSFODNN7EXAMPLE",
        "AK" + "IA" + "1234",
        "gh" + "p_tooShort",
        "pk" + "_live_" + Fake.Random(24, 1),
        "sk" + "_test_" + Fake.Random(24, 1),
        "ey" + "JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.ey" + "JzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
            + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "ey" + "JhbGciOiJub25lIn0.ey" + "JzdWIiOiIxMjM0NTY3ODkwIn0.",
        "-----BEGIN " + "PRIVATE KEY-----",
        "-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq9z3Vx2mLrT8MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq9z3Vx2mLrT8\\n-----END PUBLIC KEY-----",
        "Server=db;Database=orders;Integrated Security=true;",
        "Server=db;User Id=sa;Password=;",
        "Server=db;User Id=sa;Password={0};",
        "Server=db;User Id=sa;Password=@password;",
        "Server=db;User Id=sa;Password=********;",
        "Server=db;User Id=sa;Password=${DB_PASSWORD};",
        "PasswordField=1;PasswordPolicy=strict",
        "https://api.broker.example/v1/orders?symbol=AAPL",
        "https://user@host.example/path",
        "https://admin:admin@localhost:8080/",
        "https://user:{password}@host.example/",
        "mailto:someone@example.com",
        "otpauth://totp/Broker:me?issuer=Broker",
        "Please enter your password = the one from the welcome letter",
        // Redis options without a password, and a comma list that is a sentence
        "redis.internal:6380,ssl=True,abortConnect=False",
        "redis.internal:6380,password=,ssl=True",
        "redis.internal:6380,password={0},ssl=True",
        "redis.internal:6380,password=changeme,ssl=True",
        "redis://localhost:6379/0",
        // SAS URLs without a signature, with a placeholder, or a sig= that is not a query parameter
        "https://acct.blob.core.windows.net/c?sv=2022-11-02&se=2030-01-01&sp=r",
        "https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=<signature>",
        "https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=" + new string('A', 43) + "%3D",
        "https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=" + Fake.Random(20, 1) + "%3D",
        "usesig=" + Fake.From(Fake.Base64, 43, 2) + "=",
        // Basic values that are documentation or not user:password
        Fake.BasicAuth("user", "password"),
        Fake.BasicAuth("admin", "admin"),
        Fake.BasicAuth("trader", "pw"),
        "Basic " + Fake.From(Fake.Alnum, 32, 3),
        "Basic realm=\\\"Broker\\\"",
        // dotted names and version strings that are not Discord tokens
        "MarketDataSubscriptionSvc.Orders.PlaceLimitOrderWithTimeInForce",
        "M" + Fake.From(Fake.UrlSafe, 25, 4) + "." + Fake.From(Fake.UrlSafe, 7, 5) + "." + Fake.From(Fake.UrlSafe, 27, 6),
        "A" + Fake.From(Fake.UrlSafe, 25, 4) + "." + Fake.From(Fake.UrlSafe, 6, 5) + "." + Fake.From(Fake.UrlSafe, 27, 6),
    };

    [Theory]
    [MemberData(nameof(NearMisses))]
    public Task Stays_quiet_on_near_misses(string value) =>
        Verify.AnalyzerAsync($"class C {{ static readonly string Value = \"{value}\"; }}");

    [Fact]
    public Task Stays_quiet_on_url_holes_in_interpolated_strings() =>
        Verify.AnalyzerAsync(
            "class C { string M(string user, string pwd, string host) => $\"https://{user}:{pwd}@{host}/\" + $\"Server=db;Password={pwd};\"; }");
}
