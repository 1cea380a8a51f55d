using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LoginPosture.ApiKeys;

/// <summary>
/// Builds <see cref="ApiKeyDescriptor"/>s from what exchanges and brokers report about a key. Each adapter reads
/// only the permission, network and date fields it knows, ignores everything else (including any key material in
/// the response) and fails with a <see cref="FormatException"/> naming the field when the input is malformed or a
/// permission field is missing. Add what the platform does not report with <c>with { Usage = ..., ... }</c>.
/// </summary>
public static class ApiKeyAdapters
{
    private const string Binance = "Binance GET /sapi/v1/account/apiRestrictions";
    private const string Kraken = "Kraken fast-api-key object";
    private const string Coinbase = "Coinbase GET /api/v3/brokerage/key_permissions";

    // IBKR's socket API can place any order the account's trading permissions allow; it cannot move money.
    private const ApiKeyGrants IbkrTrading = GrantSets.Trading;

    /// <summary>Reads Binance's <c>apiRestrictions</c> response.</summary>
    /// <param name="json">The response body.</param>
    /// <param name="label">A safe name for the key (the response carries none).</param>
    /// <returns>
    /// The key's grants, creation time and, when <c>ipRestrict</c> is true, an unlisted IP restriction (Binance
    /// does not return the list here: add it with <c>with { IpAllowList = ... }</c> to have it judged).
    /// </returns>
    /// <remarks>
    /// <c>tradingAuthorityExpirationTime</c> is when Binance will switch trading off on a key without an IP list; it
    /// is not the key's expiry and is not read. The key's own expiry, if any, goes in <c>with { Expires = ... }</c>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="label"/> is null.</exception>
    /// <exception cref="FormatException">The JSON is malformed, or a permission field is missing or of the wrong type.</exception>
    public static ApiKeyDescriptor FromBinance(string json, string label) =>
        FromBinance(Utf8(json), label);

    /// <inheritdoc cref="FromBinance(string, string)"/>
    /// <param name="utf8Json">The response body as UTF-8.</param>
    /// <param name="label">A safe name for the key (the response carries none).</param>
    public static ApiKeyDescriptor FromBinance(ReadOnlySpan<byte> utf8Json, string label)
    {
        Guard.NotNull(label);
        using var document = JsonFields.Parse(utf8Json, Binance);
        var json = JsonFields.Root(document, Binance);

        var grants = ApiKeyGrants.None;
        grants |= json.Bool("enableReading") ? ApiKeyGrants.Read : 0;
        grants |= json.Bool("enableSpotAndMarginTrading") ? ApiKeyGrants.TradeSpot | ApiKeyGrants.TradeMargin : 0;
        grants |= json.Bool("enableMargin") ? ApiKeyGrants.Margin : 0;
        grants |= json.Bool("enableFutures") ? ApiKeyGrants.TradeFutures : 0;
        grants |= json.Bool("enableVanillaOptions") ? ApiKeyGrants.TradeOptions : 0;
        grants |= json.Bool("enableWithdrawals") ? ApiKeyGrants.Withdraw : 0;
        grants |= json.Bool("enableInternalTransfer") ? ApiKeyGrants.InternalTransfer : 0;
        grants |= json.Bool("permitsUniversalTransfer") ? ApiKeyGrants.InternalTransfer : 0;

        // Later additions to the response: a key that predates them does not hold them.
        grants |= json.OptionalBool("enablePortfolioMarginTrading") ? ApiKeyGrants.TradeMargin : 0;
        grants |= json.OptionalBool("enableFixApiTrade") ? ApiKeyGrants.TradeSpot : 0;
        grants |= json.OptionalBool("enableFixReadOnly") ? ApiKeyGrants.Read : 0;

        return new ApiKeyDescriptor(label, grants)
        {
            IpRestrictionUnlisted = json.Bool("ipRestrict"),
            Created = json.RequiredUnixTime("createTime", milliseconds: true),
        };
    }

