using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

using static LoginPosture.AnalyzerMeasurement.Results;

namespace LoginPosture.AnalyzerMeasurement;

/// <summary>
/// The targeted measurement: the analyzer driver's own per-analyzer clock (what -p:ReportAnalyzer=true prints) over the
/// generated code base, with the LoginPosture analyzer and a do-nothing analyzer on string literals in the same
/// compilation, so both see the same binding state and the same machine load. Compiler diagnostics are computed
/// too (every method body bound, as in a build), so the analyzer's share is of a whole in-process compile.
/// Much steadier than the with/without difference, which the compile's own swing swamps.
/// </summary>
internal static class CallbackTime
{
    public static int Run(int files, int runs, string resultsDirectory)
    {
        var trees = TradingCodeBase.Parse(files);
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var loginPosture = Detector.LoginPosture().Analyzers;
        var baseline = new InProcessCost.BaselineAnalyzer();
        var all = loginPosture.Add(baseline);

        (double Compile, double LoginPosture, double Baseline) Measure()
        {
            var compilation = CSharpCompilation.Create("Trading.Generated", trees, FrameworkReferences, options);
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var driver = compilation.WithAnalyzers(all, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            // Compiler diagnostics first (binds every method body, as a build does), then the analyzers over that state.
            var diagnostics = compilation.GetDiagnostics().AddRange(driver.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
            if (diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
            {
                throw new InvalidOperationException("The generated code base does not compile: " + error);
            }

            double lp = 0;
            foreach (var analyzer in loginPosture)
            {
                var info = driver.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                lp += info.ExecutionTime.TotalSeconds;
            }

            var b = driver.GetAnalyzerTelemetryInfoAsync(baseline, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalSeconds;
            return (cpu, lp, b);
        }

        Console.WriteLine($"Code base: {files} files, {lines} lines. Warming up...");
        // The first compile in a fresh process includes the JIT of the analyzer's code, as a build's fresh csc does.
        var cold = Measure();
        Console.WriteLine($"  cold (first compile in the process): LoginPosture {1000 * cold.LoginPosture:0.0} ms, baseline {1000 * cold.Baseline:0.0} ms");
        Measure();
        var samples = new List<(double Compile, double LoginPosture, double Baseline)>();
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var m = Measure();
            samples.Add(m);
            Console.WriteLine($"  run {run + 1}: compile CPU {m.Compile:0.000} s, LoginPosture {1000 * m.LoginPosture:0.0} ms, baseline {1000 * m.Baseline:0.0} ms");
        }

        var sb = new StringBuilder();
        sb.AppendLine("# Hardcoded-secret analyzer: callback time in a warm compiler");
        sb.AppendLine();
        sb.AppendLine($"Code base: the same {files} generated trading-client files ({lines:N0} lines) as `analyzer-build-time.md`, compiled in one process " +
                      "(compiler diagnostics first, every method body bound, no emit; then the analyzers) with the LoginPosture analyzer and a do-nothing analyzer on string literals side by side; " +
                      "times are the analyzer driver's per-analyzer clock (the figure -p:ReportAnalyzer=true prints), sequential analysis, " +
                      $"{runs} runs after two warm-ups. Machine shared with other builds: compare the two analyzers within a run. " +
                      $"Rerun: `dotnet run --project benchmarks/LoginPosture.AnalyzerMeasurement -c Release -- callbacks --files {files} --runs {runs}`.");
        sb.AppendLine();
        sb.AppendLine("| measure (median) | value |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine($"| LoginPosture callback time | {F(1000 * Median(samples.Select(s => s.LoginPosture)), "0.0")} ms |");
        sb.AppendLine($"| do-nothing analyzer callback time (driver overhead of one string-literal action) | {F(1000 * Median(samples.Select(s => s.Baseline)), "0.0")} ms |");
        sb.AppendLine($"| LoginPosture / do-nothing analyzer | {F(Median(samples.Select(s => s.LoginPosture / s.Baseline)), "0.00")}x |");
        sb.AppendLine($"| LoginPosture callback time / compile CPU | **{F(100 * Median(samples.Select(s => s.LoginPosture / s.Compile)), "0.00")}%** (target ≤ 2%) |");
        sb.AppendLine($"| first compile in a fresh process (includes JIT of the analyzer), LoginPosture / do-nothing | {F(1000 * cold.LoginPosture, "0.0")} ms / {F(1000 * cold.Baseline, "0.0")} ms |");
        sb.AppendLine();
        sb.AppendLine("| run | compile CPU (s) | LoginPosture (ms) | do-nothing (ms) | LoginPosture / compile CPU |");
        sb.AppendLine("|---:|---:|---:|---:|---:|");
        for (var i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            sb.AppendLine($"| {i + 1} | {F(s.Compile, "0.000")} | {F(1000 * s.LoginPosture, "0.0")} | {F(1000 * s.Baseline, "0.0")} | {F(100 * s.LoginPosture / s.Compile, "0.00")}% |");
        }

        return Results.Publish(resultsDirectory, "analyzer-callback-time.md", sb.ToString());
    }
}
