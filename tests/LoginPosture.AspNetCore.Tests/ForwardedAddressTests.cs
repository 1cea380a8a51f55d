using System.Net;

namespace LoginPosture.AspNetCore.Tests;

/// <summary>The trusted-network check reads the client's address after the host's forwarded-headers handling.</summary>
[Collection(SampleCollection.Name)]
public sealed class ForwardedAddressTests(SampleApp app)
{
    private const string Withdrawal = "/withdrawals?amount=1000";

    [Fact]
    public async Task A_client_on_a_trusted_network_behind_the_known_proxy_is_trusted()
    {
        var token = Claims.Amr("pwd", "hwk").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token, ("X-Forwarded-For", "10.20.30.40"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_public_client_behind_the_known_proxy_is_denied_tier1()
    {
        var token = Claims.Amr("pwd", "hwk").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token, ("X-Forwarded-For", "198.51.100.7"));

        Assert.Equal(["TrustedNetwork"], await Problem.UnmetAsync(response, "198.51.100.7"));
    }

    [Fact]
    public async Task The_last_hop_counts_so_a_spoofed_first_entry_does_not_make_a_client_trusted()
    {
        var token = Claims.Amr("pwd", "hwk").SignedBy(app);

        // The proxy appends the address it saw; only that entry is vouched for (ForwardLimit 1).
        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token, ("X-Forwarded-For", "10.20.30.40, 198.51.100.7"));

        Assert.Equal(["TrustedNetwork"], await Problem.UnmetAsync(response));
    }

    [Fact]
    public async Task A_forwarded_header_from_an_unknown_proxy_is_ignored()
    {
        var token = Claims.Amr("pwd", "hwk").SignedBy(app);

        using var response = await app.SendAsync(
            HttpMethod.Post, Withdrawal, token, (SampleApp.RemoteAddressHeader, "192.0.2.10"), ("X-Forwarded-For", "10.20.30.40"));

        Assert.Equal(["TrustedNetwork"], await Problem.UnmetAsync(response));
    }

    [Theory]
    [InlineData("10.9.8.7")]
    [InlineData("::ffff:10.9.8.7")]
    [InlineData("::1")]
    public async Task Direct_clients_in_the_configured_ranges_are_trusted_in_either_address_family(string address)
    {
        var token = Claims.Amr("pwd", "hwk").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token, (SampleApp.RemoteAddressHeader, address));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("11.0.0.1")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("2001:db8::1")]
    public async Task Direct_clients_outside_the_ranges_are_not_trusted(string address)
    {
        var token = Claims.Amr("pwd", "hwk").SignedBy(app);

        using var response = await app.SendAsync(HttpMethod.Post, Withdrawal, token, (SampleApp.RemoteAddressHeader, address));

        Assert.Equal(["TrustedNetwork"], await Problem.UnmetAsync(response));
    }
}
