using System.Collections.Immutable;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.ApiKeys;
using static LoginPosture.FsCheck.JsonText;

namespace LoginPosture.FsCheck;

public static partial class LoginPostureArbitraries
{
    /// <summary>
    /// Key-permission responses of Binance, Kraken and Coinbase in their real shapes: every permission on or off;
    /// Binance's later fields (<c>enableFixApiTrade</c>, <c>enableFixReadOnly</c>, <c>enablePortfolioMarginTrading</c>)
    /// present or absent and <c>createTime</c> in milliseconds (0 for unknown); Kraken bare or in its result envelope,
    /// with IP allow-lists of addresses and CIDR ranges (IPv6 too, duplicates included), <c>valid_until</c> 0 (never)
    /// or a date, creation and last use absent, 0 or a time in seconds, sometimes as numeric strings; Coinbase with each
    /// portfolio type. Booleans are sometimes strings, as some endpoints send them; unknown fields come and go;
    /// bodies are compact or indented.
    /// </summary>
    public static readonly Gen<PlatformKeyJson> PlatformKeyJsonGen = Gen.Choose(0, int.MaxValue).Select(seed => DrawPlatformKey(new Random(seed)));

    /// <summary>Platform responses (see <see cref="PlatformKeyJsonGen"/>), shrinking one permission, field or variation at a time towards the plainest body.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<PlatformKeyJson> PlatformKeys() => Arb.From(PlatformKeyJsonGen, ShrinkPlatformKey);

    private static readonly string[] BinanceFields =
    [
        "ipRestrict", "enableReading", "enableWithdrawals", "enableInternalTransfer", "enableMargin", "enableFutures", "permitsUniversalTransfer",
        "enableVanillaOptions", "enableSpotAndMarginTrading", "enableFixApiTrade", "enableFixReadOnly", "enablePortfolioMarginTrading",
    ];

    private static readonly ApiKeyGrants[] BinanceGrants =
    [
        ApiKeyGrants.None, ApiKeyGrants.Read, ApiKeyGrants.Withdraw, ApiKeyGrants.InternalTransfer, ApiKeyGrants.Margin, ApiKeyGrants.TradeFutures,
        ApiKeyGrants.InternalTransfer, ApiKeyGrants.TradeOptions, ApiKeyGrants.TradeSpot | ApiKeyGrants.TradeMargin, ApiKeyGrants.TradeSpot,
        ApiKeyGrants.Read, ApiKeyGrants.TradeMargin,
    ];

    // The three fields Binance added later: an older key's response lacks them.
    private const int BinanceLaterFields = 9;

    private static readonly string[] KrakenFields =
        ["funds_query", "funds_add", "funds_withdraw", "funds_earn", "trades_query_open", "trades_query_closed", "trades_modify", "trades_close", "ledger_query", "export_data"];

    private static readonly ApiKeyGrants[] KrakenGrants =
    [
        ApiKeyGrants.Read, ApiKeyGrants.Deposit, ApiKeyGrants.Withdraw, ApiKeyGrants.Earn, ApiKeyGrants.Read, ApiKeyGrants.Read,
        ApiKeyGrants.TradeSpot, ApiKeyGrants.TradeSpot, ApiKeyGrants.Read, ApiKeyGrants.Export,
    ];

    private static readonly string[] KrakenNames = ["grid-bot", "k", "dca bot über", "tax \"export\""];
    private static readonly string[] PortfolioTypes = ["DEFAULT", "CONSUMER", "INTX", "UNDEFINED"];

    internal sealed record BinanceModel(int Flags, int Later, long CreateMs, bool StringBools, bool Extras, bool Indented);

    internal sealed record KrakenModel(
        int Flags, int Name, ImmutableArray<string>? AllowList, long ValidUntil, long? Created, long? LastUsed, bool StringNumbers, bool Wrapped, bool Extras, bool Indented);

    internal sealed record CoinbaseModel(int Flags, int PortfolioType, bool StringBools, bool Extras, bool Indented);

    private static long SecondsAgo(Random r, int maxDays) => AsOf.ToUnixTimeSeconds() - (r.Choose(0, maxDays) * 86_400L) - r.Choose(0, 86_399);

