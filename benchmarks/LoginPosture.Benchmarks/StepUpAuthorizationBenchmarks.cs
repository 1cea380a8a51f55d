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
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
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
    /// Time and bytes per request measured side by side: in each round every endpoint serves the same number of
    /// requests, in rotating order, so load from other processes falls on all of them alike. Prints the median time
    /// per request, the median of the per-round ratios to the <c>RequireAuthorization</c> baseline, and the bytes
    /// allocated per request on every thread averaged over all rounds. Wall time includes waiting for a core that
    /// other processes hold; the process's CPU time (Linux <c>CLOCK_PROCESS_CPUTIME_ID</c>) counts only the work done,
    /// so its ratios are the steadier figure on a shared machine.
    /// </summary>
    public static void PrintInterleaved(int rounds = 40, int requestsPerRound = 500)
    {
        var bench = new StepUpAuthorizationBenchmarks();
        bench.Setup();
        var cases = new (string Name, Func<Task<int>> Send, int Baseline)[]
        {
            ("Jwt_RequireAuthorization", bench.Jwt_RequireAuthorization, 0),
            ("Jwt_RequireOperation", bench.Jwt_RequireOperation, 0),
            ("Jwt_OneMoreRequirement", bench.Jwt_OneMoreRequirement, 0),
            ("Fixed_RequireAuthorization", bench.Fixed_RequireAuthorization, 3),
            ("Fixed_RequireOperation", bench.Fixed_RequireOperation, 3),
            ("Fixed_OneMoreRequirement", bench.Fixed_OneMoreRequirement, 3),
        };
        var times = new double[cases.Length, rounds];
        var cpu = new double[cases.Length, rounds];
        var bytes = new long[cases.Length];
        for (var warm = 0; warm < 2_000; warm++)
        {
            cases[warm % cases.Length].Send().GetAwaiter().GetResult();
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < cases.Length; k++)
            {
                var c = (k + round) % cases.Length;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpuStart = ProcessCpuNanoseconds();
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                for (var i = 0; i < requestsPerRound; i++)
                {
                    cases[c].Send().GetAwaiter().GetResult();
                }

                times[c, round] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalNanoseconds / requestsPerRound;
                cpu[c, round] = (double)(ProcessCpuNanoseconds() - cpuStart) / requestsPerRound;
                bytes[c] += GC.GetTotalAllocatedBytes(precise: true) - allocated;
            }
        }

        Console.WriteLine($"{rounds} rounds x {requestsPerRound} requests per endpoint, interleaved");
        Console.WriteLine("| Method | Wall time/request (median) | Wall ratio (median of rounds) | CPU time/request (median) | CPU ratio (median of rounds) | Allocated/request |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var c = 0; c < cases.Length; c++)
        {
            var b = cases[c].Baseline;
            var wall = Enumerable.Range(0, rounds).Select(r => times[c, r]).ToArray();
            var wallRatio = Enumerable.Range(0, rounds).Select(r => times[c, r] / times[b, r]).ToArray();
            var cpuTime = Enumerable.Range(0, rounds).Select(r => cpu[c, r]).ToArray();
            var cpuRatio = Enumerable.Range(0, rounds).Select(r => cpu[c, r] / cpu[b, r]).ToArray();
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"| {cases[c].Name} | {Median(wall) / 1000:F2} us | {Median(wallRatio):F3} | {Median(cpuTime) / 1000:F2} us | {Median(cpuRatio):F3} | {(double)bytes[c] / (rounds * requestsPerRound):F1} B |"));
        }

        bench.Cleanup();
    }

    private static long ProcessCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Environment.CpuUsage.TotalTime.Ticks * 100;
        }

        _ = ClockGetTime(2 /* CLOCK_PROCESS_CPUTIME_ID */, out var now);
        return (now.Seconds * 1_000_000_000) + now.Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
    }

    // One application per authentication, its scheme the default, so the two endpoints differ only in the convention.
    private static WebApplication App(Action<AuthenticationBuilder> scheme, string defaultScheme)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        // Authentication registers data protection; keep its key ring in memory instead of the user's profile.
        builder.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = new MemoryKeyRing());
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

    private sealed class MemoryKeyRing : IXmlRepository
    {
        private readonly List<XElement> _keys = [];

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            lock (_keys)
            {
                return [.. _keys];
            }
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            lock (_keys)
            {
                _keys.Add(element);
            }
        }
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
