using LoginPosture.Tiers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LoginPosture.AspNetCore;

/// <summary>Endpoint conventions that put an operation under the tier policy.</summary>
public static class OperationEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Requires an authenticated user whose session the tier policy allows to run <paramref name="kind"/>, an
    /// operation that moves no money; see
    /// <see cref="RequireOperation{TBuilder}(TBuilder, OperationKind, Func{HttpContext, decimal}?)"/>.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="kind">What the endpoint does.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a defined <see cref="OperationKind"/>.</exception>
    public static TBuilder RequireOperation<TBuilder>(this TBuilder builder, OperationKind kind)
        where TBuilder : IEndpointConventionBuilder => builder.RequireOperation(kind, notional: null);

    /// <summary>
    /// Requires an authenticated user whose session the tier policy allows to run <paramref name="kind"/>; a
    /// step-up answers 401 with an RFC 9470 challenge, a denial 403 with problem details. The policy is built once,
    /// here; each request reads the notional and decides.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="kind">What the endpoint does.</param>
    /// <param name="notional">
    /// Reads the operation's value from the request (route values, query or headers: the body is not bound yet);
    /// null when the operation moves no money. Return a negative value when it cannot be read: it counts as unbounded.
    /// </param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a defined <see cref="OperationKind"/>.</exception>
    public static TBuilder RequireOperation<TBuilder>(this TBuilder builder, OperationKind kind, Func<HttpContext, decimal>? notional)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var policy = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new OperationRequirement(kind, notional))
            .Build();
        return builder.RequireAuthorization(policy);
    }

    /// <summary>
    /// Like <see cref="RequireOperation{TBuilder}(TBuilder, OperationKind, Func{HttpContext, decimal}?)"/>, reading
    /// the notional from a route value or, failing that, a query parameter (invariant culture).
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="kind">What the endpoint does.</param>
    /// <param name="notionalFrom">The route value or query parameter with the amount.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="notionalFrom"/> is empty, or <paramref name="kind"/> is undefined.</exception>
    public static TBuilder RequireOperation<TBuilder>(this TBuilder builder, OperationKind kind, string notionalFrom)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notionalFrom);
        return builder.RequireOperation(kind, context => RequireOperationAttribute.ReadNotional(context, notionalFrom));
    }
}
