using System.Collections.Immutable;
using System.Net;
using LoginPosture.ApiKeys;
using LoginPosture.Otp;
using LoginPosture.SecondFactors;

namespace LoginPosture.Posture;

/// <summary>
/// Maps the posture document, read once by <see cref="JsonTreeReader"/> (platform objects included), onto a
/// <see cref="PostureSnapshot"/>. Field names are camelCase; unknown fields are refused (a typo would otherwise drop a
/// setting silently), except inside platform JSON (<c>binance</c>, <c>kraken</c>, <c>coinbase</c>,
/// <c>clientPortalStatus</c>), which is read the way the platform sends it. Every error names the path from the root.
/// </summary>
internal static partial class PostureJson
{
    public static PostureSnapshot Read(ReadOnlySpan<byte> utf8Json)
    {
        JsonTree tree;
        try
        {
            tree = JsonTreeReader.Read(utf8Json);
        }
        catch (JsonInputException e)
        {
            throw new PostureFormatException(e.Path, e.Problem, e);
        }

        var root = new PostureJsonNode(tree);
        root.ExpectOnly("account", "asOf", "secondFactors", "apiKeys", "sessionChecks", "signals");
        var times = new List<(string, DateTimeOffset)>();
        var otp = ImmutableDictionary.CreateBuilder<string, OtpEnrolment>(StringComparer.Ordinal);
        var snapshot = new PostureSnapshot
        {
            Account = Name(root.Optional("account")),
            AsOf = root.Optional("asOf")?.Time(),
            SecondFactors = root.Optional("secondFactors") is { } factors ? SecondFactors(factors, times, otp) : null,
            OtpEnrolments = otp.ToImmutable(), // filled while reading secondFactors, just above
            ApiKeys = List(root.Optional("apiKeys"), key => ApiKey(key, times)),
            SessionChecks = List(root.Optional("sessionChecks"), check => SessionCheck(check, times)),
            Signals = Signals(root.Optional("signals")),
            TimeFields = [.. times],
        };

        if (snapshot.SecondFactors is null && snapshot.ApiKeys.IsEmpty && snapshot.SessionChecks.IsEmpty && root.Optional("signals") is not { Tree.Items.Count: > 0 })
        {
            throw root.Fail("has nothing to judge; give at least one of secondFactors, apiKeys, sessionChecks or signals (an empty document would pass any gate).");
        }

        if (snapshot.AsOf is { } asOf)
        {
            PostureTimes.RequireNotAfter(snapshot.TimeFields, asOf, "asOf");
        }

        return snapshot;
    }

    // Names, labels and the account are printed in reports: refuse one that is a credential rather than print it.
    private static string? Name(PostureJsonNode? node) => node is { } n ? Name(n) : null;

    private static string Name(PostureJsonNode node)
    {
        var text = node.String();
        return Redaction.LooksSecret(text)
            ? throw node.Fail("looks like a credential (an API key, token or secret); name the thing, never its secret.")
            : text;
    }

    private static ImmutableArray<T> List<T>(PostureJsonNode? array, Func<PostureJsonNode, T> read) =>
        array is { } node ? node.Items().Select(read).ToImmutableArray() : [];

    private static SecondFactorSet SecondFactors(PostureJsonNode node, List<(string, DateTimeOffset)> times, ImmutableDictionary<string, OtpEnrolment>.Builder otp)
    {
        node.ExpectOnly("domains", "authenticators");
        var domains = List(node.Required("domains"), d =>
        {
            d.ExpectOnly("name", "kind");
            return new FailureDomain(Name(d.Required("name")), d.Required("kind").Enum<FailureDomainKind>());
        });
        var declared = domains.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var authenticators = List(node.Required("authenticators"), a =>
        {
            RefuseOtpSecret(a);
            a.ExpectOnly("label", "kind", "domains", "lastRehearsed", "otp");
            var names = List(a.Required("domains"), n => declared.Contains(Name(n)) ? Name(n)
                : throw n.Fail($"names \"{Redaction.Visible(Name(n))}\", which $.secondFactors.domains does not declare; declare it there or correct the name."));
            var rehearsed = Time(a.Optional("lastRehearsed"), times);
            var authenticator = Construct(a, () => new Authenticator(Name(a.Required("label")), a.Required("kind").Enum<AuthenticatorKind>(), names, rehearsed));
            if (a.Optional("otp") is { } enrolment)
            {
                otp[authenticator.Label] = OtpEnrolmentOf(enrolment, authenticator.Kind);
            }

            return authenticator;
        });
        return Construct(node, () => new SecondFactorSet(domains, authenticators));
    }

