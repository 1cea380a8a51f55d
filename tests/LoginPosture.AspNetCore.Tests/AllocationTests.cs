using System.Net;
using System.Security.Claims;
using LoginPosture.Tiers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LoginPosture.AspNetCore.Tests;

/// <summary>An allowed request costs the glue no allocation: mapping the session and handling the requirement.</summary>
public sealed class AllocationTests
{
    private static readonly SessionClaimsMapper Mapper = new(new SessionClaimsOptions { TrustedNetworks = ["127.0.0.0/8"] }, TimeSpan.FromMinutes(1));

    [Fact]
    public void Mapping_a_session_from_claims_and_connection_allocates_nothing()
    {
        var warm = Request();
        var now = DateTimeOffset.UtcNow;
        Mapper.Map(warm, now);

        // A fresh context over the same features, as the hosting layer creates for each request: nothing cached yet.
        var context = new DefaultHttpContext(warm.Features) { User = warm.User };
        var before = GC.GetAllocatedBytesForCurrentThread();
        var session = Mapper.Map(context, now);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(AuthenticatorKind.SecurityKey, session.Factor);
        Assert.True(session.TrustedNetwork);
    }

    [Fact]
    public async Task Mapping_the_identity_a_validated_jwt_gives_allocates_nothing()
    {
        using var tokens = new LoginPosture.Samples.WebApi.DemoTokens();
        var handler = new JsonWebTokenHandler { MapInboundClaims = false };
        var result = await handler.ValidateTokenAsync(
            tokens.Issue(Claims.Amr("pwd", "hwk").ToDictionary()),
            new TokenValidationParameters { ValidIssuer = LoginPosture.Samples.WebApi.DemoTokens.Issuer, ValidAudience = LoginPosture.Samples.WebApi.DemoTokens.Audience, IssuerSigningKey = tokens.SigningKey });
        Assert.True(result.IsValid, result.Exception?.Message);
        var user = new ClaimsPrincipal(result.ClaimsIdentity);
        var now = DateTimeOffset.UtcNow;
        Mapper.Map(user, IPAddress.Loopback, now);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var session = Mapper.Map(user, IPAddress.Loopback, now);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(AuthenticatorKind.SecurityKey, session.Factor);
    }

    [Fact]
    public void Handling_an_allowed_operation_allocates_nothing()
    {
        using var services = new ServiceCollection().AddLogging().AddMetrics().AddSingleton(TimeProvider.System).BuildServiceProvider();
        var handler = new OperationAuthorizationHandler(
            new TierPolicy(new TierPolicyOptions()),
            Mapper,
            TimeProvider.System,
            new OperationDecisionTelemetry(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), NullLogger<OperationDecisionTelemetry>.Instance));
        var http = Request();
        IAuthorizationRequirement[] requirements = [new DenyAnonymousAuthorizationRequirement(), new OperationRequirement(OperationKind.Withdrawal, _ => 1_000m)];
        handler.HandleAsync(new AuthorizationHandlerContext(requirements, http.User, http));

        var context = new AuthorizationHandlerContext(requirements, http.User, http);
        var before = GC.GetAllocatedBytesForCurrentThread();
        handler.HandleAsync(context);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.DoesNotContain(requirements[1], context.PendingRequirements);
    }

    private static DefaultHttpContext Request()
    {
        var identity = new ClaimsIdentity(
            [
                new Claim("sub", "t"),
                new Claim("amr", "pwd"),
                new Claim("amr", "hwk"),
                new Claim("auth_time", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim("platform", "desktop"),
                new Claim("idle_timeout", "600"),
                new Claim("saved_credentials", "false"),
                new Claim("phone_only_factor", "false"),
            ],
            "test");
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        return context;
    }
}
