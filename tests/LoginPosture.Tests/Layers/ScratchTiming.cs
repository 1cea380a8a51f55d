using System.Diagnostics;
using LoginPosture.Layers;
using Xunit.Abstractions;

namespace LoginPosture.Tests.Layers;

public sealed class ScratchTiming(ITestOutputHelper output)
{
    [Fact]
    public void Time()
    {
        const string line = "2024-05-01 09:15:02,311|E| Login attempt rejected: Invalid username password combination. Retrying in 60 seconds (2 / 5)";
        var c = new LayerClassifier();
        void T(string name, Action a)
        {
            for (var i = 0; i < 20000; i++) a();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < 200000; i++) a();
            sw.Stop();
            output.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds * 1e6 / 200000:F0} ns, {(GC.GetAllocatedBytesForCurrentThread() - before) / 200000.0} B");
        }
        T("parse", () => FailureSignal.FromLogLine(line));
        T("find", () => c.Keywords.Find(line, SignalSource.Log));
        T("scan", () => c.Keywords.Scan(line, SignalSource.Log));
        T("indexof-ic", () => line.AsSpan().IndexOf("warning", StringComparison.OrdinalIgnoreCase));
        T("diag", () => c.DiagnoseLogLine(line));
        T("gateway", () => c.Diagnose(FailureSignal.FromGateway("Too many failed login attempts. Please wait 53 seconds before attempting to re-login again.")));
        T("201", () => c.Diagnose(FailureSignal.FromTws(201, "Order rejected - reason:No Trading Permission")));
        T("1100", () => c.Diagnose(FailureSignal.FromTws(1100, "Connectivity between IB and Trader Workstation has been lost.")));
    }
}
