using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LoginPosture.AspNetCore;

/// <summary>Registers LoginPosture's step-up authorization with an ASP.NET Core application.</summary>
public static class LoginPostureAuthorizationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the tier policy (<c>AddLoginPosture</c>), the session mapping, the authorization handler, the
    /// result handler that answers step-ups and denials, and the decision log and counter. Options are bound from
    /// <paramref name="configuration"/> (the <c>LoginPosture</c> section: <c>Tiers</c> and the other engine
    /// sections, and <c>Session</c> for the mapping) and validated when the host starts, every error listed at once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>LoginPosture</c> configuration section, or null to bind nothing.</param>
    /// <param name="configure">Optional changes to the mapping, applied after the bound configuration.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>
    /// This replaces the application's <see cref="Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler"/>;
    /// results that are not a tier decision still go to the framework's default handler.
    /// </remarks>
    public static IServiceCollection AddLoginPostureAuthorization(this IServiceCollection services, IConfiguration? configuration = null, Action<SessionClaimsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLoginPosture();
        var session = services.AddOptions<SessionClaimsOptions>();
        if (configuration is not null)
        {
            services.AddOptions<LoginPostureOptions>().Bind(configuration);
            session.Bind(configuration.GetSection(SessionClaimsOptions.SectionName));
        }

        if (configure is not null)
        {
            session.Configure(configure);
        }

        if (!services.Any(static d => d.ServiceType == typeof(IValidateOptions<SessionClaimsOptions>) && d.ImplementationType == typeof(SessionClaimsOptionsValidator)))
        {
            session.ValidateOnStart();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionClaimsOptions>, SessionClaimsOptionsValidator>());
        services.AddAuthorization();
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(static sp => new SessionClaimsMapper(
            sp.GetRequiredService<IOptions<SessionClaimsOptions>>().Value,
            sp.GetRequiredService<IOptions<LoginPostureOptions>>().Value.Tiers.AllowedClockSkew));
        services.TryAddSingleton<OperationDecisionTelemetry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, OperationAuthorizationHandler>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, StepUpAuthorizationResultHandler>());
        return services;
    }
}