    private static readonly string[] KeySources = ["binance", "kraken", "coinbase", "ibkr", "grants"];

    private static ApiKeyDescriptor ApiKey(PostureJsonNode node, List<(string, DateTimeOffset)> times)
    {
        node.ExpectOnly("label", "binance", "kraken", "coinbase", "ibkr", "grants", "ipAllowList", "environment", "created", "rotated", "expires", "lastUsed", "liveAccessRequired", "usage");
        var sources = KeySources.Where(s => node.Optional(s) is not null).ToArray();
        if (sources.Length != 1)
        {
            throw node.Fail($"has {(sources.Length == 0 ? "no" : string.Join(" and ", sources))} key source; give exactly one of: {string.Join(", ", KeySources)}.");
        }

        var label = Name(node.Optional("label"));
        var source = node.Required(sources[0]);
        var platformTimes = new List<(string, DateTimeOffset)>();
        var descriptor = sources[0] switch
        {
            "binance" => Adapt(() => ApiKeyAdapters.FromBinance(source.Tree, RequireLabel(node, label), platformTimes)),
            "kraken" => Adapt(() => ApiKeyAdapters.FromKraken(source.Tree, label, platformTimes)),
            "coinbase" => Adapt(() => ApiKeyAdapters.FromCoinbase(source.Tree, RequireLabel(node, label))),
            "ibkr" => Ibkr(source, RequireLabel(node, label)),
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

        // A time given beside the platform object overrides the platform's; only the one in force is judged.
        var created = Time(node.Optional("created"), times);
        var lastUsed = Time(node.Optional("lastUsed"), times);
        times.AddRange(platformTimes.Where(t => !(created is not null && (t.Item1.EndsWith(".createTime", StringComparison.Ordinal) || t.Item1.EndsWith(".created_time", StringComparison.Ordinal)))
            && !(lastUsed is not null && t.Item1.EndsWith(".last_used", StringComparison.Ordinal))));
        var key = Construct(node, () => descriptor with
        {
            Created = created ?? descriptor.Created,
            Rotated = Time(node.Optional("rotated"), times) ?? descriptor.Rotated,
            Expires = node.Optional("expires")?.Time() ?? descriptor.Expires,
            LastUsed = lastUsed ?? descriptor.LastUsed,
            LiveAccessRequired = node.Optional("liveAccessRequired")?.Bool() ?? descriptor.LiveAccessRequired,
            Usage = node.Optional("usage") is { } usage ? Usage(usage, times) : descriptor.Usage,
        });
        CheckOrder(node, source, key);
        return key;
    }

    // The evaluator refuses a key rotated or expiring before it was created; say so here, at the document's paths.
    private static void CheckOrder(PostureJsonNode node, PostureJsonNode source, ApiKeyDescriptor key)
    {
        if (key.Created is not { } created)
        {
            return;
        }

        var inner = source.Tree.Present("permissions") is null && source.Tree.Present("result") is { } result ? result.Path : source.Path;
        var createdAt = node.Optional("created")?.Path ?? JsonTree.Member(inner, source.Path.EndsWith(".binance", StringComparison.Ordinal) ? "createTime" : "created_time");
        if (key.Rotated < created)
        {
            throw node.Required("rotated").Fail($"is earlier than the key's creation ({createdAt}); a key cannot be rotated before it exists.");
        }

        if (key.Expires < created)
        {
            var expiresAt = node.Optional("expires")?.Path ?? JsonTree.Member(inner, "valid_until");
            throw PostureJsonNode.Fail(expiresAt, $"is earlier than the key's creation ({createdAt}); give the key's real expiry, or leave it out when it never expires.");
        }
    }

    private static string RequireLabel(PostureJsonNode key, string? label) =>
        label ?? throw key.Fail("has no \"label\"; name the key (never its secret), such as \"binance-rebalancer\".");

    // Each setting is checked here, at its own path, so that FromIbkr has nothing left to refuse.
    private static ApiKeyDescriptor Ibkr(PostureJsonNode node, string label)
    {
        node.ExpectOnly("readOnlyApi", "localhostOnly", "trustedIps", "socketPort", "environment");
        var port = node.Required("socketPort");
        var environment = node.Optional("environment")?.Enum<ApiKeyEnvironment>();
        if (ApiKeyAdapters.IbkrPortProblem(port.Int32(), environment) is { } problem)
        {
            throw port.Fail(problem);
        }

        var trusted = List(node.Optional("trustedIps"), ip =>
            ApiKeyAdapters.IbkrTrustedIpProblem(ip.String()) is { } wrong ? throw ip.Fail(wrong) : ip.String());
        return ApiKeyAdapters.FromIbkr(
            new IbkrApiSettings
            {
                ReadOnlyApi = node.Optional("readOnlyApi")?.Bool() ?? false,
                LocalhostOnly = node.Optional("localhostOnly")?.Bool() ?? false,
                TrustedIps = trusted,
                SocketPort = port.Int32(),
                Environment = environment,
            },
            label);
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

    private static ApiKeyUsage Usage(PostureJsonNode node, List<(string, DateTimeOffset)> times)
    {
        node.ExpectOnly("observedSince", "lastUse", "sourceAddresses");
        var lastUse = new List<KeyValuePair<ApiKeyGrants, DateTimeOffset>>();
        if (node.Optional("lastUse") is { } uses)
        {
            var index = 0;
            foreach (var (name, value) in uses.Properties())
            {
                // A key that is not a grant name is reported by position: it may be anything, a pasted secret included.
                if (!PostureJsonNode.TryEnum<ApiKeyGrants>(name, out var grant))
                {
                    throw uses.Fail($"has a key (number {index + 1}) that is not an ApiKeyGrants name; key each time by one of: {string.Join(", ", Enum.GetNames<ApiKeyGrants>())}.");
                }

                lastUse.Add(new(grant, Time(value, times)!.Value));
                index++;
            }
        }

        var addresses = List(node.Optional("sourceAddresses"), a =>
            IPAddress.TryParse(a.String(), out var address) ? address : throw a.Fail("is not an IP address; write it as \"203.0.113.7\" or \"2001:db8::7\"."));
        var observedSince = Time(node.Required("observedSince"), times)!.Value;
        return Construct(node, () => new ApiKeyUsage(observedSince, lastUse, addresses));
    }

    private static IPNetwork Network(PostureJsonNode node) =>
        IpRanges.TryParse(node.String(), out var network, out var problem)
            ? network
            : throw node.Fail($"{problem}; write an address such as \"203.0.113.7\" or a range such as \"203.0.113.0/24\".");

    // A time that describes the past (created, used, rehearsed, authenticated): recorded to be checked against asOf.
    private static DateTimeOffset? Time(PostureJsonNode? node, List<(string, DateTimeOffset)> times)
    {
        if (node is not { } n)
        {
            return null;
        }

        var time = n.Time();
        times.Add((n.Path, time));
        return time;
    }

    // Adapters read the platform object from the same tree and name the full path in their errors.
    private static T Adapt<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (JsonInputException e)
        {
            throw new PostureFormatException(e.Path, e.Problem, e);
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
