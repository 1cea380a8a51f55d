using System.Text.Json;
using LoginPosture.Tiers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LoginPosture.AspNetCore;

/// <summary>
/// Answers a request that <see cref="OperationAuthorizationHandler"/> did not allow: a step-up with 401 and the
/// RFC 9470 §3 challenge (<c>WWW-Authenticate: Bearer error="insufficient_user_authentication", acr_values=...,
/// max_age=...</c>), a denial with 403 and RFC 9457 problem details listing every unmet requirement and its fix.
/// Every other result goes to the framework's default handler.
/// </summary>
public sealed class StepUpAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    /// <summary>The problem type of a denial.</summary>
    public const string DeniedProblemType = "urn:loginposture:problem:operation-denied";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc />
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure)
        {
            // A denial outweighs a step-up: stepping up would not help while anything else is unmet.
            TierDecisionFailureReason? stepUp = null;
            foreach (var reason in failure.FailureReasons)
            {
                if (reason is TierDecisionFailureReason tier)
                {
                    if (tier.Decision.Verdict == TierVerdict.Deny)
                    {
                        return WriteDeniedAsync(context, tier);
                    }

                    stepUp ??= tier;
                }
            }

            if (stepUp is not null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = stepUp.Decision.ToStepUpChallenge();
                return Task.CompletedTask;
            }
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static async Task WriteDeniedAsync(HttpContext context, TierDecisionFailureReason reason)
    {
        var decision = reason.Decision;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status403Forbidden;
        response.ContentType = "application/problem+json";
        response.Headers[HeaderNames.CacheControl] = "no-store";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var tier = $"tier {(int)decision.Tier} ({decision.Tier.ToString().ToLowerInvariant()})";
            json.WriteStartObject();
            json.WriteString("type", DeniedProblemType);
            json.WriteString("title", "The operation is not allowed from this session.");
            json.WriteNumber("status", StatusCodes.Status403Forbidden);
            json.WriteString("detail", $"{reason.Operation.Kind} is {tier}; the session must change before it can run: {decision.Unmet}.");
            json.WriteString("instance", context.Request.Path.Value);
            json.WriteString("operation", reason.Operation.Kind.ToString());
            json.WriteNumber("tier", (int)decision.Tier);
            json.WriteStartArray("unmet");
            foreach (var requirement in decision.Unmet.Enumerate())
            {
                json.WriteStartObject();
                json.WriteString("requirement", requirement.ToString());
                json.WriteBoolean("stepUp", (requirement & TierRequirementsExtensions.StepUpRequirements) != 0);
                json.WriteString("fix", requirement.Describe());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
