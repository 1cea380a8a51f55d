using FsCheck;
using FsCheck.Fluent;
using LoginPosture.ApiKeys;
using static LoginPosture.FsCheck.JsonText;

namespace LoginPosture.FsCheck;

public static partial class LoginPostureArbitraries
{
    /// <summary>
    /// TWS and IB Gateway socket-API settings <see cref="ApiKeyAdapters.FromIbkr"/> accepts: Read-Only API and
    /// localhost-only on or off; Trusted IPs absent, empty, or one to three single IPv4 or IPv6 addresses, sometimes
    /// with the loopback address or an any-address (<c>0.0.0.0</c>, <c>::</c>) among them; IBKR's four default ports with or
    /// without an environment, or another port (1 and 65535 included) with one.
    /// </summary>
    public static readonly Gen<IbkrApiSettings> IbkrSettingsGen = Gen.Choose(0, int.MaxValue).Select(seed => DrawIbkrSettings(new Random(seed)));

    /// <summary>
    /// Client Portal Web API bodies in both shapes (<c>/iserver/auth/status</c> at the root, <c>/tickle</c> nesting it
    /// under <c>iserver.authStatus</c>): <c>authenticated</c>, <c>competing</c> and <c>connected</c> true, false or
    /// absent; <c>fail</c>, <c>message</c> empty or set; <c>prompts</c>; an <c>hmds.error</c> such as "no bridge"; a
    /// top-level <c>error</c>; the gateway's other fields (<c>MAC</c>, <c>serverInfo</c>, <c>session</c>, <c>ssoExpires</c>) or not.
    /// </summary>
    public static readonly Gen<ClientPortalStatusJson> ClientPortalStatusGen = Gen.Choose(0, int.MaxValue).Select(seed => PortalStatus(DrawPortal(new Random(seed))));

    /// <summary>Socket-API settings (see <see cref="IbkrSettingsGen"/>), shrinking each switch off, the Trusted IPs away and the port to paper TWS.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<IbkrApiSettings> IbkrSettings() => Arb.From(IbkrSettingsGen, ShrinkIbkrSettings);

    /// <summary>Client Portal status bodies (see <see cref="ClientPortalStatusGen"/>), shrinking towards a healthy, bare auth-status object.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ClientPortalStatusJson> ClientPortalStatuses() => Arb.From(ClientPortalStatusGen, ShrinkPortal);

    private static readonly int[] DefaultPorts = [7496, 4001, 7497, 4002];
    private static readonly string[] PortalMessages = ["", "session will be closed in 5 minutes", "competing session found"];
    private static readonly string[] PortalFails = ["", "Session expired", "Invalid credentials"];
    private static readonly string[] HmdsErrors = ["", "no bridge", "not authenticated"];
    private static readonly string[] TopErrors = ["", "Not authenticated"];

    internal sealed record PortalModel(
        bool? Authenticated, bool? Competing, bool? Connected, int Fail, int Message, bool Prompt, int Hmds, int Error, bool Tickle, bool Extras, bool Indented);

    private static IbkrApiSettings DrawIbkrSettings(Random r)
    {
        var trusted = r.Weighted(2, 1, 3) switch { 0 => null, 1 => [], _ => Enumerable.Range(0, r.Choose(1, 3)).Select(_ => TrustedIp(r)).ToArray() };
        var defaultPort = r.Weighted(3, 1) == 0;
        return new IbkrApiSettings
        {
            ReadOnlyApi = r.Next(2) == 0,
            LocalhostOnly = r.Next(2) == 0,
            TrustedIps = trusted,
            SocketPort = defaultPort ? r.Element(DefaultPorts) : r.Weighted(1, 1, 4) switch { 0 => 1, 1 => 65535, _ => r.Choose(1024, 65535) },
            Environment = defaultPort && r.Next(2) == 0 ? null : (r.Next(2) == 0 ? ApiKeyEnvironment.Live : ApiKeyEnvironment.Paper),
        };
    }

    private static string TrustedIp(Random r) => r.Weighted(6, 1, 1, 1) switch
    {
        0 => string.Join('.', r.Choose(1, 223), r.Next(256), r.Next(256), r.Choose(1, 254)),
        1 => "127.0.0.1",
        2 => r.Next(2) == 0 ? "0.0.0.0" : "::",
        _ => $"2001:db8:{r.Next(0x10000):x}::{r.Choose(1, 0xffff):x}",
    };

