using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.SecondFactors;
using LoginPosture.Tiers;

namespace LoginPosture.Posture;

/// <summary>
/// Reads the posture document. Field names are camelCase; unknown fields are refused (a typo would otherwise drop a
/// setting silently), except inside raw platform JSON (<c>binance</c>, <c>kraken</c>, <c>coinbase</c>,
/// <c>clientPortalStatus</c>), which is read the way the platform sends it.
/// </summary>
internal static class PostureJson
{
    public static PostureSnapshot Read(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = PostureJsonNode.Parse(utf8Json);
        var root = new PostureJsonNode(document.RootElement, "$");
        root.ExpectOnly("account", "asOf", "secondFactors", "apiKeys", "sessionChecks", "signals");
        return new PostureSnapshot
        {
            Account = root.Optional("account")?.String(),
            AsOf = root.Optional("asOf")?.Time(),
            SecondFactors = root.Optional("secondFactors") is { } factors ? SecondFactors(factors) : null,
            ApiKeys = List(root.Optional("apiKeys"), ApiKey),
            SessionChecks = List(root.Optional("sessionChecks"), SessionCheck),
            Signals = Signals(root.Optional("signals")),
        };
    }

    private static ImmutableArray<T> List<T>(PostureJsonNode? array, Func<PostureJsonNode, T> read) =>
        array is { } node ? node.Items().Select(read).ToImmutableArray() : [];

    private static SecondFactorSet SecondFactors(PostureJsonNode node)
    {
        node.ExpectOnly("domains", "authenticators");
        var domains = List(node.Required("domains"), d =>
        {
            d.ExpectOnly("name", "kind");
            return new FailureDomain(d.Required("name").String(), d.Required("kind").Enum<FailureDomainKind>());
        });
        var authenticators = List(node.Required("authenticators"), a =>
        {
            a.ExpectOnly("label", "kind", "domains", "lastRehearsed");
            var names = List(a.Required("domains"), n => n.String());
            return Construct(a, () => new Authenticator(a.Required("label").String(), a.Required("kind").Enum<AuthenticatorKind>(), names, a.Optional("lastRehearsed")?.Time()));
        });
        return Construct(node, () => new SecondFactorSet(domains, authenticators));
    }

    private static readonly string[] KeySources = ["binance", "kraken", "coinbase", "ibkr", "grants"];

    private static ApiKeyDescriptor ApiKey(PostureJsonNode node)
    {
        node.ExpectOnly("label", "binance", "kraken", "coinbase", "ibkr", "grants", "ipAllowList", "environment", "created", "rotated", "expires", "lastUsed", "liveAccessRequired", "usage");
        var sources = KeySources.Where(s => node.Optional(s) is not null).ToArray();
        if (sources.Length != 1)
        {
            throw node.Fail($"has {(sources.Length == 0 ? "no" : string.Join(" and ", sources))} key source; give exactly one of: {string.Join(", ", KeySources)}.");
        }

        var label = node.Optional("label")?.String();
        var source = node.Required(sources[0]);
        var descriptor = sources[0] switch
        {
            "binance" => Adapt(source, () => ApiKeyAdapters.FromBinance(source.Element.GetRawText(), RequireLabel(node, label))),
            "kraken" => Adapt(source, () => ApiKeyAdapters.FromKraken(source.Element.GetRawText(), label)),
            "coinbase" => Adapt(source, () => ApiKeyAdapters.FromCoinbase(source.Element.GetRawText(), RequireLabel(node, label))),
            "ibkr" => Construct(source, () => ApiKeyAdapters.FromIbkr(Ibkr(source), RequireLabel(node, label))),
            _ => Construct(node, () => new ApiKeyDescriptor(RequireLabel(node, label), Grants(source))
            {
                IpAllowList = List(node.Optional("ipAllowList"), Network),
                Environment = node.Optional("environment")?.Enum<ApiKeyEnvironment>() ?? ApiKeyEnvironment.Live,
            }),
        };

        if (sources[0] != "grants" && (node.Optional("ipAllowList") ?? node.Optional("environment")) is { } misplaced)
        {
            throw misplaced.Fail("applies only to keys described by \"grants\"; platform JSON states its own allow-list and environment.");
        }

        return Construct(node, () => descriptor with
        {
            Created = node.Optional("created")?.Time() ?? descriptor.Created,
            Rotated = node.Optional("rotated")?.Time() ?? descriptor.Rotated,
            Expires = node.Optional("expires")?.Time() ?? descriptor.Expires,
            LastUsed = node.Optional("lastUsed")?.Time() ?? descriptor.LastUsed,
            LiveAccessRequired = node.Optional("liveAccessRequired")?.Bool() ?? descriptor.LiveAccessRequired,
            Usage = node.Optional("usage") is { } usage ? Usage(usage) : descriptor.Usage,
        });
    }

