using System.Net;

namespace LoginPosture.AspNetCore.Tests;

/// <summary>Each tier's allow, step-up and deny answers through the sample's endpoints, with real signed tokens.</summary>
[Collection(SampleCollection.Name)]
public sealed class TierAnswerTests(SampleApp app)
{
    private const string Portfolio = "/portfolio";
    private const string SmallOrder = "/orders?symbol=AAPL&quantity=10&amount=2300";
    private const string LargeOrder = "/orders?symbol=AAPL&quantity=300&amount=60000";
    private const string Withdrawal = "/withdrawals?amount=1000";

    [Fact]
    public async Task Tier3_portfolio_allows_a_password_only_session()
    {
        var token = Claims.Amr("pwd").AuthenticatedAgo(TimeSpan.FromDays(2)).SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Get, Portfolio, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("U7654321", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tier3_portfolio_steps_up_an_authentication_older_than_30_days()
    {
        var token = Claims.Amr("pwd").AuthenticatedAgo(TimeSpan.FromDays(31)).SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Get, Portfolio, token);

        var (acr, maxAge) = Challenge.Single(response).AssertStepUp();
        Assert.Equal(["urn:loginposture:acr:password"], acr);
        Assert.Equal((long)TimeSpan.FromDays(30).TotalSeconds, maxAge);
    }

    [Fact]
    public async Task Tier3_portfolio_has_no_deny_path_even_for_the_weakest_environment()
    {
        // Monitoring asks only for an authenticated, fresh-enough session: platform, network and settings never block it.
        var token = Claims.Amr("pwd").Platform("web").With("saved_credentials", true).With("phone_only_factor", true).Without("idle_timeout").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Get, Portfolio, token, ("X-Forwarded-For", "198.51.100.7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Tier2_order_allows_an_authenticator_app_on_the_desktop()
    {
        var token = Claims.Amr("pwd", "otp").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, SmallOrder, token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Tier2_order_steps_up_an_sms_session_to_an_authenticator_app()
    {
        var token = Claims.Amr("pwd", "sms").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, SmallOrder, token);

        var (acr, maxAge) = Challenge.Single(response).AssertStepUp();
        Assert.Equal(["urn:loginposture:acr:authenticator-app"], acr);
        Assert.Equal((long)TimeSpan.FromHours(12).TotalSeconds, maxAge);
    }

    [Fact]
    public async Task Tier2_order_denies_a_web_session_without_browser_isolation_or_idle_lock()
    {
        var claims = Claims.Amr("pwd", "otp").Platform("web").Without("idle_timeout");
        var token = claims.SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, SmallOrder, token);

        var unmet = await Problem.UnmetAsync(response, token, claims.Subject);
        Assert.Equal(["BrowserIsolation", "IdleTimeout"], unmet);
    }

    [Fact]
    public async Task Tier2_order_at_or_above_the_large_notional_is_tier1()
    {
        var token = Claims.Amr("pwd", "otp").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, LargeOrder, token);

        var (acr, maxAge) = Challenge.Single(response).AssertStepUp();
        Assert.Equal(["urn:loginposture:acr:hardware-otp"], acr);
        Assert.Equal(300, maxAge);
    }

    [Fact]
    public async Task Tier1_withdrawal_allows_a_fresh_security_key_on_a_trusted_desktop()
    {
        var token = Claims.Amr("pwd", "hwk").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Tier1_withdrawal_steps_up_an_authenticator_app_to_hardware()
    {
        var token = Claims.Amr("pwd", "otp").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        var (acr, maxAge) = Challenge.Single(response).AssertStepUp();
        Assert.Equal(["urn:loginposture:acr:hardware-otp"], acr);
        Assert.Equal(300, maxAge);
    }

    [Fact]
    public async Task Tier1_withdrawal_steps_up_a_security_key_used_more_than_five_minutes_ago()
    {
        var token = Claims.Amr("pwd", "hwk").AuthenticatedAgo(TimeSpan.FromMinutes(6)).SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        Assert.Equal(300, Challenge.Single(response).AssertStepUp().MaxAge);
    }

    [Fact]
    public async Task Tier1_withdrawal_denies_saved_credentials_and_lists_a_step_up_requirement_beside_them()
    {
        var claims = Claims.Amr("pwd", "otp").With("saved_credentials", true);
        var token = claims.SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        // A denial outweighs the step-up: stepping up alone would not help. Both are listed.
        var unmet = await Problem.UnmetAsync(response, token, claims.Subject);
        Assert.Equal(["FactorStrength", "NoSavedCredentials"], unmet);
    }

    [Fact]
    public async Task Controller_attribute_allows_a_routine_rebalance_and_steps_up_a_large_one()
    {
        var token = Claims.Amr("pwd", "otp").SignedBy(app);

        using var small = await app.SendAsync(HttpMethod.Post, "/rebalance?amount=1000", token);
        using var large = await app.SendAsync(HttpMethod.Post, "/rebalance?amount=75000", token);
        using var unreadable = await app.SendAsync(HttpMethod.Post, "/rebalance?amount=lots", token);

        Assert.Equal(HttpStatusCode.Accepted, small.StatusCode);
        Assert.Equal(["urn:loginposture:acr:hardware-otp"], Challenge.Single(large).AssertStepUp().AcrValues);
        // An amount that cannot be read counts as unbounded, so the rebalance is judged as a large one.
        Assert.Equal(["urn:loginposture:acr:hardware-otp"], Challenge.Single(unreadable).AssertStepUp().AcrValues);
    }
}
