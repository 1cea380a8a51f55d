using LoginPosture.Tiers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace LoginPosture.AspNetCore;

/// <summary>
/// An authorization requirement met when the tier policy allows the operation from the signed-in user's session.
/// <see cref="OperationAuthorizationHandler"/> evaluates it; a step-up or a denial is answered by
/// <see cref="StepUpAuthorizationResultHandler"/>.
/// </summary>
public sealed class OperationRequirement : IAuthorizationRequirement
{
    private readonly Func<HttpContext, decimal>? _notional;

    /// <summary>Creates the requirement.</summary>
    /// <param name="kind">What the endpoint does.</param>
    /// <param name="notional">
    /// Reads the operation's value from the request (route values, query, headers: authorization runs before the
    /// body is bound); null when the operation moves no money. A negative value is treated as unbounded, so an
    /// order whose amount cannot be read is judged as a large one.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a defined <see cref="OperationKind"/>.</exception>
    public OperationRequirement(OperationKind kind, Func<HttpContext, decimal>? notional = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException($"kind is {kind}, which is not a defined OperationKind value; use one of: {string.Join(", ", Enum.GetNames<OperationKind>())}.", nameof(kind));
        }

        Kind = kind;
        _notional = notional;
    }

    /// <summary>What the endpoint does.</summary>
    public OperationKind Kind { get; }

    /// <summary>Whether the requirement reads a notional from the request.</summary>
    public bool HasNotional => _notional is not null;

    /// <summary>The operation for a request: its kind and the notional read from it (zero when none is read).</summary>
    /// <param name="context">The request, or null outside an HTTP request (the notional is then unbounded when one is expected).</param>
    /// <returns>The operation to decide.</returns>
    public Operation OperationFor(HttpContext? context)
    {
        if (_notional is null)
        {
            return new Operation(Kind);
        }

        var notional = context is null ? -1m : _notional(context);
        return new Operation(Kind, notional < 0m ? decimal.MaxValue : notional);
    }
}
