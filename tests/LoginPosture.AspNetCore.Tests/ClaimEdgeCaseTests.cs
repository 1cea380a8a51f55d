using System.Net;

namespace LoginPosture.AspNetCore.Tests;

/// <summary>Claim edge cases: missing or odd auth_time, unknown and several amr values, acr, clock skew.</summary>
[Collection(SampleCollection.Name)]
public sealed class ClaimEdgeCaseTests(SampleApp app)
{
    private const string SmallOrder = "/orders?symbol=AAPL&quantity=10&amount=2300";
    private const string Withdrawal = "/withdrawals?amount=1000";

    [Fact]
    public async Task Missing_auth_time_reads_as_long_ago_so_every_tier_asks_for_a_fresh_authentication()
    {
        var token = Claims.Amr("pwd", "hwk").Without("auth_time").SignedBy(app);

        using var withdrawal = await app.SendAsync(HttpMethod.Post, Withdrawal, token);
        using var portfolio = await app.SendAsync(HttpMethod.Get, "/portfolio", token);

        Assert.Equal(300, Challenge.Single(withdrawal).AssertStepUp().MaxAge);
        Assert.Equal((long)TimeSpan.FromDays(30).TotalSeconds, Challenge.Single(portfolio).AssertStepUp().MaxAge);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public async Task Malformed_auth_time_is_treated_as_missing(string value)
    {
        var token = Claims.Amr("pwd", "hwk").With("auth_time", value).SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        Assert.Equal(300, Challenge.Single(response).AssertStepUp().MaxAge);
    }

    [Fact]
    public async Task Fractional_auth_time_is_read()
    {
        var seconds = DateTimeOffset.UtcNow.AddSeconds(-20).ToUnixTimeMilliseconds() / 1000.0;
        var token = Claims.Amr("pwd", "hwk").With("auth_time", seconds).SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_amr_values_prove_no_factor()
    {
        var token = Claims.Amr("pwd", "retina-ultra", "HWK", "face").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, SmallOrder, token);

        // Values are case-sensitive (RFC 8176 registers lower case); biometrics alone prove no second factor.
        Assert.Equal(["urn:loginposture:acr:authenticator-app"], Challenge.Single(response).AssertStepUp().AcrValues);
    }

    [Fact]
    public async Task A_configured_amr_value_of_the_identity_provider_counts()
    {
        // appsettings.json maps the provider's own "dsc" (a hardware OTP card) to HardwareOtp.
        var token = Claims.Amr("pwd", "dsc").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData(new[] { "pwd", "sms", "hwk" }, HttpStatusCode.Accepted)]
    [InlineData(new[] { "hwk", "sms", "pwd" }, HttpStatusCode.Accepted)]
    [InlineData(new[] { "sms", "otp" }, HttpStatusCode.Unauthorized)]
    [InlineData(new[] { "mfa" }, HttpStatusCode.Unauthorized)]
    public async Task Several_amr_values_count_as_the_strongest_factor_among_them(string[] amr, HttpStatusCode expected)
    {
        var token = Claims.Amr(amr).SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_single_amr_string_rather_than_an_array_is_read()
    {
        var token = Claims.Amr().With("amr", "hwk").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_acr_value_asked_for_in_a_challenge_satisfies_it_when_the_token_carries_it()
    {
        var stepUp = Claims.Amr("pwd").SignedBy(app);
        using var first = await app.SendAsync(HttpMethod.Post, Withdrawal, stepUp);
        var acr = Assert.Single(Challenge.Single(first).AssertStepUp().AcrValues);

        var token = Claims.Amr("pwd").With("acr", acr).SignedBy(app);
        using var second = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
    }

    [Fact]
    public async Task An_auth_time_slightly_ahead_within_the_allowed_clock_skew_is_fresh()
    {
        var token = Claims.Amr("pwd", "hwk").AuthenticatedAgo(TimeSpan.FromSeconds(-40)).SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task An_auth_time_further_ahead_than_the_clock_skew_is_not_trusted()
    {
        var token = Claims.Amr("pwd", "hwk").AuthenticatedAgo(TimeSpan.FromMinutes(-10)).SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        Assert.Equal(300, Challenge.Single(response).AssertStepUp().MaxAge);
    }

    [Fact]
    public async Task Mobile_client_hint_decides_the_platform_when_no_claim_names_it()
    {
        var token = Claims.Amr("pwd", "hwk").Without("platform").SignedBy(app);

        using var mobile = await app.SendAsync(HttpMethod.Post, Withdrawal, token, ("Sec-CH-UA-Mobile", "?1"));
        using var browser = await app.SendAsync(HttpMethod.Post, Withdrawal, token, ("Sec-CH-UA-Mobile", "?0"));

        Assert.Equal(["SecondaryChannel"], await Problem.UnmetAsync(mobile));
        Assert.Equal(["DesktopWorkstation"], await Problem.UnmetAsync(browser));
    }

    [Fact]
    public async Task A_forged_client_hint_cannot_override_the_signed_platform_claim()
    {
        var token = Claims.Amr("pwd", "hwk").Platform("web").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token, ("Sec-CH-UA-Mobile", "?1"));

        Assert.Equal(["DesktopWorkstation"], await Problem.UnmetAsync(response));
    }
}
