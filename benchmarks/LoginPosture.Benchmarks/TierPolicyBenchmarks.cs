using System.Globalization;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using LoginPosture;
using LoginPosture.Tiers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace LoginPosture.Benchmarks;

/// <summary>
/// The tier decision beside the same checklist written as ASP.NET Core authorization policies: one requirement and
/// handler per checklist requirement, evaluated by <see cref="IAuthorizationService.AuthorizeAsync(ClaimsPrincipal, object?, string)"/>
/// over a <see cref="ClaimsPrincipal"/>. Both walk the same 256 varied cases; figures are per decision.
/// </summary>
[MemoryDiagnoser]
public class TierPolicyBenchmarks
{
    private const int Cases = 256;
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private TierPolicy _policy = null!;
    private Operation[] _operations = null!;
    private SessionContext[] _sessions = null!;
    private IAuthorizationService _authorization = null!;
    private ClaimsPrincipal[] _principals = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        _policy = new TierPolicy(new TierPolicyOptions(), new FixedClock(Now));
        var random = new Random(20261122);
        _operations = new Operation[Cases];
        _sessions = new SessionContext[Cases];
        _principals = new ClaimsPrincipal[Cases];
        var kinds = Enum.GetValues<OperationKind>();
        var platforms = Enum.GetValues<ClientPlatform>();
        var factors = Enum.GetValues<AuthenticatorKind>();
        for (var i = 0; i < Cases; i++)
        {
            _operations[i] = new Operation(kinds[random.Next(kinds.Length)], random.Next(2) == 0 ? 1_000m : 80_000m);
            _sessions[i] = new SessionContext
            {
                Platform = random.Next(3) == 0 ? platforms[random.Next(platforms.Length)] : ClientPlatform.Desktop,
                Factor = random.Next(3) == 0 ? factors[random.Next(factors.Length)] : AuthenticatorKind.HardwareOtp,
                AuthenticatedAt = Now.AddMinutes(-random.Next(0, 20)),
                TrustedNetwork = random.Next(5) != 0,
                SavedCredentials = random.Next(5) == 0,
                BrowserIsolation = random.Next(2) == 0,
                IdleTimeout = random.Next(5) == 0 ? null : TimeSpan.FromMinutes(random.Next(5, 40)),
                ApiKeysEnabled = random.Next(5) == 0,
                WorkflowNeedsApiKeys = random.Next(3) == 0,
                PhoneIsOnlyFactor = random.Next(4) == 0,
                SecondaryChannel = random.Next(2) == 0,
            };
            _principals[i] = ChecklistClaims.ToPrincipal(_sessions[i]);
        }

        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddAuthorizationCore(ChecklistClaims.AddPolicies);
        foreach (var handler in ChecklistClaims.Handlers)
        {
            services.AddSingleton(typeof(IAuthorizationHandler), handler);
        }

