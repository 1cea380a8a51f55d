using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LoginPosture.AspNetCore;
using LoginPosture.Tiers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LoginPosture.Benchmarks;

/// <summary>
/// Per-request cost of <c>.RequireOperation(...)</c> beside the same endpoint with a plain <c>.RequireAuthorization()</c>,
/// both in one in-memory <see cref="TestServer"/> application, each request going through routing, authentication and
/// authorization to a handler that answers 204. Two authentications: a real ES256 JWT validated by JWT bearer (what a
/// brokerage API does), and a fixed principal carrying the same claims (no token work, so the authorization share of
/// the request is as large as it gets).
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
[Config(typeof(BytesConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StepUpAuthorizationBenchmarks
{
    private const string Issuer = "urn:loginposture:bench-idp";
    private const string Audience = "urn:loginposture:bench-api";
    private const string FixedScheme = "Fixed";

    private WebApplication _jwtApp = null!;
    private WebApplication _fixedApp = null!;
    private TestServer _jwt = null!;
    private TestServer _fixed = null!;
    private ECDsa _key = null!;
    private string _bearer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signingKey = new ECDsaSecurityKey(_key) { KeyId = "bench" };
        _jwtApp = App(auth => auth.AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Audience,
                IssuerSigningKey = signingKey,
                ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            };
        }), JwtBearerDefaults.AuthenticationScheme);
        _fixedApp = App(auth => auth.AddScheme<AuthenticationSchemeOptions, FixedPrincipalHandler>(FixedScheme, null), FixedScheme);
        _jwt = _jwtApp.GetTestServer();
        _fixed = _fixedApp.GetTestServer();
        _bearer = "Bearer " + new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddHours(2),
            Claims = Claims(),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.EcdsaSha256),
        });

        // Every endpoint must answer 204 before anything is timed.
        foreach (var (server, path) in new[] { (_jwt, "/plain"), (_jwt, "/tiered"), (_jwt, "/one-more"), (_fixed, "/plain"), (_fixed, "/tiered"), (_fixed, "/one-more") })
        {
            var status = Send(server, path).GetAwaiter().GetResult();
            if (status != StatusCodes.Status204NoContent)
            {
                throw new InvalidOperationException($"{path} answered {status}; the benchmark needs an allowed request.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var app in new[] { _jwtApp, _fixedApp })
        {
            app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)app).Dispose();
        }

        _key.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("JWT bearer")]
    public Task<int> Jwt_RequireAuthorization() => Send(_jwt, "/plain");

    [Benchmark, BenchmarkCategory("JWT bearer")]
    public Task<int> Jwt_RequireOperation() => Send(_jwt, "/tiered");

    [Benchmark, BenchmarkCategory("JWT bearer")]
    public Task<int> Jwt_OneMoreRequirement() => Send(_jwt, "/one-more");

    [Benchmark(Baseline = true), BenchmarkCategory("Fixed principal")]
    public Task<int> Fixed_RequireAuthorization() => Send(_fixed, "/plain");

    [Benchmark, BenchmarkCategory("Fixed principal")]
    public Task<int> Fixed_RequireOperation() => Send(_fixed, "/tiered");

    [Benchmark, BenchmarkCategory("Fixed principal")]
    public Task<int> Fixed_OneMoreRequirement() => Send(_fixed, "/one-more");

    /// <summary>
    /// Bytes allocated per request on every thread, averaged over many requests and interleaved across the endpoints
    /// in rounds, so background allocations spread evenly: finer than the benchmark's per-operation figure.
    /// </summary>
    public static void PrintAllocationsPerRequest(int requests = 20_000, int rounds = 5)
    {
        var bench = new StepUpAuthorizationBenchmarks();
        bench.Setup();
        var cases = new (string Name, Func<Task<int>> Send)[]
        {
            ("Jwt_RequireAuthorization", bench.Jwt_RequireAuthorization),
            ("Jwt_RequireOperation", bench.Jwt_RequireOperation),
            ("Jwt_OneMoreRequirement", bench.Jwt_OneMoreRequirement),
            ("Fixed_RequireAuthorization", bench.Fixed_RequireAuthorization),
            ("Fixed_RequireOperation", bench.Fixed_RequireOperation),
            ("Fixed_OneMoreRequirement", bench.Fixed_OneMoreRequirement),
        };
        var totals = new long[cases.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < requests / rounds; i++)
                {
                    cases[c].Send().GetAwaiter().GetResult();
                }

                totals[c] += GC.GetTotalAllocatedBytes(precise: true) - before;
            }
        }

        for (var c = 0; c < cases.Length; c++)
        {
            Console.WriteLine($"{cases[c].Name,-28} {(double)totals[c] / requests,10:F1} B/request");
        }

        bench.Cleanup();
    }

    // One application per authentication, its scheme the default, so the two endpoints differ only in the convention.
    private static WebApplication App(Action<AuthenticationBuilder> scheme, string defaultScheme)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        scheme(builder.Services.AddAuthentication(defaultScheme));
        builder.Services.AddLoginPostureAuthorization(configure: o => o.TrustedNetworks.Add("127.0.0.0/8"));
        builder.Services.AddSingleton<IAuthorizationHandler, NoWorkHandler>();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/plain", () => Results.NoContent()).RequireAuthorization();
        app.MapGet("/tiered", () => Results.NoContent()).RequireOperation(OperationKind.PortfolioView);
        // The framework's own cost of a policy with one more requirement, met by a handler that does no work.
        app.MapGet("/one-more", () => Results.NoContent()).RequireAuthorization(
            new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new NoWorkRequirement()).Build());
        app.StartAsync().GetAwaiter().GetResult();
        return app;
    }

    private async Task<int> Send(TestServer server, string path)
    {
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Request.Headers.Authorization = _bearer;
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
        });
        return context.Response.StatusCode;
    }

    private static Dictionary<string, object> Claims() => new()
    {
        ["sub"] = "bench-trader",
        ["amr"] = new[] { "pwd", "hwk" },
        ["auth_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["platform"] = "desktop",
        ["idle_timeout"] = 600,
        ["saved_credentials"] = false,
        ["phone_only_factor"] = false,
    };

    /// <summary>Authenticates every request as the same principal, with the claims the JWT carries.</summary>
    private sealed class FixedPrincipalHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        private static readonly AuthenticateResult Result = AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim("sub", "bench-trader"),
                    new Claim("amr", "pwd"),
                    new Claim("amr", "hwk"),
                    new Claim("auth_time", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Claim("platform", "desktop"),
                    new Claim("idle_timeout", "600"),
                    new Claim("saved_credentials", "false"),
                    new Claim("phone_only_factor", "false"),
                ],
                FixedScheme)),
            FixedScheme));

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(Result);
    }

    private sealed class NoWorkRequirement : IAuthorizationRequirement;

    private sealed class NoWorkHandler : IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context)
        {
            if (context.Requirements is IReadOnlyList<IAuthorizationRequirement> list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is NoWorkRequirement requirement)
                    {
                        context.Succeed(requirement);
                    }
                }
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Allocations in bytes, so a difference of a few bytes per request shows.</summary>
    private sealed class BytesConfig : ManualConfig
    {
        public BytesConfig() => SummaryStyle = BenchmarkDotNet.Reports.SummaryStyle.Default.WithSizeUnit(Perfolizer.Metrology.SizeUnit.B);
    }
}
