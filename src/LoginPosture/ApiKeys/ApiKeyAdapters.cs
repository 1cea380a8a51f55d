using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LoginPosture.ApiKeys;

/// <summary>
/// Builds <see cref="ApiKeyDescriptor"/>s from what exchanges and brokers report about a key. Each adapter reads
/// only the permission, network and date fields it knows, ignores everything else (including any key material in
/// the response) and fails with a <see cref="FormatException"/> naming the field when the input is malformed or a
/// permission field is missing. Add what the platform does not report with <c>with { Usage = ..., ... }</c>.
/// </summary>
/// <remarks>
/// For any input the JSON adapters return a descriptor or throw <see cref="ArgumentNullException"/> (a null
/// argument) or <see cref="FormatException"/>, never another exception. They read JSON by the same rules as a
/// posture document: comments and trailing commas allowed, a UTF-8 byte-order mark skipped, UTF-16 and UTF-32
/// refused by name, invalid UTF-8 and lone surrogates refused, a field name at most once per object (ignoring
/// case), nesting at most 64 levels. Messages name fields, never quote values: a response may hold key material.
/// </remarks>
public static partial class ApiKeyAdapters
{
    private const string Binance = "Binance GET /sapi/v1/account/apiRestrictions";
    private const string Kraken = "Kraken fast-api-key object";
    private const string Coinbase = "Coinbase GET /api/v3/brokerage/key_permissions";

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
    /// <exception cref="FormatException">The JSON is malformed or breaks the reading rules in the class remarks, or a permission field is missing or of the wrong type.</exception>
    public static ApiKeyDescriptor FromBinance(string json, string label) =>
        FromBinance(Utf8(json), label);

    /// <inheritdoc cref="FromBinance(string, string)"/>
    /// <param name="utf8Json">The response body as UTF-8.</param>
    /// <param name="label">A safe name for the key (the response carries none).</param>
    public static ApiKeyDescriptor FromBinance(ReadOnlySpan<byte> utf8Json, string label)
    {
        Guard.NotNull(label);
        try
        {
            return FromBinance(JsonTreeReader.Read(utf8Json, source: Binance), label, null);
        }
        catch (JsonInputException e)
        {
            throw Direct(e);
        }
    }

    /// <summary>Binance's object read elsewhere (inside a posture document); past times go to <paramref name="pastTimes"/>.</summary>
    internal static ApiKeyDescriptor FromBinance(JsonTree tree, string label, List<(string Path, DateTimeOffset Time)>? pastTimes)
    {
        var json = JsonFields.Root(tree, Binance, pastTimes);

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
            Created = json.RequiredUnixTime("createTime", milliseconds: true, past: true),
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
        try
        {
            return FromKraken(JsonTreeReader.Read(utf8Json, source: Kraken), label, null);
        }
        catch (JsonInputException e)
        {
            throw Direct(e);
        }
    }

    /// <summary>Kraken's object read elsewhere (inside a posture document); past times go to <paramref name="pastTimes"/>.</summary>
    internal static ApiKeyDescriptor FromKraken(JsonTree tree, string? label, List<(string Path, DateTimeOffset Time)>? pastTimes)
    {
        var json = JsonFields.Root(tree, Kraken, pastTimes);
        RejectKrakenErrors(json);
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
        if (label is null && name is not null && Redaction.LooksSecret(name))
        {
            const string Problem = "looks like a credential, so it is not used as the key's name; give a label.";
            throw new JsonInputException(JsonTree.Member(json.Tree.Path, "api_key_name"), Problem, malformed: false, $"{Kraken}: field 'api_key_name' {Problem}");
        }

        if (label is null && string.IsNullOrWhiteSpace(name))
        {
            var problem = $"is {(name is null ? "missing" : "blank")}; pass the key object unchanged or give a label.";
            throw new JsonInputException(JsonTree.Member(json.Tree.Path, "api_key_name"), problem, malformed: false, $"{Kraken}: field 'api_key_name' {problem}");
        }

        return new ApiKeyDescriptor(name!, grants)
        {
            IpAllowList = json.OptionalAllowList("ip_allowlist"),
            Expires = json.OptionalUnixTime("valid_until", milliseconds: false, past: false),
            Created = json.OptionalUnixTime("created_time", milliseconds: false, past: true),
            LastUsed = json.OptionalUnixTime("last_used", milliseconds: false, past: true),
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
    /// <exception cref="FormatException">The JSON is malformed or breaks the reading rules in the class remarks, or a permission field is missing or of the wrong type.</exception>
    public static ApiKeyDescriptor FromCoinbase(string json, string label) =>
        FromCoinbase(Utf8(json), label);

    /// <inheritdoc cref="FromCoinbase(string, string)"/>
    /// <param name="utf8Json">The response body as UTF-8.</param>
    /// <param name="label">A safe name for the key (the response carries none).</param>
    public static ApiKeyDescriptor FromCoinbase(ReadOnlySpan<byte> utf8Json, string label)
    {
        Guard.NotNull(label);
        try
        {
            return FromCoinbase(JsonTreeReader.Read(utf8Json, source: Coinbase), label);
        }
        catch (JsonInputException e)
        {
            throw Direct(e);
        }
    }

    /// <summary>Coinbase's object read elsewhere (inside a posture document).</summary>
    internal static ApiKeyDescriptor FromCoinbase(JsonTree tree, string label)
    {
        var json = JsonFields.Root(tree, Coinbase, null);

        var grants = ApiKeyGrants.None;
        grants |= json.Bool("can_view") ? ApiKeyGrants.Read : 0;
        grants |= json.Bool("can_trade") ? ApiKeyGrants.TradeSpot : 0;
        grants |= json.Bool("can_transfer") ? ApiKeyGrants.Withdraw | ApiKeyGrants.Deposit | ApiKeyGrants.InternalTransfer : 0;
        return new ApiKeyDescriptor(label, grants);
    }

    // Kraken reports failures as "<severity><category>:<message>" strings. Only strings in that form are quoted
    // (and redacted); anything else might be anything, so it is counted, not echoed.
    private static void RejectKrakenErrors(JsonFields json)
    {
        if (json.Tree.Present("error") is { Kind: JsonValueKind.Array, Items.Count: > 0 } errors)
        {
            var codes = errors.Items.Select(static e =>
                e.Kind == JsonValueKind.String && KrakenError(e.Text!) ? Redaction.Redact(e.Text)! : "an error not in Kraken's form");
            var problem = $"reports errors ({string.Join("; ", codes)}) instead of a key; fix the request (EGeneral:Permission denied means the calling key lacks the permission).";
            throw json.FailHere(problem, $"the response {problem}");
        }
    }

    private static bool KrakenError(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (text.Length > 120 || colon < 2 || text[0] is not ('E' or 'W'))
        {
            return false;
        }

        foreach (var c in text.AsSpan(1, colon - 1))
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        foreach (var c in text.AsSpan(colon + 1))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is ' ' or ':' or '.' or ',' or '_' or '-' or '\'' or '(' or ')' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    // Direct callers get the FormatException the docs promise, with the message naming source and field.
    private static FormatException Direct(JsonInputException e) => new(e.Message, e);

    private static byte[] Utf8(string json)
    {
        try
        {
            return StrictUtf8.GetBytes(Guard.NotNull(json));
        }
        catch (EncoderFallbackException e)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"the response holds a lone surrogate (half of a UTF-16 pair) at character {e.Index + 1}; pass the response body unchanged."), e);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
