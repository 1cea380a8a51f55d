using System.Collections.Immutable;
using System.Text.Json;
using LoginPosture.Layers;
using LoginPosture.Tiers;

namespace LoginPosture.Posture;

/// <content>Session checks and failure signals of the posture document.</content>
internal static partial class PostureJson
{
    private static SessionCheck SessionCheck(PostureJsonNode node, List<(string, DateTimeOffset)> times)
    {
        node.ExpectOnly("name", "operation", "session");
        var operation = node.Required("operation");
        operation.ExpectOnly("kind", "notional");
        var session = node.Required("session");
        session.ExpectOnly("platform", "factor", "authenticatedAt", "trustedNetwork", "savedCredentials", "browserIsolation", "idleTimeout", "apiKeysEnabled", "workflowNeedsApiKeys", "phoneIsOnlyFactor", "secondaryChannel");
        var notional = operation.Optional("notional") is { } n ? n.Decimal() : 0m;
        if (notional < 0m)
        {
            throw operation.Required("notional").Fail("is negative; give the operation's value in the account's base currency, 0 or more.");
        }

        var idle = session.Optional("idleTimeout") is { } i ? i.Duration() : (TimeSpan?)null;
        if (idle <= TimeSpan.Zero)
        {
            throw session.Required("idleTimeout").Fail("is not positive; give the client's inactivity lock such as \"00:15:00\", or leave it out when there is none.");
        }

        return new SessionCheck(
            Name(node.Required("name")),
            new Operation(operation.Required("kind").Enum<OperationKind>(), notional),
            new SessionContext
            {
                Platform = session.Required("platform").Enum<ClientPlatform>(),
                Factor = session.Optional("factor")?.Enum<AuthenticatorKind>(),
                AuthenticatedAt = Time(session.Required("authenticatedAt"), times)!.Value,
                TrustedNetwork = session.Optional("trustedNetwork")?.Bool() ?? false,
                SavedCredentials = session.Optional("savedCredentials")?.Bool() ?? false,
                BrowserIsolation = session.Optional("browserIsolation")?.Bool() ?? false,
                IdleTimeout = idle,
                ApiKeysEnabled = session.Optional("apiKeysEnabled")?.Bool() ?? false,
                WorkflowNeedsApiKeys = session.Optional("workflowNeedsApiKeys")?.Bool() ?? false,
                PhoneIsOnlyFactor = session.Optional("phoneIsOnlyFactor")?.Bool() ?? false,
                SecondaryChannel = session.Optional("secondaryChannel")?.Bool() ?? false,
            });
    }

    private static ImmutableArray<FailureSignal> Signals(PostureJsonNode? array)
    {
        if (array is not { } node)
        {
            return [];
        }

        var signals = ImmutableArray.CreateBuilder<FailureSignal>();
        foreach (var item in node.Items())
        {
            if (item.Kind == JsonValueKind.String)
            {
                signals.Add(FailureSignal.FromLogLine(item.String()));
            }
            else if (item.Optional("clientPortalStatus") is { } status)
            {
                item.ExpectOnly("clientPortalStatus");
                signals.AddRange(status.Kind switch
                {
                    JsonValueKind.Object => ClientPortalStatus.FromTree(status.Tree),
                    JsonValueKind.String => FailureSignal.FromClientPortalStatus(status.String()),
                    _ => throw status.Fail($"is {JsonKinds.Describe(status.Kind)}; expected the /iserver/auth/status or /tickle response object ({{...}})."),
                });
            }
            else
            {
                item.ExpectOnly("source", "code", "message", "httpStatus");
                signals.Add(new FailureSignal(
                    item.Required("source").Enum<SignalSource>(),
                    item.Optional("code")?.Int32(),
                    item.Optional("message")?.String(),
                    item.Optional("httpStatus")?.Int32()));
            }
        }

        return signals.ToImmutable();
    }
}
