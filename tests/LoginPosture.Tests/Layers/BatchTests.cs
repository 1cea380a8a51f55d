using LoginPosture.Layers;

namespace LoginPosture.Tests.Layers;

public sealed class BatchTests
{
    private static readonly LayerClassifier Classifier = new();

    [Fact]
    public void A_batch_is_ordered_bottom_up_and_names_the_lowest_failing_layer_as_root()
    {
        FailureSignal[] signals =
        [
            FailureSignal.FromTws(2104, "Market data farm connection is OK:usfarm"),
            FailureSignal.FromTws(110, "The price does not conform to the minimum price variation for this contract."),
            FailureSignal.FromTws(354, "Requested market data is not subscribed."),
            FailureSignal.FromTws(1100, "Connectivity between IB and Trader Workstation has been lost."),
            FailureSignal.FromGateway("Too many failed login attempts. Please wait 53 seconds before attempting to re-login again."),
            FailureSignal.FromTws(201, "Order rejected - reason:No Trading Permission, Customer Ineligible; Ineligibility reasons:<br>This product does not have a KID in English or in a language approved for your country."),
        ];

        var report = Classifier.Diagnose(signals);

        Assert.Equal(
            [Layer.Entity, Layer.Identity, Layer.Permissions, Layer.Platform, Layer.Request, Layer.Platform],
            report.Diagnoses.Select(d => d.Layer));
        Assert.False(report.Diagnoses[^1].IsFailure);
        Assert.Equal("entity.product-not-offered", report.Root!.Value.CauseId);
        Assert.Equal(5, report.Findings.Count);
        Assert.Equal(["entity.product-not-offered", "identity.login-throttled"], report.Findings.Take(2).Select(f => f.Id));
    }

    [Fact]
    public void Within_a_layer_the_more_severe_failure_comes_first_then_input_order()
    {
        FailureSignal[] signals =
        [
            FailureSignal.FromGateway("Second Factor Authentication"),
            FailureSignal.FromGateway("Invalid username password combination"),
            FailureSignal.FromGateway("Login failed"),
        ];

        var report = Classifier.Diagnose(signals);

        Assert.Equal(
            ["identity.invalid-credentials", "identity.login-failed", "identity.second-factor-required"],
            report.Diagnoses.Select(d => d.CauseId));
        Assert.True(Classifier.TryFindRoot(signals, out var root));
        Assert.Equal(report.Root, root);
    }

    [Fact]
    public void An_empty_or_informational_batch_has_no_root()
    {
        Assert.Null(Classifier.Diagnose([]).Root);
        var report = Classifier.Diagnose([FailureSignal.FromTws(2106, "A historical data farm is connected.")]);
        Assert.False(report.HasFailure);
        Assert.Null(report.Root);
        Assert.Single(report.Diagnoses);
        Assert.Empty(report.Findings);
        Assert.False(Classifier.TryFindRoot([], out _));
    }
}