    private static IEnumerable<IbkrApiSettings> ShrinkIbkrSettings(IbkrApiSettings s)
    {
        if (s.TrustedIps is { Count: > 0 } ips)
        {
            for (var i = 0; i < ips.Count; i++)
            {
                yield return s with { TrustedIps = ips.Where((_, j) => j != i).ToArray() };
            }
        }

        foreach (var simpler in Distinct(s, [s with { TrustedIps = null }, s with { ReadOnlyApi = false }, s with { LocalhostOnly = false }, s with { SocketPort = 7497, Environment = null }]))
        {
            yield return simpler;
        }
    }

    private static PortalModel DrawPortal(Random r)
    {
        bool? Flag(int healthyWeight, bool healthy) => r.Weighted(1, healthyWeight, 1) switch { 0 => null, 1 => healthy, _ => !healthy };
        return new PortalModel(
            Flag(3, true), Flag(3, false), Flag(3, true), r.Weighted(3, 1, 1), r.Weighted(3, 1, 1), r.Next(5) == 0, r.Weighted(3, 1, 1), r.Weighted(5, 1),
            r.Next(2) == 0, r.Next(2) == 0, r.Next(2) == 0);
    }

    private static ClientPortalStatusJson PortalStatus(PortalModel m)
    {
        var status = new List<(string, string)>();
        var expected = new List<string>();
        void Flag(string name, bool? value, bool healthy)
        {
            if (value is { } v)
            {
                status.Add((name, Bool(v, false)));
                if (v != healthy)
                {
                    expected.Add($"auth/status.{name}={(v ? "true" : "false")}");
                }
            }
        }

        void Text(List<(string, string)> members, string name, string value, string label)
        {
            members.Add((name, String(value)));
            if (value.Length > 0)
            {
                expected.Add($"{label}: {value}");
            }
        }

        Flag("authenticated", m.Authenticated, true);
        Flag("competing", m.Competing, false);
        Flag("connected", m.Connected, true);
        Text(status, "fail", PortalFails[m.Fail], "auth/status.fail");
        Text(status, "message", PortalMessages[m.Message], "auth/status.message");
        if (m.Prompt)
        {
            status.Add(("prompts", Array([String("Confirm the order"), String("Price exceeds the limit")])));
            expected.Add("auth/status.prompts: Confirm the order | Price exceeds the limit");
        }

        if (m.Extras)
        {
            status.Add(("MAC", String("02:00:00:00:00:01")));
            status.Add(("serverInfo", Object([("serverName", String("gw-test-1")), ("serverVersion", String("Build 10.30.0"))], m.Indented, m.Tickle ? 3 : 1)));
        }

        var root = new List<(string, string)>();
        if (m.Tickle)
        {
            root.Add(("session", String("0123456789abcdef")));
            root.Add(("ssoExpires", "415000"));
            root.Add(("iserver", Object([("authStatus", Object(status, m.Indented, 2))], m.Indented, 1)));
        }
        else
        {
            root.AddRange(status);
        }

        if (HmdsErrors[m.Hmds] is { Length: > 0 } hmds)
        {
            root.Add(("hmds", Object([("error", String(hmds))], m.Indented, 1)));
            expected.Add($"hmds.error: {hmds}");
        }

        if (TopErrors[m.Error] is { Length: > 0 } error)
        {
            root.Add(("error", String(error)));
            expected.Add($"error: {error}");
        }

        return new ClientPortalStatusJson(Object(root, m.Indented), expected) { Model = m };
    }

    private static IEnumerable<ClientPortalStatusJson> ShrinkPortal(ClientPortalStatusJson status) =>
        status.Model is PortalModel m
            ? Distinct(m,
            [
                m with { Authenticated = true }, m with { Competing = false }, m with { Connected = true }, m with { Fail = 0 }, m with { Message = 0 },
                m with { Prompt = false }, m with { Hmds = 0 }, m with { Error = 0 }, m with { Tickle = false }, m with { Extras = false }, m with { Indented = false },
            ]).Select(PortalStatus)
            : [];
}
