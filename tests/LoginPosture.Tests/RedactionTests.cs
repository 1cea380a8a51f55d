namespace LoginPosture.Tests;

/// <summary>The redactor every quoted text passes through; credential-shaped values are built at run time.</summary>
public sealed class RedactionTests
{
    private static readonly string Long = string.Concat(Enumerable.Range(0, 40).Select(i => "aZ3kP9qW"[i % 8]));
    private static readonly string Short = string.Concat("s3", "cr", "3t");

    public static TheoryData<string, string> Pairs() => new()
    {
        { $"GET /x?apiKey={Short}&id=4", "GET /x?apiKey=[redacted]&id=4" },
        { $"secret={Short}", "secret=[redacted]" },
        { $"{{\"client_secret\": \"{Short} with space\"}}", "{\"client_secret\": \"[redacted]\"}" },
        { $"X-MBX-APIKEY: {Short}", "X-MBX-APIKEY: [redacted]" },
        { $"Authorization: Bearer {Short}", "Authorization: Bearer [redacted]" },
        { $"password:{Short}", "password:[redacted]" },
        { $"apiKey=\"secret\": \"{Short}\"", "apiKey=\"[redacted]\": \"[redacted]\"" },
        { $"token {Short}9999999", "token [redacted]" },
        { $"https://user:{Short}@example.com/", "https://user:[redacted]@example.com/" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Secret_named_values_are_replaced_and_the_names_kept(string text, string expected) =>
        Assert.Equal(expected, Redaction.Redact(text));

    [Fact]
    public void Known_formats_and_long_mixed_runs_are_replaced_anywhere()
    {
        string[] secrets = ["AKIA" + "ABCDEFGHIJ234567", "gh" + "p_" + Long, "sk" + "_live_" + Long[..24], "eyJ" + "hbGciOiJI.eyJzdWIiOiIx." + Long[..10], Long];

        foreach (var secret in secrets)
        {
            var redacted = Redaction.Redact($"failed with {secret} at 14:02");

            Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
            Assert.StartsWith("failed with ", redacted, StringComparison.Ordinal);
            Assert.True(Redaction.LooksSecret(secret));
        }
    }

    [Theory]
    [InlineData("Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost.")]
    [InlineData("auth/status.authenticated=false")]
    [InlineData("HTTP 401 token expired")]
    [InlineData("Market data farm connection is OK:usfarm")]
    [InlineData("2026-11-20 14:02:09,540 ERROR Error 354, reqId 3: Requested market data is not subscribed.")]
    public void Ordinary_signals_pass_unchanged(string text)
    {
        Assert.Equal(text, Redaction.Redact(text));
        Assert.False(Redaction.LooksSecret(text));
    }

    [Fact]
    public void Visible_escapes_control_format_and_separator_characters()
    {
        Assert.Equal("a\\x1B]0;t\\x07\\nb\\u202E\\u2028'\\\\", Redaction.Visible("a\u001b]0;t\u0007\nb\u202e\u2028'\\"));
        Assert.Equal("it\\'s", Redaction.Visible("it's", quote: '\''));
        Assert.Equal("plain text", Redaction.Visible("plain text"));
    }
}
