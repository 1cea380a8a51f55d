using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LoginPosture.AnalyzerMeasurement;

/// <summary>
/// The analyzer's cost measured in CPU time inside one warm process, which other load on the machine barely
/// moves: the same code base is compiled (all diagnostics, every method body bound) with and without the
/// LoginPosture analyzer, alternating, and the process CPU time of each compile is compared. This is the
/// steady state of a compiler server or IDE; the build measurement adds the cold start of a fresh csc.
/// </summary>
internal static class InProcessCost
{
    public static int Run(int files, int runs, string resultsDirectory)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = TradingCodeBase.Generate(files, seed: 7)
            .Select(f => CSharpSyntaxTree.ParseText(f.Source, parse, path: f.FileName))
            .Append(CSharpSyntaxTree.ParseText(TradingCodeBase.ImplicitUsings, parse, path: "GlobalUsings.cs"))
            .ToImmutableArray();
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var analyzers = Detector.LoginPosture().Analyzers;

        CSharpCompilation Fresh() => CSharpCompilation.Create("Trading.Generated", trees, references, options);

        (double Cpu, double Analyzer) Compile(bool withAnalyzer)
        {
            var compilation = Fresh();
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            double analyzerSeconds = 0;
            ImmutableArray<Diagnostic> diagnostics;
            if (withAnalyzer)
            {
                var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
                analyzerSeconds = analyzers.Sum(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalSeconds);
            }
            else
            {
                diagnostics = compilation.GetDiagnostics();
            }

            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The generated code base does not compile: " + string.Join("; ", errors));
            }

            return (cpu, analyzerSeconds);
        }

        Console.WriteLine($"Code base: {files} files, {lines} lines. Warming up...");
        Compile(true);
        Compile(false);
        var with = new List<(double Cpu, double Analyzer)>();
        var without = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            foreach (var withAnalyzer in run % 2 == 0 ? new[] { true, false } : [false, true])
            {
                GC.Collect();
                var m = Compile(withAnalyzer);
                if (withAnalyzer)
                {
                    with.Add(m);
                }
                else
                {
                    without.Add(m.Cpu);
                }

                Console.WriteLine($"  run {run + 1} {(withAnalyzer ? "with" : "without")}: CPU {m.Cpu:0.000} s{(withAnalyzer ? $", analyzer callbacks {m.Analyzer:0.000} s" : "")}");
            }
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

        var cpuWith = Median(with.Select(m => m.Cpu));
        var cpuWithout = Median(without);
        var callbacks = Median(with.Select(m => m.Analyzer));
        var sb = new StringBuilder();
        sb.AppendLine("# Hardcoded-secret analyzer: CPU cost in a warm compiler");
        sb.AppendLine();
        sb.AppendLine($"Code base: the same {files} generated trading-client files ({lines:N0} lines) as `analyzer-build-time.md`, compiled in one process " +
                      "with Roslyn 4.14 (`GetDiagnostics`, every method body bound; no emit, so the share is an upper bound) with and without the " +
                      $"LoginPosture analyzer (sequential analysis), {runs} alternating runs after a warm-up. Process CPU time, which other load on the " +
                      $"shared machine barely moves. Rerun: `dotnet run --project benchmarks/LoginPosture.AnalyzerMeasurement -c Release -- cpu --files {files} --runs {runs}`.");
        sb.AppendLine();
        sb.AppendLine("| measure (median) | value |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine($"| compile CPU with / without the analyzer | {F(cpuWith, "0.000")} s / {F(cpuWithout, "0.000")} s |");
        sb.AppendLine($"| analyzer cost as a share of compile CPU | **{F(100 * (cpuWith / cpuWithout - 1), "0.0")}%** (target ≤ 2%) |");
        sb.AppendLine($"| analyzer callback time (telemetry) / compile CPU without | {F(100 * callbacks / cpuWithout, "0.0")}% |");
        sb.AppendLine();
        sb.AppendLine("| run | CPU with (s) | CPU without (s) | callbacks (s) |");
        sb.AppendLine("|---:|---:|---:|---:|");
        for (var i = 0; i < runs; i++)
        {
            sb.AppendLine($"| {i + 1} | {F(with[i].Cpu, "0.000")} | {F(without[i], "0.000")} | {F(with[i].Analyzer, "0.000")} |");
        }

        return Results.Publish(resultsDirectory, "analyzer-cpu-cost.md", sb.ToString());
    }
}
