using System.Net;
using System.Text;
using LoginPosture.Samples.WebApi;
using Microsoft.IdentityModel.Tokens;

namespace LoginPosture.AspNetCore.Tests;

/// <summary>A token that does not authenticate gets the bearer handler's own challenge, never a step-up.</summary>
[Collection(SampleCollection.Name)]
public sealed class MalformedTokenTests(SampleApp app)
{
    private const string Withdrawal = "/withdrawals?amount=1000";

    public static TheoryData<string> BadTokens()
    {
        var claims = Claims.Amr("pwd", "hwk").ToDictionary();
        using var otherIssuer = new DemoTokens();
        var valid = new SampleApp().Tokens; // never started: only its key is used, which no running app trusts
        var parts = valid.Issue(claims).Split('.');
        var tampered = Base64UrlEncoder.Encode(Base64UrlEncoder.DecodeBytes(parts[1]).Concat(Encoding.UTF8.GetBytes(" ")).ToArray());
        return new TheoryData<string>
        {
            "not-a-jwt",
            "a.b.c",
            otherIssuer.Issue(claims),
            Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".",
            parts[0] + "." + tampered + "." + parts[2],
            parts[0] + "." + parts[1],
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Unverifiable_tokens_get_invalid_token_not_a_step_up(string token)
    {
        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        var challenge = Challenge.Single(response);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("invalid_token", challenge.Parameters["error"]);
        Assert.False(challenge.Parameters.ContainsKey("acr_values"));
    }

    [Fact]
    public async Task A_token_signed_by_the_app_but_tampered_with_is_rejected()
    {
        var parts = Claims.Amr("pwd", "otp").SignedBy(app).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"otp\"", "\"hwk\"", StringComparison.Ordinal);
        var forged = parts[0] + "." + Base64UrlEncoder.Encode(payload) + "." + parts[2];

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, forged);

        Assert.Equal("invalid_token", Challenge.Single(response).Parameters["error"]);
    }

    [Fact]
    public async Task An_expired_token_is_rejected_even_with_a_strong_factor()
    {
        var token = app.Tokens.Issue(Claims.Amr("pwd", "hwk").ToDictionary(), DateTime.UtcNow.AddHours(-3));

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token);

        var challenge = Challenge.Single(response);
        Assert.Equal("invalid_token", challenge.Parameters["error"]);
        Assert.Contains("expired", challenge.Parameters["error_description"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task No_token_gets_a_plain_bearer_challenge()
    {
        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token: null);

        var challenge = Challenge.Single(response);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Empty(challenge.Parameters);
    }
}