    private static PlatformKeyJson DrawPlatformKey(Random r) => r.Next(3) switch
    {
        0 => Binance(new BinanceModel(
            r.Next(1 << BinanceFields.Length), r.Next(8), r.Weighted(1, 6) == 0 ? 0 : SecondsAgo(r, 2000) * 1000 + r.Next(1000),
            r.Next(6) == 0, r.Next(2) == 0, r.Next(2) == 0)),
        1 => Kraken(new KrakenModel(
            r.Next(1 << KrakenFields.Length), r.Next(KrakenNames.Length), r.Weighted(1, 1, 3) switch { 0 => null, 1 => [], _ => DrawAllowListText(r) },
            r.Weighted(1, 2) == 0 ? 0 : AsOf.ToUnixTimeSeconds() + (r.Choose(-30, 800) * 86_400L),
            r.Weighted(1, 1, 4) switch { 0 => null, 1 => 0, _ => SecondsAgo(r, 1200) },
            r.Weighted(1, 1, 3) switch { 0 => null, 1 => 0, _ => SecondsAgo(r, 400) },
            r.Next(5) == 0, r.Next(2) == 0, r.Next(2) == 0, r.Next(2) == 0)),
        _ => Coinbase(new CoinbaseModel(r.Next(8), r.Next(PortfolioTypes.Length), r.Next(6) == 0, r.Next(3) != 0, r.Next(2) == 0)),
    };

    // Addresses and ranges as Kraken lists them: a bare address is one host; host bits of a range are clear.
    private static ImmutableArray<string> DrawAllowListText(Random r)
    {
        var entries = new string[r.Choose(1, 4)];
        for (var i = 0; i < entries.Length; i++)
        {
            var v6 = r.Next(3) == 0;
            var bytes = new byte[v6 ? 16 : 4];
            r.NextBytes(bytes);
            var width = v6 ? 128 : 32;
            var prefix = r.Weighted(3, 1, 1) switch { 0 => width, 1 => v6 ? 64 : 24, _ => r.Choose(1, width) };
            var address = new IPAddress(Mask(bytes, prefix));
            entries[i] = i > 0 && r.Next(6) == 0 ? entries[0] : prefix == width ? address.ToString() : $"{address}/{prefix}";
        }

        return [.. entries];
    }

    private static PlatformKeyJson Binance(BinanceModel m)
    {
        var grants = ApiKeyGrants.None;
        var members = new List<(string, string)> { ("ipRestrict", Bool((m.Flags & 1) != 0, m.StringBools)), ("createTime", Number(m.CreateMs, false)) };
        for (var i = 1; i < BinanceFields.Length; i++)
        {
            var present = i < BinanceLaterFields || (m.Later & (1 << (i - BinanceLaterFields))) != 0;
            var on = present && (m.Flags & (1 << i)) != 0;
            grants |= on ? BinanceGrants[i] : 0;
            if (present)
            {
                members.Add((BinanceFields[i], Bool(on, m.StringBools)));
            }
        }

        if (m.Extras)
        {
            members.Add(("tradingAuthorityExpirationTime", Number((AsOf.ToUnixTimeSeconds() + 86_400 * 30) * 1000, false)));
        }

        var expected = new ApiKeyDescriptor("binance-key", grants)
        {
            IpRestrictionUnlisted = (m.Flags & 1) != 0,
            Created = m.CreateMs == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(m.CreateMs),
        };
        return new PlatformKeyJson(KeyJsonPlatform.Binance, Object(members, m.Indented), "binance-key", expected) { Model = m };
    }