        _services = services.BuildServiceProvider();
        _authorization = _services.GetRequiredService<IAuthorizationService>();
        if (Verdicts() != AuthorizeAsyncVerdicts().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("The two implementations disagree; the comparison would be meaningless.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>LoginPosture's tier decision over readonly structs, reading the (fixed) clock through TimeProvider.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Cases)]
    public int TierPolicyEvaluate() => Verdicts();

    /// <summary>The same checklist as ASP.NET Core authorization policies over claims.</summary>
    [Benchmark(OperationsPerInvoke = Cases)]
    public Task<int> AspNetCoreAuthorizeAsync() => AuthorizeAsyncVerdicts();

    // A checksum of verdicts, so both sides do all their work and can be compared.
    private int Verdicts()
    {
        var sum = 0;
        for (var i = 0; i < Cases; i++)
        {
            sum = (sum * 3) + (int)_policy.Evaluate(_operations[i], _sessions[i]).Verdict;
        }

        return sum;
    }

    private async Task<int> AuthorizeAsyncVerdicts()
    {
        var sum = 0;
        for (var i = 0; i < Cases; i++)
        {
            var result = await _authorization.AuthorizeAsync(_principals[i], _operations[i], ChecklistClaims.PolicyFor(_operations[i])).ConfigureAwait(false);
            sum = (sum * 3) + (int)ChecklistClaims.Verdict(result);
        }

        return sum;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>The checklist as a .NET team would write it with ASP.NET Core authorization: claims, requirements, handlers.</summary>
internal static class ChecklistClaims
{
    private static readonly TierPolicyOptions Defaults = new();

    public static readonly Type[] Handlers =
    [
        typeof(FactorHandler), typeof(FreshnessHandler), typeof(PlatformHandler), typeof(ClaimFlagHandler), typeof(IdleHandler), typeof(ApiKeysHandler), typeof(SolePhoneHandler),
    ];

    public static ClaimsPrincipal ToPrincipal(in SessionContext s)
    {
        var claims = new List<Claim>
        {
            new("platform", s.Platform.ToString()),
            new("auth_time", s.AuthenticatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("trusted_network", s.TrustedNetwork ? "true" : "false"),
            new("saved_credentials", s.SavedCredentials ? "true" : "false"),
            new("browser_isolation", s.BrowserIsolation ? "true" : "false"),
            new("api_keys_enabled", s.ApiKeysEnabled ? "true" : "false"),
            new("workflow_needs_api_keys", s.WorkflowNeedsApiKeys ? "true" : "false"),
            new("phone_only_factor", s.PhoneIsOnlyFactor ? "true" : "false"),
            new("secondary_channel", s.SecondaryChannel ? "true" : "false"),
        };
        if (s.Factor is { } factor)
        {
            claims.Add(new Claim("amr", factor.ToString()));
        }

        if (s.IdleTimeout is { } idle)
        {
            claims.Add(new Claim("idle_timeout", ((long)idle.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "benchmark"));
    }

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy("tier1", p => p.AddRequirements(
            new FactorRequirement(Defaults.CriticalMinimumFactor), new FreshnessRequirement(Defaults.CriticalMaxFactorAge),
            new PlatformRequirement(Tier.Critical), new ClaimFlagRequirement("trusted_network", true), new ClaimFlagRequirement("saved_credentials", false),
            new SolePhoneRequirement(), new IdleRequirement(Defaults.CriticalMaxIdleTimeout), new ApiKeysRequirement()));
        options.AddPolicy("tier2", p => p.AddRequirements(
            new FactorRequirement(Defaults.RoutineMinimumFactor), new FreshnessRequirement(Defaults.RoutineMaxFactorAge),
            new PlatformRequirement(Tier.Routine), new IdleRequirement(Defaults.RoutineMaxIdleTimeout), new ApiKeysRequirement()));
        options.AddPolicy("tier3", p => p.AddRequirements(
            new FactorRequirement(Defaults.MonitoringMinimumFactor), new FreshnessRequirement(Defaults.MonitoringMaxFactorAge)));
    }

    public static string PolicyFor(in Operation operation) => operation.Kind switch
    {
        OperationKind.Withdrawal or OperationKind.MarginChange or OperationKind.SecondFactorChange
            or OperationKind.DeviceChange or OperationKind.ApiKeyChange => "tier1",
        OperationKind.Order or OperationKind.Rebalance => operation.Notional >= Defaults.LargeOrderNotional ? "tier1" : "tier2",
        _ => "tier3",
    };

    public static TierVerdict Verdict(AuthorizationResult result)
    {
        if (result.Succeeded)
        {
            return TierVerdict.Allow;
        }

        foreach (var failed in result.Failure!.FailedRequirements)
        {
            if (failed is not FactorRequirement and not FreshnessRequirement)
            {
                return TierVerdict.Deny;
            }
        }

        return TierVerdict.StepUp;
    }

    private static string? Value(ClaimsPrincipal user, string type) => user.FindFirst(type)?.Value;

    private static bool Flag(ClaimsPrincipal user, string type) => string.Equals(Value(user, type), "true", StringComparison.Ordinal);

    private static ClientPlatform Platform(ClaimsPrincipal user) => Enum.Parse<ClientPlatform>(Value(user, "platform")!);

    private static FactorStrength Strength(ClaimsPrincipal user) =>
        Value(user, "amr") is { } amr ? FactorStrengths.Of(Enum.Parse<AuthenticatorKind>(amr)) : FactorStrength.None;

    private sealed record FactorRequirement(FactorStrength Minimum) : IAuthorizationRequirement;

    private sealed record FreshnessRequirement(TimeSpan MaxAge) : IAuthorizationRequirement;

    private sealed record PlatformRequirement(Tier Tier) : IAuthorizationRequirement;

    private sealed record ClaimFlagRequirement(string Claim, bool Expected) : IAuthorizationRequirement;

    private sealed record IdleRequirement(TimeSpan Max) : IAuthorizationRequirement;

    private sealed record ApiKeysRequirement : IAuthorizationRequirement;

    private sealed record SolePhoneRequirement : IAuthorizationRequirement;

    private sealed class FactorHandler : AuthorizationHandler<FactorRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, FactorRequirement requirement)
        {
            if (Strength(context.User) >= requirement.Minimum)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class FreshnessHandler(TimeProvider time) : AuthorizationHandler<FreshnessRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, FreshnessRequirement requirement)
        {
            var authTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Value(context.User, "auth_time")!, CultureInfo.InvariantCulture));
            if (time.GetUtcNow() - authTime <= requirement.MaxAge)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class PlatformHandler : AuthorizationHandler<PlatformRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PlatformRequirement requirement)
        {
            var user = context.User;
            var ok = (requirement.Tier, Platform(user)) switch
            {
                (_, ClientPlatform.Desktop) => true,
                (_, ClientPlatform.Mobile) => Flag(user, "secondary_channel"),
                (Tier.Routine, ClientPlatform.Web) => Flag(user, "browser_isolation"),
                (Tier.Routine, ClientPlatform.Api) => Flag(user, "workflow_needs_api_keys"),
                _ => false,
            };
            if (ok)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class ClaimFlagHandler : AuthorizationHandler<ClaimFlagRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ClaimFlagRequirement requirement)
        {
            if (Flag(context.User, requirement.Claim) == requirement.Expected)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class IdleHandler : AuthorizationHandler<IdleRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, IdleRequirement requirement)
        {
            if (Value(context.User, "idle_timeout") is { } idle
                && TimeSpan.FromSeconds(long.Parse(idle, CultureInfo.InvariantCulture)) <= requirement.Max)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class ApiKeysHandler : AuthorizationHandler<ApiKeysRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeysRequirement requirement)
        {
            if (!Flag(context.User, "api_keys_enabled") || Flag(context.User, "workflow_needs_api_keys"))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class SolePhoneHandler : AuthorizationHandler<SolePhoneRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SolePhoneRequirement requirement)
        {
            if (!Flag(context.User, "phone_only_factor") || Strength(context.User) > FactorStrength.Push)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
