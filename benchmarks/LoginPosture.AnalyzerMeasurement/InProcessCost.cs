using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

using static LoginPosture.AnalyzerMeasurement.Results;

namespace LoginPosture.AnalyzerMeasurement;

/// <summary>
/// The analyzer's cost measured in CPU time inside one warm process, which other load on the machine barely
/// moves: the same code base is compiled (all diagnostics, every method body bound) through the analyzer driver
/// once with the LoginPosture analyzer and once with a baseline analyzer that subscribes to string literals and
/// does nothing (a real build always runs the driver: the SDK's own analyzers are on), alternating, and the
/// process CPU time of each compile is compared. This is the steady state of a compiler server or IDE; the
/// build measurement adds the cold start of a fresh csc.
/// </summary>
internal static class InProcessCost
{
    /// <summary>Makes the driver walk the trees as any analyzer would, and does nothing else.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class BaselineAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("BASE0001", "baseline", "baseline", "Baseline", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Unused];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(static _ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression);
        }
    }

    public static int Run(int files, int runs, string resultsDirectory)
    {
        var trees = TradingCodeBase.Parse(files);
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        var references = FrameworkReferences;
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var analyzers = Detector.LoginPosture().Analyzers;
        ImmutableArray<DiagnosticAnalyzer> baseline = [new BaselineAnalyzer()];

        CSharpCompilation Fresh() => CSharpCompilation.Create("Trading.Generated", trees, references, options);

        double Compile(bool withAnalyzer)
        {
            var compilation = Fresh();
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var withAnalyzers = compilation.WithAnalyzers(withAnalyzer ? analyzers : baseline, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The generated code base does not compile: " + string.Join("; ", errors));
            }

            return cpu;
        }

        Console.WriteLine($"Code base: {files} files, {lines} lines. Warming up...");
        for (var i = 0; i < 2; i++)
        {
            // Two of each: tiered JIT needs a few passes before the compiler's hot paths settle.
            Compile(true);
            Compile(false);
        }

        var with = new List<double>();
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
                    without.Add(m);
                }

                Console.WriteLine($"  run {run + 1} {(withAnalyzer ? "with" : "without")}: CPU {m:0.000} s");
            }
        }

        var cpuWith = Median(with);
        var cpuWithout = Median(without);
        var share = Median(with.Select((w, i) => w / without[i] - 1));
        var sb = new StringBuilder();
        sb.AppendLine("# Hardcoded-secret analyzer: CPU cost in a warm compiler");
        sb.AppendLine();
        sb.AppendLine($"Code base: the same {files} generated trading-client files ({lines:N0} lines) as `analyzer-build-time.md`, compiled in one process " +
                      "with Roslyn 4.14 (all diagnostics, every method body bound; no emit, so the share is an upper bound) through the analyzer driver, " +
                      "once with the LoginPosture analyzer and once with a do-nothing baseline analyzer (a real build always runs the driver), " +
                      $"sequential analysis, tiered JIT off (steady code from the first pass), {runs} alternating runs after two warm-ups of each. Process CPU time, which other load on the shared machine " +
                      $"moves less than wall time, though single runs still differ by up to 20% here: read the median, not one run. Rerun: `dotnet run --project benchmarks/LoginPosture.AnalyzerMeasurement -c Release -- cpu --files {files} --runs {runs}`.");
        sb.AppendLine();
        sb.AppendLine("| measure (median) | value |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine($"| compile CPU with LoginPosture / with the baseline analyzer | {F(cpuWith, "0.000")} s / {F(cpuWithout, "0.000")} s |");
        sb.AppendLine($"| LoginPosture's cost as a share of compile CPU (median of the per-run ratios) | **{F(100 * share, "0.0")}%** (target ≤ 2%) |");
        sb.AppendLine();
        sb.AppendLine("| run | CPU with LoginPosture (s) | CPU with baseline (s) | ratio - 1 |");
        sb.AppendLine("|---:|---:|---:|---:|");
        for (var i = 0; i < runs; i++)
        {
            sb.AppendLine($"| {i + 1} | {F(with[i], "0.000")} | {F(without[i], "0.000")} | {F(100 * (with[i] / without[i] - 1), "+0.0;-0.0")}% |");
        }

        return Results.Publish(resultsDirectory, "analyzer-cpu-cost.md", sb.ToString());
    }
}