    private static PlatformKeyJson Kraken(KrakenModel m)
    {
        var grants = ApiKeyGrants.None;
        var permissions = new List<(string, string)>();
        for (var i = 0; i < KrakenFields.Length; i++)
        {
            var on = (m.Flags & (1 << i)) != 0;
            grants |= on ? KrakenGrants[i] : 0;
            permissions.Add((KrakenFields[i], Bool(on, false)));
        }

        var name = KrakenNames[m.Name];
        var members = new List<(string, string)> { ("api_key_name", String(name)) };
        if (m.AllowList is { } list)
        {
            members.Add(("ip_allowlist", Array(list.Select(JsonText.String))));
        }

        if (m.Extras)
        {
            members.Add(("nonce_window", "0"));
        }

        members.Add(("permissions", Object(permissions, m.Indented, m.Wrapped ? 2 : 1)));
        if (m.Extras)
        {
            members.Add(("query_from", "0"));
            members.Add(("query_to", "0"));
        }

        members.Add(("valid_until", Number(m.ValidUntil, m.StringNumbers)));
        if (m.Created is { } created)
        {
            members.Add(("created_time", Number(created, m.StringNumbers)));
        }

        if (m.LastUsed is { } lastUsed)
        {
            members.Add(("last_used", Number(lastUsed, m.StringNumbers)));
        }

        var body = Object(members, m.Indented, m.Wrapped ? 1 : 0);
        var json = m.Wrapped ? Object([("error", "[]"), ("result", body)], m.Indented) : body;
        static DateTimeOffset? Time(long? seconds) => seconds is { } s and not 0 ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
        var expected = new ApiKeyDescriptor(name, grants)
        {
            IpAllowList = [.. (m.AllowList ?? []).Select(e => IPNetwork.Parse(e.Contains('/', StringComparison.Ordinal) ? e : $"{e}/{(e.Contains(':', StringComparison.Ordinal) ? 128 : 32)}")).Distinct()],
            Expires = Time(m.ValidUntil),
            Created = Time(m.Created),
            LastUsed = Time(m.LastUsed),
        };
        return new PlatformKeyJson(KeyJsonPlatform.Kraken, json, null, expected) { Model = m };
    }

    private static PlatformKeyJson Coinbase(CoinbaseModel m)
    {
        bool On(int bit) => (m.Flags & (1 << bit)) != 0;
        var members = new List<(string, string)> { ("can_view", Bool(On(0), m.StringBools)), ("can_trade", Bool(On(1), m.StringBools)), ("can_transfer", Bool(On(2), m.StringBools)) };
        if (m.Extras)
        {
            members.Add(("portfolio_uuid", String("00000000-0000-4000-8000-00000000000" + m.PortfolioType)));
            members.Add(("portfolio_type", String(PortfolioTypes[m.PortfolioType])));
        }

        var grants = (On(0) ? ApiKeyGrants.Read : 0) | (On(1) ? ApiKeyGrants.TradeSpot : 0)
            | (On(2) ? ApiKeyGrants.Withdraw | ApiKeyGrants.Deposit | ApiKeyGrants.InternalTransfer : 0);
        return new PlatformKeyJson(KeyJsonPlatform.Coinbase, Object(members, m.Indented), "coinbase-key", new ApiKeyDescriptor("coinbase-key", grants)) { Model = m };
    }

    private static IEnumerable<PlatformKeyJson> ShrinkPlatformKey(PlatformKeyJson key) => key.Model switch
    {
        BinanceModel m => ShrinkFlags(m.Flags).Select(f => m with { Flags = f })
            .Concat(ShrinkFlags(m.Later).Select(l => m with { Later = l }))
            .Concat(Distinct(m, [m with { CreateMs = 0 }, m with { StringBools = false }, m with { Extras = false }, m with { Indented = false }]))
            .Select(Binance),
        KrakenModel m => ShrinkFlags(m.Flags).Select(f => m with { Flags = f })
            .Concat(m.AllowList is { IsEmpty: false } list ? Enumerable.Range(0, list.Length).Select(i => m with { AllowList = list.RemoveAt(i) }) : [])
            .Concat(Distinct(m,
            [
                m with { AllowList = null }, m with { Name = 0 }, m with { ValidUntil = 0 }, m with { Created = null }, m with { LastUsed = null },
                m with { StringNumbers = false }, m with { Wrapped = false }, m with { Extras = false }, m with { Indented = false },
            ]))
            .Select(Kraken),
        CoinbaseModel m => ShrinkFlags(m.Flags).Select(f => m with { Flags = f })
            .Concat(Distinct(m, [m with { PortfolioType = 0 }, m with { StringBools = false }, m with { Extras = false }, m with { Indented = false }]))
            .Select(Coinbase),
        _ => [],
    };

    // Each set bit cleared on its own.
    private static IEnumerable<int> ShrinkFlags(int flags)
    {
        for (var bits = flags; bits != 0; bits &= bits - 1)
        {
            yield return flags & ~(bits & -bits);
        }
    }
}