    /// <summary>
    /// Reads a Kraken fast-api-key object (as created, or as listed with its dates), bare or inside <c>result</c>,
    /// labelled with its own <c>api_key_name</c>.
    /// </summary>
    /// <param name="json">The key object or the API response around it.</param>
    /// <returns>The key's grants, CIDR allow-list, expiry (<c>valid_until</c>, 0 = never), creation and last-use times.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">
    /// The JSON is malformed, Kraken reported an error, a permission is missing or of the wrong type, an allow-list
    /// entry is not an address or range, or <c>api_key_name</c> is absent or blank.
    /// </exception>
    public static ApiKeyDescriptor FromKraken(string json) =>
        FromKraken(Utf8(json), null);

    /// <summary>Reads a Kraken fast-api-key object (as created, or as listed with its dates), bare or inside <c>result</c>.</summary>
    /// <param name="json">The key object or the API response around it.</param>
    /// <param name="label">A safe name for the key; <see langword="null"/> to use <c>api_key_name</c>.</param>
    /// <returns>The key's grants, CIDR allow-list, expiry (<c>valid_until</c>, 0 = never), creation and last-use times.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">
    /// The JSON is malformed, Kraken reported an error, a permission is missing or of the wrong type, an allow-list
    /// entry is not an address or range, or no label is given and <c>api_key_name</c> is absent.
    /// </exception>
    public static ApiKeyDescriptor FromKraken(string json, string? label) =>
        FromKraken(Utf8(json), label);

    /// <inheritdoc cref="FromKraken(string)"/>
    /// <param name="utf8Json">The key object or the API response around it, as UTF-8.</param>
    public static ApiKeyDescriptor FromKraken(ReadOnlySpan<byte> utf8Json) =>
        FromKraken(utf8Json, null);

    /// <inheritdoc cref="FromKraken(string, string?)"/>
    /// <param name="utf8Json">The key object or the API response around it, as UTF-8.</param>
    /// <param name="label">A safe name for the key; <see langword="null"/> to use <c>api_key_name</c>.</param>
    public static ApiKeyDescriptor FromKraken(ReadOnlySpan<byte> utf8Json, string? label)
    {
        using var document = JsonFields.Parse(utf8Json, Kraken);
        var json = JsonFields.Root(document, Kraken);
        RejectKrakenErrors(document.RootElement);
        if (!json.Has("permissions") && json.Has("result"))
        {
            json = json.Object("result");
        }

        var permissions = json.Object("permissions");
        var grants = ApiKeyGrants.None;
        grants |= permissions.Bool("funds_query") ? ApiKeyGrants.Read : 0;
        grants |= permissions.Bool("funds_add") ? ApiKeyGrants.Deposit : 0;
        grants |= permissions.Bool("funds_withdraw") ? ApiKeyGrants.Withdraw : 0;
        grants |= permissions.Bool("funds_earn") ? ApiKeyGrants.Earn : 0;
        grants |= permissions.Bool("trades_query_open") ? ApiKeyGrants.Read : 0;
        grants |= permissions.Bool("trades_query_closed") ? ApiKeyGrants.Read : 0;
        grants |= permissions.Bool("trades_modify") ? ApiKeyGrants.TradeSpot : 0;
        grants |= permissions.Bool("trades_close") ? ApiKeyGrants.TradeSpot : 0;
        grants |= permissions.Bool("ledger_query") ? ApiKeyGrants.Read : 0;
        grants |= permissions.Bool("export_data") ? ApiKeyGrants.Export : 0;

        var name = label ?? json.OptionalString("api_key_name");
        if (label is null && string.IsNullOrWhiteSpace(name))
        {
            throw new FormatException($"{Kraken}: field 'api_key_name' is {(name is null ? "missing" : "blank")}; pass the key object unchanged or give a label.");
        }

        return new ApiKeyDescriptor(name!, grants)
        {
            IpAllowList = json.OptionalAllowList("ip_allowlist"),
            Expires = json.OptionalUnixTime("valid_until", milliseconds: false),
            Created = json.OptionalUnixTime("created_time", milliseconds: false),
            LastUsed = json.OptionalUnixTime("last_used", milliseconds: false),
        };
    }

