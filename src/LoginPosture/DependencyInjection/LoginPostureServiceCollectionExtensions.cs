using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.Otp;
using LoginPosture.Posture;
using LoginPosture.SecondFactors;
using LoginPosture.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LoginPosture;

/// <summary>Registers LoginPosture's engines and options with a service collection.</summary>
public static class LoginPostureServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engines as singletons, the options with a validator that reports every invalid setting at once,
    /// and startup validation for hosts. Safe to call more than once: engines and the validator are added once, and
    /// each <paramref name="configure"/> delegate is applied in call order.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to the options, applied after any bound configuration.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddLoginPosture(this IServiceCollection services, Action<LoginPostureOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<LoginPostureOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (!services.Any(static d => d.ServiceType == typeof(IValidateOptions<LoginPostureOptions>) && d.ImplementationType == typeof(LoginPostureOptionsValidator)))
        {
            options.ValidateOnStart();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LoginPostureOptions>, LoginPostureOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Engines read the options once, when first resolved; invalid options fail there even without a host.
        services.TryAddSingleton(static sp => new TierPolicy(Options(sp).Tiers, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(static sp => new ApiKeyEvaluator(Options(sp).ApiKeys, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(static sp => new SecondFactorScorer(Options(sp).SecondFactors, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(static sp => new TotpVerifier(Options(sp).Otp, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(static sp => new LayerClassifier(Options(sp).Layers));
        services.TryAddSingleton(static sp => new PostureEvaluator(
            sp.GetRequiredService<TierPolicy>(),
            sp.GetRequiredService<LayerClassifier>(),
            sp.GetRequiredService<SecondFactorScorer>(),
            sp.GetRequiredService<ApiKeyEvaluator>(),
            sp.GetRequiredService<TimeProvider>()));

        return services;
    }

    private static LoginPostureOptions Options(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<LoginPostureOptions>>().Value;
}
