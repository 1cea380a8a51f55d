using LoginPosture.Tiers;

namespace LoginPosture.Tests.Tiers;

public sealed class TierClassificationTests
{
    private static readonly TierPolicy Policy = new(new TierPolicyOptions { LargeOrderNotional = 50_000m });

    [Theory]
    [InlineData(OperationKind.Withdrawal, 0, Tier.Critical)]
    [InlineData(OperationKind.MarginChange, 0, Tier.Critical)]
    [InlineData(OperationKind.SecondFactorChange, 0, Tier.Critical)]
    [InlineData(OperationKind.DeviceChange, 0, Tier.Critical)]
    [InlineData(OperationKind.ApiKeyChange, 0, Tier.Critical)]
    [InlineData(OperationKind.Order, 49_999.99, Tier.Routine)]
    [InlineData(OperationKind.Order, 50_000, Tier.Critical)]
    [InlineData(OperationKind.Rebalance, 10_000, Tier.Routine)]
    [InlineData(OperationKind.Rebalance, 75_000, Tier.Critical)]
    [InlineData(OperationKind.PortfolioView, 0, Tier.Monitoring)]
    [InlineData(OperationKind.Research, 0, Tier.Monitoring)]
    [InlineData(OperationKind.Alerts, 0, Tier.Monitoring)]
    [InlineData(OperationKind.Statements, 0, Tier.Monitoring)]
    public void Operations_map_to_the_checklist_tiers(OperationKind kind, double notional, Tier expected) =>
        Assert.Equal(expected, Policy.Classify(new Operation(kind, (decimal)notional)));
}
