using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using LoginPosture.AnalyzerMeasurement.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LoginPosture.AnalyzerMeasurement;

/// <summary>
/// Compiles the labelled corpus once, runs each detector over it through <see cref="CompilationWithAnalyzers"/>,
/// and scores every case: a secret case is found when the detector reports anything in its file, a clean case
/// is a false alarm when it does.
/// </summary>
internal static class PrecisionRecall
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Security.Cryptography;
        using CryptoExchange.Net.Authentication;
        using Microsoft.Extensions.Configuration;
        using Microsoft.IdentityModel.Tokens;
        using Stripe;
        using Corpus.Support;
        """;

    internal sealed record Score(Detector Detector, IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> FindingsByCase, TimeSpan AnalyzerTime, int AnalyzerExceptions)
    {
        public bool Flags(CorpusCase c) => FindingsByCase.TryGetValue(c.Id, out var d) && d.Count > 0;
    }

    public static int Run(int seed, int seeds, string resultsDirectory, string? dumpDirectory)
    {
        var cases = TradingCorpus.Build(new Fakes(seed));
        var compilation = Compile(cases);

        if (dumpDirectory is not null)
        {
            Directory.CreateDirectory(dumpDirectory);
            foreach (var tree in compilation.SyntaxTrees)
            {
                File.WriteAllText(Path.Combine(dumpDirectory, tree.FilePath), tree.ToString());
            }
        }

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            Console.Error.WriteLine("The corpus does not compile; fix the snippets first:");
            foreach (var error in errors.Take(30))
            {
                Console.Error.WriteLine("  " + error);
            }

            return 2;
        }

        Detector[] detectors = [Detector.LoginPosture(), Detector.Sonar()];
        var scores = detectors.Select(d => Analyze(compilation, d)).ToList();
        var report = new StringBuilder(Report(cases, scores, seed));

        // The same snippets with other random credential bodies: value-dependent misses and alarms show up here.
        var runs = new List<(int Seed, IReadOnlyList<CorpusCase> Cases, List<Score> Scores)> { (seed, cases, scores) };
        for (var s = seed + 1; s < seed + seeds; s++)
        {
            var more = TradingCorpus.Build(new Fakes(s));
            var moreCompilation = Compile(more);
            runs.Add((s, more, detectors.Select(d => Analyze(moreCompilation, d)).ToList()));
        }

        report.Append(Stability(runs));
        return Results.Publish(resultsDirectory, "analyzer-precision-recall.md", report.ToString());
    }

    private static string Stability(List<(int Seed, IReadOnlyList<CorpusCase> Cases, List<Score> Scores)> runs)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine($"## Stability over {runs.Count} seeds ({runs[0].Seed}..{runs[^1].Seed}): same snippets, new random credential bodies");
        sb.AppendLine();
        sb.AppendLine("| detector | precision min / median / max | recall min / median / max |");
        sb.AppendLine("|---|---:|---:|");
        for (var d = 0; d < runs[0].Scores.Count; d++)
        {
            var precision = new List<double>();
            var recall = new List<double>();
            foreach (var (_, cases, scores) in runs)
            {
                var tp = cases.Count(c => c.IsSecret && scores[d].Flags(c));
                var fp = cases.Count(c => !c.IsSecret && scores[d].Flags(c));
                precision.Add(tp + fp == 0 ? 0 : (double)tp / (tp + fp));
                recall.Add((double)tp / cases.Count(c => c.IsSecret));
            }

            precision.Sort();
            recall.Sort();
            sb.AppendLine($"| {runs[0].Scores[d].Detector.Name} | {F(precision[0])} / {F(precision[precision.Count / 2])} / {F(precision[^1])} | " +
                          $"{F(recall[0])} / {F(recall[recall.Count / 2])} / {F(recall[^1])} |");
        }

        sb.AppendLine();
        sb.AppendLine("Cases whose LoginPosture verdict is wrong for some seeds but not all (value-dependent):");
        sb.AppendLine();
        var flaky = runs[0].Cases
            .Select((c, i) => (Case: c, Wrong: runs.Count(r => r.Scores[0].Flags(r.Cases[i]) != r.Cases[i].IsSecret)))
            .Where(x => x.Wrong > 0 && x.Wrong < runs.Count)
            .ToList();
        if (flaky.Count == 0)
        {
            sb.AppendLine("None.");
        }

        foreach (var (c, wrong) in flaky)
        {
            sb.AppendLine($"- {c.Id} ({c.Category}: {c.Description}): {(c.IsSecret ? "missed" : "false alarm")} in {wrong} of {runs.Count} seeds");
        }

        return sb.ToString();
    }

    private static CSharpCompilation Compile(IReadOnlyList<CorpusCase> cases)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(Stubs.Source, parse, path: "Stubs.cs") };
        foreach (var c in cases)
        {
            var members = string.Join('\n', c.Members.Split('\n').Select(line => line.Length == 0 ? line : "    " + line));
            var source = $"{Usings}\nnamespace Corpus.{c.Id};\n\ninternal sealed class Case\n{{\n{members}\n}}\n";
            trees.Add(CSharpSyntaxTree.ParseText(source, parse, path: c.Id + ".cs"));
        }

        var references = Results.FrameworkReferences;

        // The compared rules are switched on explicitly, whatever their default.
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(Detector.SonarRuleIds.Select(id => KeyValuePair.Create(id, ReportDiagnostic.Warn)));
        return CSharpCompilation.Create("TradingCorpus", trees, references, options);
    }

    private static Score Analyze(CSharpCompilation compilation, Detector detector)
    {
        if (detector.Analyzers.IsEmpty)
        {
            Console.Error.WriteLine($"{detector.Name}: no analyzers found; every case counts as not flagged.");
            return new Score(detector, new Dictionary<string, IReadOnlyList<Diagnostic>>(), TimeSpan.Zero, 0);
        }

        var exceptions = 0;
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (e, analyzer, diagnostic) =>
            {
                Interlocked.Increment(ref exceptions);
                Console.Error.WriteLine($"AD0001 in {analyzer.GetType().Name}: {e.GetType().Name}: {e.Message}");
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(detector.Analyzers, options);
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

        var time = TimeSpan.Zero;
        foreach (var analyzer in detector.Analyzers)
        {
            time += withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
        }

        var byCase = diagnostics
            .Where(d => detector.Ids.Contains(d.Id) && d.Location.IsInSource)
            .GroupBy(d => Path.GetFileNameWithoutExtension(d.Location.SourceTree!.FilePath))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Diagnostic>)g.ToList());
        exceptions += diagnostics.Count(d => d.Id == "AD0001");
        return new Score(detector, byCase, time, exceptions);
    }

    private static string Report(IReadOnlyList<CorpusCase> cases, IReadOnlyList<Score> scores, int seed)
    {
        static string Ratio(int n, int d) => d == 0 ? "n/a" : ((double)n / d).ToString("0.000", CultureInfo.InvariantCulture);

        var secrets = cases.Count(c => c.IsSecret);
        var clean = cases.Count - secrets;
        var sb = new StringBuilder();
        sb.AppendLine("# Hardcoded-secret rules: precision and recall on a labelled trading-tool corpus");
        sb.AppendLine();
        sb.AppendLine($"Corpus: {cases.Count} cases ({secrets} hardcoded credentials, {clean} clean look-alikes), generated at run time with seed {seed} " +
                      "(`benchmarks/LoginPosture.AnalyzerMeasurement/Corpus/TradingCorpus.cs`). One case per file; a detector finds a case when it " +
                      "reports any of its rule ids in that file. Rerun: `dotnet run --project benchmarks/LoginPosture.AnalyzerMeasurement -c Release -- precision`; " +
                      "add `--dump /tmp/corpus` to read the generated cases (never commit the dump: it holds format-valid fakes).");
        sb.AppendLine();
        sb.AppendLine("| detector | TP | FN | FP | TN | precision | recall | false-alarm rate | analyzer exceptions |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (subset, label) in new[] { ((Func<CorpusCase, bool>)(_ => true), "all cases"), (c => c.HeldOut, "held-out cases only") })
        {
            var inSubset = cases.Where(subset).ToList();
            var subsetSecrets = inSubset.Count(c => c.IsSecret);
            var subsetClean = inSubset.Count - subsetSecrets;
            foreach (var s in scores)
            {
                var tp = inSubset.Count(c => c.IsSecret && s.Flags(c));
                var fp = inSubset.Count(c => !c.IsSecret && s.Flags(c));
                sb.AppendLine($"| {s.Detector.Name}, {label} ({inSubset.Count}) | {tp} | {subsetSecrets - tp} | {fp} | {subsetClean - fp} | {Ratio(tp, tp + fp)} | {Ratio(tp, subsetSecrets)} | {Ratio(fp, subsetClean)} | {(label == "all cases" ? s.AnalyzerExceptions.ToString(CultureInfo.InvariantCulture) : "")} |");
            }
        }

        sb.AppendLine();
        sb.AppendLine("Targets (issue 6): precision ≥ 0.97, recall ≥ 0.95. The LoginPosture rules have been tuned on this corpus's earlier " +
                      "misses (see `TradingCorpusRegressionTests`), so those cases are no longer held out; the held-out rows count only the " +
                      $"{cases.Count(c => c.HeldOut)} cases written afterwards, which the rules had not seen when these numbers were first taken.");
        foreach (var s in scores)
        {
            var declared = s.Detector.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
            var absent = s.Detector.Ids.Where(id => !declared.Contains(id)).Order(StringComparer.Ordinal).ToList();
            if (absent.Count > 0)
            {
                sb.AppendLine();
                sb.AppendLine($"{s.Detector.Name}: {string.Join(", ", absent)} enabled in the compilation options, but no analyzer in the package declares it, so it cannot report.");
            }
        }
        sb.AppendLine();
        sb.AppendLine("## By category (cases found or falsely flagged / cases)");
        sb.AppendLine();
        sb.AppendLine("| category | label | cases | " + string.Join(" | ", scores.Select(s => s.Detector.Name.Split(' ')[0])) + " |");
        sb.AppendLine("|---|---|---:|" + string.Concat(scores.Select(_ => "---:|")));
        foreach (var group in cases.GroupBy(c => (c.IsSecret, c.Category)).OrderByDescending(g => g.Key.IsSecret).ThenBy(g => g.Key.Category, StringComparer.Ordinal))
        {
            sb.AppendLine($"| {group.Key.Category} | {(group.Key.IsSecret ? "secret" : "clean")} | {group.Count()} | " +
                          string.Join(" | ", scores.Select(s => group.Count(s.Flags).ToString(CultureInfo.InvariantCulture))) + " |");
        }

        foreach (var s in scores)
        {
            var misses = cases.Where(c => c.IsSecret && !s.Flags(c)).ToList();
            var alarms = cases.Where(c => !c.IsSecret && s.Flags(c)).ToList();
            sb.AppendLine();
            sb.AppendLine($"## {s.Detector.Name}: missed secrets ({misses.Count}) and false alarms ({alarms.Count})");
            sb.AppendLine();
            if (misses.Count + alarms.Count == 0)
            {
                sb.AppendLine("None.");
                continue;
            }

            sb.AppendLine("| case | kind | category | what |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var c in misses)
            {
                sb.AppendLine($"| {c.Id} | missed | {c.Category} | {c.Description} |");
            }

            foreach (var c in alarms)
            {
                var ids = string.Join(", ", s.FindingsByCase[c.Id].Select(d => d.Id).Distinct());
                sb.AppendLine($"| {c.Id} | false alarm ({ids}) | {c.Category} | {c.Description} |");
            }
        }

        sb.AppendLine();
        sb.AppendLine("Analyzer execution time on this corpus (summed callback time, one run, machine shared; comparative only): " +
                      string.Join("; ", scores.Select(s => $"{s.Detector.Name.Split(' ')[0]} {s.AnalyzerTime.TotalMilliseconds:0} ms")) + ".");
        return sb.ToString();
    }
}
