using LoginPosture.Tiers;

namespace LoginPosture.Tests.Tiers;

public sealed class TierInputValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TierPolicy Policy = new(new TierPolicyOptions());
    private static readonly SessionContext Session = new() { Platform = ClientPlatform.Desktop, AuthenticatedAt = Now };
    private static readonly Operation Order = new(OperationKind.Order, 100m);

    private static void AssertRejected(string field, Action act)
    {
        var error = Assert.ThrowsAny<ArgumentException>(act);
        Assert.Equal(field, error.ParamName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_operation_kind_is_rejected_by_name() =>
        AssertRejected("operation.Kind", () => Policy.Evaluate(new Operation((OperationKind)99), Session, Now));

    [Fact]
    public void A_negative_notional_is_rejected_by_name()
    {
        AssertRejected("operation.Notional", () => Policy.Evaluate(new Operation(OperationKind.Order, -0.01m), Session, Now));
        AssertRejected("operation.Notional", () => Policy.Classify(new Operation(OperationKind.Order, -1m)));
    }

    [Fact]
    public void An_undefined_platform_is_rejected_by_name() =>
        AssertRejected("session.Platform", () => Policy.Evaluate(Order, Session with { Platform = (ClientPlatform)(-1) }, Now));

    [Fact]
    public void An_undefined_factor_is_rejected_by_name() =>
        AssertRejected("session.Factor", () => Policy.Evaluate(Order, Session with { Factor = (AuthenticatorKind)42 }, Now));

    [Fact]
    public void A_factor_time_in_the_future_is_rejected_by_name()
    {
        AssertRejected("session.AuthenticatedAt", () => Policy.Evaluate(Order, Session with { AuthenticatedAt = Now.AddMinutes(1).AddTicks(1) }, Now));

        // Within the allowed skew the time is accepted and counts as fresh.
        Assert.Equal(TierVerdict.Deny, Policy.Evaluate(Order, Session with { AuthenticatedAt = Now.AddSeconds(59) }, Now).Verdict);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_non_positive_idle_timeout_is_rejected_by_name(int minutes) =>
        AssertRejected("session.IdleTimeout", () => Policy.Evaluate(Order, Session with { IdleTimeout = TimeSpan.FromMinutes(minutes) }, Now));

    [Fact]
    public void An_undefined_factor_kind_is_rejected_when_mapped_to_a_strength() =>
        Assert.Throws<ArgumentException>(() => FactorStrengths.Of((AuthenticatorKind)77));
}
