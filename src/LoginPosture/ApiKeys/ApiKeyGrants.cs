namespace LoginPosture.ApiKeys;

/// <summary>
/// What an API key may do, in one vocabulary shared by every exchange and broker adapter. A set of grants is a
/// bit mask, so "is the minimal set inside the granted set" is <c>(minimal &amp; ~granted) == 0</c>.
/// </summary>
[Flags]
public enum ApiKeyGrants
{
    /// <summary>No permission at all.</summary>
    None = 0,

    /// <summary>Read balances, positions, orders, trades and ledgers.</summary>
    Read = 1 << 0,

    /// <summary>Place, change and cancel spot (cash) orders.</summary>
    TradeSpot = 1 << 1,

    /// <summary>Place orders that trade on margin or leverage.</summary>
    TradeMargin = 1 << 2,

    /// <summary>Place futures or perpetual-swap orders.</summary>
    TradeFutures = 1 << 3,

    /// <summary>Place options orders.</summary>
    TradeOptions = 1 << 4,

    /// <summary>Borrow and repay margin loans and move collateral into the margin account.</summary>
    Margin = 1 << 5,

    /// <summary>Allocate funds to staking or earn products and take them back.</summary>
    Earn = 1 << 6,

    /// <summary>Create deposit addresses and see incoming deposits.</summary>
    Deposit = 1 << 7,

    /// <summary>Move funds between the owner's own accounts or sub-accounts (Binance universal transfer).</summary>
    InternalTransfer = 1 << 8,

    /// <summary>Send funds off the platform.</summary>
    Withdraw = 1 << 9,

    /// <summary>Create, change or delete API keys, including sub-account keys.</summary>
    KeyManagement = 1 << 10,

    /// <summary>Export reports and bulk account data.</summary>
    Export = 1 << 11,
}

/// <summary>Named sets of grants used by the rules.</summary>
internal static class GrantSets
{
    /// <summary>Every defined grant.</summary>
    public const ApiKeyGrants All = (ApiKeyGrants)((1 << 12) - 1);

    /// <summary>How many grant bits exist.</summary>
    public const int Count = 12;

    /// <summary>Grants that only look: a leak exposes data, not money.</summary>
    public const ApiKeyGrants ReadOnly = ApiKeyGrants.Read | ApiKeyGrants.Export;

    /// <summary>Grants that change something; exercising one implies the key also needs <see cref="ApiKeyGrants.Read"/>.</summary>
    public const ApiKeyGrants Writes = All & ~ReadOnly;

    /// <summary>Grants that place orders.</summary>
    public const ApiKeyGrants Trading = ApiKeyGrants.TradeSpot | ApiKeyGrants.TradeMargin | ApiKeyGrants.TradeFutures | ApiKeyGrants.TradeOptions;

    /// <summary>Grants that move money out of the trading account.</summary>
    public const ApiKeyGrants MovesFunds = ApiKeyGrants.Withdraw | ApiKeyGrants.InternalTransfer;

    /// <summary>Grants whose misuse empties the account or hands out new credentials.</summary>
    public const ApiKeyGrants Sensitive = MovesFunds | ApiKeyGrants.KeyManagement;
}
