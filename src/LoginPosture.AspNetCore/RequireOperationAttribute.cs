using System.Globalization;
using LoginPosture.Tiers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace LoginPosture.AspNetCore;

/// <summary>
/// Requires an authenticated user whose session the tier policy allows to run the operation, for controllers,
/// actions and minimal API handlers: <c>[RequireOperation(OperationKind.Withdrawal, NotionalFrom = "amount")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequireOperationAttribute : AuthorizeAttribute, IAuthorizationRequirementData
{
    private OperationRequirement[]? _requirements;

    /// <summary>Creates the attribute.</summary>
    /// <param name="kind">What the action does.</param>
    public RequireOperationAttribute(OperationKind kind) => Kind = kind;

    /// <summary>What the action does.</summary>
    public OperationKind Kind { get; }

    /// <summary>
    /// The route value or, failing that, the query parameter holding the operation's notional (invariant culture);
    /// null when the operation moves no money. A missing or unreadable amount counts as unbounded.
    /// </summary>
    public string? NotionalFrom { get; set; }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements() =>
        _requirements ??= [new OperationRequirement(Kind, NotionalFrom is { Length: > 0 } name ? context => ReadNotional(context, name) : null)];

    internal static decimal ReadNotional(HttpContext context, string name)
    {
        var text = context.Request.RouteValues.TryGetValue(name, out var route) && route is not null
            ? route as string ?? Convert.ToString(route, CultureInfo.InvariantCulture)
            : context.Request.Query[name].ToString();
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0m ? amount : -1m;
    }
}
