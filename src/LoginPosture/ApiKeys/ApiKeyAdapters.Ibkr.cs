using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LoginPosture.ApiKeys;

/// <content>The IBKR socket-API adapter: TWS or IB Gateway settings described as a key.</content>
public static partial class ApiKeyAdapters
{
    // IBKR's socket API can place any order the account's trading permissions allow; it cannot move money.
    private const ApiKeyGrants IbkrTrading = GrantSets.Trading;

    /// <summary>Describes a TWS or IB Gateway socket API as a key.</summary>
    /// <param name="settings">The installation's API settings.</param>
    /// <param name="label">A safe name for the installation, such as <c>tws-desktop</c>.</param>
    /// <returns>
    /// Read, plus every trading grant unless Read-Only API is on; an allow-list of localhost when "localhost only"
    /// is on, else localhost and the Trusted IPs when any are listed, else none (TWS then prompts per connection);
    /// live or paper from the port.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The port is outside 1-65535, or not one of IBKR's defaults while <see cref="IbkrApiSettings.Environment"/> is
    /// unset, or a trusted IP is not a single address.
    /// </exception>
    public static ApiKeyDescriptor FromIbkr(in IbkrApiSettings settings, string label)
    {
        Guard.NotNull(label);
        if (settings.SocketPort is < 1 or > 65535)
        {
            Guard.ThrowOutOfRange("settings.SocketPort", settings.SocketPort, "settings.SocketPort must be a TCP port from 1 to 65535; copy it from Global Configuration → API → Settings.");
        }

        if (IbkrPortProblem(settings.SocketPort, settings.Environment) is { } problem)
        {
            Guard.Throw("settings.SocketPort", $"settings.SocketPort {problem}");
        }

        var environment = settings.Environment ?? (settings.SocketPort is 7496 or 4001 ? ApiKeyEnvironment.Live : ApiKeyEnvironment.Paper);
        return new ApiKeyDescriptor(label, settings.ReadOnlyApi ? ApiKeyGrants.Read : ApiKeyGrants.Read | IbkrTrading)
        {
            IpAllowList = IbkrAllowList(settings),
            Environment = environment,
        };
    }

    /// <summary>Why a socket port cannot be judged, or null: a port outside 1-65535, or a non-default port with no environment.</summary>
    internal static string? IbkrPortProblem(int port, ApiKeyEnvironment? environment) =>
        port is < 1 or > 65535 ? "is not a TCP port from 1 to 65535; copy it from Global Configuration → API → Settings."
        : environment is null && port is not (7496 or 4001 or 7497 or 4002)
            ? string.Create(CultureInfo.InvariantCulture, $"{port} is not one of IBKR's default ports (live 7496/4001, paper 7497/4002); set the environment to say which account it serves.")
        : null;

    /// <summary>Why a Trusted IPs entry is refused, or null. Single addresses, or an any-address (which fences nothing).</summary>
    internal static string? IbkrTrustedIpProblem(string text) =>
        IpRanges.TryParse(text, out var network, out var problem)
            ? network.PrefixLength == MaxPrefix(network) || IsAnyAddress(network) ? null : "is a range; IBKR's Trusted IPs take single addresses such as 203.0.113.7."
            : $"{problem}; IBKR's Trusted IPs take single addresses such as 203.0.113.7.";

    // 0.0.0.0, ::, 0.0.0.0/0 and ::/0 stand for every address: listing one fences nothing.
    private static bool IsAnyAddress(IPNetwork network) =>
        (network.BaseAddress.Equals(IPAddress.Any) || network.BaseAddress.Equals(IPAddress.IPv6Any)) && (network.PrefixLength == 0 || network.PrefixLength == MaxPrefix(network));

    private static int MaxPrefix(IPNetwork network) => network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;

    private static ImmutableArray<IPNetwork> IbkrAllowList(in IbkrApiSettings settings)
    {
        if (settings.LocalhostOnly)
        {
            return [IpRanges.LoopbackV4, IpRanges.LoopbackV6];
        }

        if (settings.TrustedIps is not { Count: > 0 } trusted)
        {
            return [];
        }

        var list = ImmutableArray.CreateBuilder<IPNetwork>(trusted.Count + 1);
        list.Add(IpRanges.LoopbackV4);
        var fenced = true;
        for (var i = 0; i < trusted.Count; i++)
        {
            if (IbkrTrustedIpProblem(trusted[i]) is { } problem)
            {
                Guard.Throw($"settings.TrustedIps[{i}]", $"settings.TrustedIps[{i}] {problem}");
            }

            IpRanges.TryParse(trusted[i], out var network, out _);
            fenced &= !IsAnyAddress(network);
            if (!list.Contains(network))
            {
                list.Add(network);
            }
        }

        // An any-address admits every client, as an empty list does: judge it as no allow-list at all.
        return fenced ? list.ToImmutable() : [];
    }
}
