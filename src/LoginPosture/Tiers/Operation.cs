namespace LoginPosture.Tiers;

/// <summary>An operation a session asks to run.</summary>
/// <param name="Kind">What the operation does.</param>
/// <param name="Notional">
/// The operation's value in the account's base currency, zero when it moves no money. Must not be negative.
/// Orders and rebalances at or above <see cref="TierPolicyOptions.LargeOrderNotional"/> are tier 1.
/// </param>
public readonly record struct Operation(OperationKind Kind, decimal Notional = 0m);