    /// <summary>Reads Coinbase Advanced Trade's <c>key_permissions</c> response.</summary>
    /// <param name="json">The response body.</param>
    /// <param name="label">A safe name for the key (the response carries none).</param>
    /// <returns>
    /// The key's grants: <c>can_view</c> is Read, <c>can_trade</c> is TradeSpot, <c>can_transfer</c> ("send and
    /// receive funds, on and off platform") is Withdraw, Deposit and InternalTransfer. Coinbase does not report the
    /// key's allow-list or dates here: add them with <c>with { ... }</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="label"/> is null.</exception>
    /// <exception cref="FormatException">The JSON is malformed, or a permission field is missing or of the wrong type.</exception>
    public static ApiKeyDescriptor FromCoinbase(string json, string label) =>
        FromCoinbase(Utf8(json), label);

    /// <inheritdoc cref="FromCoinbase(string, string)"/>
    /// <param name="utf8Json">The response body as UTF-8.</param>
    /// <param name="label">A safe name for the key (the response carries none).</param>
    public static ApiKeyDescriptor FromCoinbase(ReadOnlySpan<byte> utf8Json, string label)
    {
        Guard.NotNull(label);
        using var document = JsonFields.Parse(utf8Json, Coinbase);
        var json = JsonFields.Root(document, Coinbase);

        var grants = ApiKeyGrants.None;
        grants |= json.Bool("can_view") ? ApiKeyGrants.Read : 0;
        grants |= json.Bool("can_trade") ? ApiKeyGrants.TradeSpot : 0;
        grants |= json.Bool("can_transfer") ? ApiKeyGrants.Withdraw | ApiKeyGrants.Deposit | ApiKeyGrants.InternalTransfer : 0;
        return new ApiKeyDescriptor(label, grants);
    }

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

        var environment = settings.Environment ?? settings.SocketPort switch
        {
            7496 or 4001 => ApiKeyEnvironment.Live,
            7497 or 4002 => ApiKeyEnvironment.Paper,
            _ => throw new ArgumentException($"settings.SocketPort {settings.SocketPort} is not one of IBKR's default ports (live 7496/4001, paper 7497/4002); set settings.Environment to say which account it serves.", "settings.SocketPort"),
        };

        return new ApiKeyDescriptor(label, settings.ReadOnlyApi ? ApiKeyGrants.Read : ApiKeyGrants.Read | IbkrTrading)
        {
            IpAllowList = IbkrAllowList(settings),
            Environment = environment,
        };
    }

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
        for (var i = 0; i < trusted.Count; i++)
        {
            if (!IpRanges.TryParse(trusted[i], out var network, out var problem)
                || network.PrefixLength != (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
            {
                Guard.Throw($"settings.TrustedIps[{i}]", $"settings.TrustedIps[{i}] {(problem.Length > 0 ? problem : "is a range")}; IBKR's Trusted IPs take single addresses such as 203.0.113.7.");
            }

            if (!list.Contains(network))
            {
                list.Add(network);
            }
        }

        return list.ToImmutable();
    }

    private static void RejectKrakenErrors(JsonElement root)
    {
        if (root.TryGetProperty("error", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var codes = new List<string>();
            foreach (var error in errors.EnumerateArray())
            {
                codes.Add(error.ValueKind == JsonValueKind.String ? error.GetString()! : error.ValueKind.ToString());
            }

            throw new FormatException($"{Kraken}: the response reports errors ({string.Join("; ", codes)}) instead of a key; fix the request (EGeneral:Permission denied means the calling key lacks the permission).");
        }
    }

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(Guard.NotNull(json));
}
