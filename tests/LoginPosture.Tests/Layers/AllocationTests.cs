using LoginPosture.Layers;

namespace LoginPosture.Tests.Layers;

public sealed class AllocationTests
{
    private static readonly LayerClassifier Classifier = new();

    [Fact]
    public void Classifying_any_catalog_signal_or_its_log_line_allocates_nothing()
    {
        var signals = LayerCatalog.BuiltIn.Rows.Select(r => new SignalRow(r.SourceKind, r.CodeText, r.Message, r.Source).ToSignal()).ToArray();
        var lines = signals.Select(s => s.Code is { } code ? $"Error {code}, reqId 3: {s.Message}" : s.Message).ToArray();
        var allocating = new List<string>();
        for (var i = 0; i < signals.Length; i++)
        {
            // Warm up first so that one-time costs (JIT, lazy statics) are not counted.
            Classifier.Diagnose(signals[i]);
            Classifier.DiagnoseLogLine(lines[i]);
            var before = GC.GetAllocatedBytesForCurrentThread();
            Classifier.Diagnose(signals[i]);
            Classifier.DiagnoseLogLine(lines[i]);
            if (GC.GetAllocatedBytesForCurrentThread() != before)
            {
                allocating.Add(lines[i] ?? "(null)");
            }
        }

        Assert.Empty(allocating);
    }

    [Fact]
    public void Classifying_real_decorated_log_lines_allocates_nothing()
    {
        // Every path a log line can take: decoration, web-API body, status object, keywords, level-aware inference.
        var lines = RealLine.Read("tuning").Concat(RealLine.Read("sealed")).Select(l => l.Line).ToArray();
        var allocating = new List<string>();
        foreach (var line in lines)
        {
            Classifier.DiagnoseLogLine(line);
            var before = GC.GetAllocatedBytesForCurrentThread();
            Classifier.DiagnoseLogLine(line);
            if (GC.GetAllocatedBytesForCurrentThread() != before)
            {
                allocating.Add(line);
            }
        }

        Assert.Empty(allocating);
    }

    [Fact]
    public void Finding_the_root_of_a_batch_allocates_nothing()
    {
        FailureSignal[] batch =
        [
            FailureSignal.FromTws(2104, "Market data farm connection is OK:usfarm.nj"),
            FailureSignal.FromTws(201, "Order rejected - reason:No Trading Permission"),
            FailureSignal.FromGateway("Too many failed login attempts. Please wait 53 seconds before attempting to re-login again."),
        ];
        Classifier.TryFindRoot(batch, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(Classifier.TryFindRoot(batch, out var root));
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal("identity.login-throttled", root.CauseId);
    }
}
