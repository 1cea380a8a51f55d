using LoginPosture.Tiers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LoginPosture.AspNetCore;

/// <summary>
/// Evaluates <see cref="OperationRequirement"/>: maps the session from the request, asks the tier policy, logs and
/// counts the decision, and either meets the requirement or fails it with a <see cref="TierDecisionFailureReason"/>
/// that <see cref="StepUpAuthorizationResultHandler"/> turns into the response. Allocates nothing when it allows.
/// </summary>
public sealed class OperationAuthorizationHandler : IAuthorizationHandler
{
    private readonly TierPolicy _policy;
    private readonly SessionClaimsMapper _mapper;
    private readonly TimeProvider _time;
    private readonly OperationDecisionTelemetry _telemetry;

    /// <summary>Creates the handler.</summary>
    /// <param name="policy">The tier policy.</param>
    /// <param name="mapper">Maps claims and connection to a session.</param>
    /// <param name="time">The clock of the decisions.</param>
    /// <param name="telemetry">Logs and counts each decision.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OperationAuthorizationHandler(TierPolicy policy, SessionClaimsMapper mapper, TimeProvider time, OperationDecisionTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(telemetry);
        _policy = policy;
        _mapper = mapper;
        _time = time;
        _telemetry = telemetry;
    }

    /// <inheritdoc />
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Policies keep their requirements in a list: index it rather than filter with an allocating iterator.
        if (context.Requirements is IReadOnlyList<IAuthorizationRequirement> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is OperationRequirement requirement)
                {
                    Handle(context, requirement);
                }
            }
        }
        else
        {
            foreach (var requirement in context.Requirements.OfType<OperationRequirement>())
            {
                Handle(context, requirement);
            }
        }

        return Task.CompletedTask;
    }

    private void Handle(AuthorizationHandlerContext context, OperationRequirement requirement)
    {
        if (!IsAuthenticated(context.User))
        {
            // Neither met nor failed with a reason: the middleware challenges an unauthenticated user as usual.
            return;
        }

        var http = context.Resource switch
        {
            HttpContext h => h,
            AuthorizationFilterContext filter => filter.HttpContext,
            _ => null,
        };

        var now = _time.GetUtcNow();
        var operation = requirement.OperationFor(http);
        var session = http is null ? _mapper.Map(context.User, null, now) : _mapper.Map(http, now);
        var decision = _policy.Evaluate(operation, session, now);
        _telemetry.Record(operation, decision);
        if (decision.IsAllowed)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new TierDecisionFailureReason(this, operation, decision));
        }
    }

    private static bool IsAuthenticated(System.Security.Claims.ClaimsPrincipal user)
    {
        // The principal keeps its identities in a list: index it instead of boxing an enumerator.
        if (user.Identities is IList<System.Security.Claims.ClaimsIdentity> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].IsAuthenticated)
                {
                    return true;
                }
            }

            return false;
        }

        return user.Identities.Any(static i => i.IsAuthenticated);
    }
}

/// <summary>Why an <see cref="OperationRequirement"/> failed: the operation and the tier policy's decision.</summary>
public sealed class TierDecisionFailureReason : AuthorizationFailureReason
{
    /// <summary>Creates the reason.</summary>
    /// <param name="handler">The handler that failed the requirement.</param>
    /// <param name="operation">The operation decided.</param>
    /// <param name="decision">The decision, a step-up or a denial.</param>
    public TierDecisionFailureReason(IAuthorizationHandler handler, Operation operation, TierDecision decision)
        : base(handler, $"{operation.Kind} at tier {(int)decision.Tier}: {decision.Verdict} ({decision.Unmet}).")
    {
        Operation = operation;
        Decision = decision;
    }

    /// <summary>The operation decided.</summary>
    public Operation Operation { get; }

    /// <summary>The tier policy's decision.</summary>
    public TierDecision Decision { get; }
}
