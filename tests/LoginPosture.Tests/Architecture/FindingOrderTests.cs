namespace LoginPosture.Tests.Architecture;

public sealed class FindingOrderTests
{
    private static Finding F(string id, Severity severity, Layer layer, string message = "m") => new(id, severity, layer, message, "fix", "anchor");

    [Fact]
    public void Orders_bottom_up_by_layer_then_severity_descending_then_id_then_message()
    {
        var expected = new[]
        {
            F("SF011", Severity.Critical, Layer.Identity),
            F("AK006", Severity.Medium, Layer.Identity, "a"),
            F("AK006", Severity.Medium, Layer.Identity, "b"),
            F("TP001", Severity.Medium, Layer.Identity),
            F("SF009", Severity.Low, Layer.Identity),
            F("AK001", Severity.High, Layer.Permissions),
            F("AK002", Severity.Critical, Layer.Platform),
            F("request.pacing", Severity.Low, Layer.Request),
        };

        var shuffled = expected.Reverse().Concat([]).OrderBy(f => f.Message + f.Id, StringComparer.Ordinal).ToList();
        Assert.NotEqual(expected, shuffled);
        Assert.Equal(expected, shuffled.Order(FindingOrder.Instance));
    }

    [Fact]
    public void Nulls_sort_first_and_equal_findings_compare_equal()
    {
        var finding = F("AK001", Severity.High, Layer.Permissions);
        Assert.True(FindingOrder.Instance.Compare(null, finding) < 0);
        Assert.True(FindingOrder.Instance.Compare(finding, null) > 0);
        Assert.Equal(0, FindingOrder.Instance.Compare(finding, finding with { }));
    }
}