    private static string RequireLabel(PostureJsonNode key, string? label) =>
        label ?? throw key.Fail("has no \"label\"; name the key (never its secret), such as \"binance-rebalancer\".");

    private static IbkrApiSettings Ibkr(PostureJsonNode node)
    {
        node.ExpectOnly("readOnlyApi", "localhostOnly", "trustedIps", "socketPort", "environment");
        return new IbkrApiSettings
        {
            ReadOnlyApi = node.Optional("readOnlyApi")?.Bool() ?? false,
            LocalhostOnly = node.Optional("localhostOnly")?.Bool() ?? false,
            TrustedIps = List(node.Optional("trustedIps"), n => n.String()),
            SocketPort = node.Required("socketPort").Int32(),
            Environment = node.Optional("environment")?.Enum<ApiKeyEnvironment>(),
        };
    }

    private static ApiKeyGrants Grants(PostureJsonNode node)
    {
        var grants = ApiKeyGrants.None;
        foreach (var grant in node.Items())
        {
            grants |= grant.Enum<ApiKeyGrants>();
        }

        return grants;
    }

    private static ApiKeyUsage Usage(PostureJsonNode node)
    {
        node.ExpectOnly("observedSince", "lastUse", "sourceAddresses");
        var lastUse = new List<KeyValuePair<ApiKeyGrants, DateTimeOffset>>();
        if (node.Optional("lastUse") is { } uses)
        {
            foreach (var property in uses.Properties())
            {
                lastUse.Add(new(PostureJsonNode.EnumNamed<ApiKeyGrants>(property.Name, property.Value.Path), property.Value.Time()));
            }
        }

        var addresses = List(node.Optional("sourceAddresses"), a =>
            IPAddress.TryParse(a.String(), out var address) ? address : throw a.Fail("is not an IP address; write it as \"203.0.113.7\" or \"2001:db8::7\"."));
        return Construct(node, () => new ApiKeyUsage(node.Required("observedSince").Time(), lastUse, addresses));
    }

    private static IPNetwork Network(PostureJsonNode node) =>
        IpRanges.TryParse(node.String(), out var network, out var problem)
            ? network
            : throw node.Fail($"{problem}; write an address such as \"203.0.113.7\" or a range such as \"203.0.113.0/24\".");

    private static SessionCheck SessionCheck(PostureJsonNode node)
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
            node.Required("name").String(),
            new Operation(operation.Required("kind").Enum<OperationKind>(), notional),
            new SessionContext
            {
                Platform = session.Required("platform").Enum<ClientPlatform>(),
                Factor = session.Optional("factor")?.Enum<AuthenticatorKind>(),
                AuthenticatedAt = session.Required("authenticatedAt").Time(),
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
                signals.AddRange(FailureSignal.FromClientPortalStatus(status.Element.GetRawText()));
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

    // Adapter errors name the field inside the platform's JSON; prefix the document path of that JSON.
    private static T Adapt<T>(PostureJsonNode at, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException e) when (e is not PostureFormatException)
        {
            throw new PostureFormatException(at.Path, e.Message, e);
        }
    }

    // Domain constructors validate their arguments; report their message at the document path.
    private static T Construct<T>(PostureJsonNode at, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new PostureFormatException(at.Path, Guard.MessageOf(e), e);
        }
    }
}
