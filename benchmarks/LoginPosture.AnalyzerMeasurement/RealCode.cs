using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

using static LoginPosture.AnalyzerMeasurement.Results;

namespace LoginPosture.AnalyzerMeasurement;

/// <summary>
/// The real-code regression corpus: public exchange and brokerage C# code bases, one compilation each (framework
/// references only, so calls into their NuGet dependencies stay unbound, as they are for the syntax-only paths of
/// the analyzer anyway), every finding matched against a reviewed label list. The snapshots are not part of the
/// repository; <c>RealCode/manifest.tsv</c> names each by repository and commit, and <c>RealCode/labels.tsv</c> holds
/// the verdict on each finding, keyed by repository, path, rule and a hash of the line's text (never the value).
/// </summary>
internal static class RealCode
{
    private const string ManifestFile = "manifest.tsv";
    private const string LabelsFile = "labels.tsv";

    internal sealed record Snapshot(string Folder, string Repository, string Commit, string Kind);

    internal sealed record Label(string Folder, string Path, string Rule, string Anchor, string Verdict, string Note);

    /// <summary>A finding; <paramref name="Anchor"/> is the line's hash and the literal's offset in the trimmed line ("hash+offset").</summary>
    internal sealed record Finding(string Folder, string Path, int Line, string Rule, string Anchor);

    private sealed record RepoResult(Snapshot Snapshot, int Files, int Lines, Dictionary<string, List<Finding>> ByDetector, Dictionary<string, double> Seconds);

    public static int Run(string? snapshotsDirectory, bool withSonar, string resultsDirectory, string corpusDirectory)
    {
        var snapshots = ReadManifest(Path.Combine(corpusDirectory, ManifestFile));
        if (snapshotsDirectory is null || !Directory.Exists(snapshotsDirectory))
        {
            Console.WriteLine($"realcode: skipped, no snapshot folder{(snapshotsDirectory is null ? " given" : $" at '{snapshotsDirectory}'")}. " +
                              $"Extract the {snapshots.Count} repositories listed in {Path.Combine(corpusDirectory, ManifestFile)} at their commits " +
                              "into one folder (one sub-folder per 'folder' column) and pass it: realcode --snapshots DIR. " +
                              "benchmarks/LoginPosture.AnalyzerMeasurement/RealCode/fetch-snapshots.sh does that with git.");
            return 0;
        }

        var labels = ReadLabels(Path.Combine(corpusDirectory, LabelsFile));
        Detector[] detectors = withSonar ? [Detector.LoginPosture(), Detector.Sonar()] : [Detector.LoginPosture()];
        var results = new List<RepoResult>();
        foreach (var snapshot in snapshots)
        {
            var root = Path.Combine(snapshotsDirectory, snapshot.Folder);
            if (!Directory.Exists(root))
            {
                Console.WriteLine($"realcode: {snapshot.Repository} skipped, '{root}' is absent.");
                continue;
            }

            results.Add(Analyze(snapshot, root, detectors));
        }

        if (results.Count == 0)
        {
            Console.WriteLine($"realcode: skipped, none of the manifest's folders is under '{snapshotsDirectory}'.");
            return 0;
        }

        var (report, regressions) = Report(results, detectors, labels);
        Publish(resultsDirectory, "analyzer-real-code.md", report);
        if (regressions > 0)
        {
            Console.Error.WriteLine($"realcode: {regressions} finding(s) unlabelled or labelled secret(s) no longer reported; review the report.");
            return 3;
        }

        return 0;
    }

    private static RepoResult Analyze(Snapshot snapshot, string root, Detector[] detectors)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var paths = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(Path.GetRelativePath(root, p)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var trees = new List<SyntaxTree>(paths.Count + 1);
        var lines = 0;
        foreach (var path in paths)
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path: relative);
            lines += tree.GetText().Lines.Count;
            trees.Add(tree);
        }

        trees.Add(CSharpSyntaxTree.ParseText(TradingCodeBase.ImplicitUsings, parse, path: "<implicit usings>"));
        var compilation = CSharpCompilation.Create(snapshot.Folder, trees, FrameworkReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true)
                .WithSpecificDiagnosticOptions(Detector.SonarRuleIds.Select(id => KeyValuePair.Create(id, ReportDiagnostic.Warn))));
        Console.WriteLine($"realcode: {snapshot.Repository} @ {snapshot.Commit[..12]}: {paths.Count} files, {lines} lines");

        var byDetector = new Dictionary<string, List<Finding>>();
        var seconds = new Dictionary<string, double>();
        foreach (var detector in detectors)
        {
            var exceptions = 0;
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]),
                onAnalyzerException: (e, analyzer, _) =>
                {
                    Interlocked.Increment(ref exceptions);
                    Console.Error.WriteLine($"AD0001 in {analyzer.GetType().Name}: {e.GetType().Name}: {e.Message}");
                },
                concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            var clock = Stopwatch.StartNew();
            var diagnostics = compilation.WithAnalyzers(detector.Analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            seconds[detector.Name] = clock.Elapsed.TotalSeconds;
            if (exceptions > 0)
            {
                throw new InvalidOperationException($"{detector.Name} threw {exceptions} times on {snapshot.Repository}; an analyzer must never throw.");
            }

            byDetector[detector.Name] = diagnostics
                .Where(d => detector.Ids.Contains(d.Id) && d.Location.IsInSource)
                .Select(d => ToFinding(snapshot.Folder, d))
                .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line)
                .ToList();
        }

        return new RepoResult(snapshot, paths.Count, lines, byDetector, seconds);
    }

    private static Finding ToFinding(string folder, Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree!;
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        var text = tree.GetText().Lines[position.Line].ToString();
        var offset = position.Character - (text.Length - text.TrimStart().Length);
        return new Finding(folder, tree.FilePath, position.Line + 1, diagnostic.Id,
            LineHash(text) + "+" + offset.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>First 16 hex digits of SHA-256 over the trimmed line: stable when lines move, and it never reveals the value.</summary>
    public static string LineHash(string line) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(line.Trim())))[..16].ToLowerInvariant();

    private static string LineOf(string anchor) => anchor[..anchor.IndexOf('+', StringComparison.Ordinal)];

    private static bool IsBuildOutput(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Any(p => p is "obj" or "bin");
    }

    private static (string Report, int Regressions) Report(List<RepoResult> results, Detector[] detectors, List<Label> labels)
    {
        var lp = detectors[0].Name;
        var labelIndex = labels.ToLookup(l => (l.Folder, l.Path, l.Rule, l.Anchor));
        Label? LabelOf(Finding f) => labelIndex[(f.Folder, f.Path, f.Rule, f.Anchor)].FirstOrDefault();

        var sb = new StringBuilder();
        sb.AppendLine("# Hardcoded-secret rules on real trading code");
        sb.AppendLine();
        sb.AppendLine("Public exchange and brokerage C# code bases at fixed commits (`benchmarks/LoginPosture.AnalyzerMeasurement/RealCode/manifest.tsv`), " +
                      "each compiled in process with framework references only (their NuGet dependencies unresolved, so calls into them are " +
                      "judged by syntax and names). Every finding is matched against the reviewed label list `RealCode/labels.tsv` " +
                      "(repository, path, rule, and an anchor: a hash of the line's text plus the literal's offset in it): `secret` = a committed, realistic credential; `false-alarm` = not a " +
                      "credential. The three fixes of issue 14 were written while reading the findings in the repositories not marked " +
                      "`held out`, so those rows are a regression guard, not independent evidence; the `held out` rows were added afterwards. " +
                      "A finding without a label is listed as `unlabelled`: review it and add its verdict (the run exits 3 while any is " +
                      "unlabelled or a labelled secret is no longer reported). Rerun: `benchmarks/LoginPosture.AnalyzerMeasurement/RealCode/fetch-snapshots.sh DIR`, then " +
                      "`dotnet run --project benchmarks/LoginPosture.AnalyzerMeasurement -c Release -- realcode --snapshots DIR [--sonar]`. " +
                      "Machine: the 2-core AMD EPYC VM of the other benchmarks, shared with other builds during the run.");
        sb.AppendLine();
        sb.AppendLine("| repository | commit | kind | files | lines | LP0001 | LP0002 | LP0003 | secrets | false alarms | unlabelled | false alarms / 100k lines |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

        void Row(string name, string commit, string kind, IReadOnlyCollection<RepoResult> rs)
        {
            var findings = rs.SelectMany(r => r.ByDetector[lp]).ToList();
            var lines = rs.Sum(r => r.Lines);
            var secrets = findings.Count(f => LabelOf(f)?.Verdict == "secret");
            var alarms = findings.Count(f => LabelOf(f)?.Verdict == "false-alarm");
            var unlabelled = findings.Count(f => LabelOf(f) is null);
            int Rule(string id) => findings.Count(f => f.Rule == id);
            sb.AppendLine($"| {name} | {commit} | {kind} | {rs.Sum(r => r.Files)} | {lines} | {Rule("LP0001")} | {Rule("LP0002")} | {Rule("LP0003")} | " +
                          $"{secrets} | {alarms} | {unlabelled} | {F(alarms * 100_000.0 / Math.Max(1, lines), "0.00")} |");
        }

        foreach (var r in results)
        {
            Row(r.Snapshot.Repository, "`" + r.Snapshot.Commit[..12] + "`", r.Snapshot.Kind, [r]);
        }

        var clients = results.Where(r => r.Snapshot.Kind.StartsWith("exchange client", StringComparison.Ordinal)).ToList();
        var heldOut = results.Where(r => r.Snapshot.Kind.EndsWith("held out", StringComparison.Ordinal)).ToList();
        Row("**exchange clients**", "", "", clients);
        Row("**held out**", "", "", heldOut);
        Row("**seen while fixing**", "", "", results.Except(heldOut).ToList());
        Row("**all**", "", "", results);

        // Labelled secrets the analyzer no longer reports: the recall side of the regression corpus.
        var present = results.Select(r => r.Snapshot.Folder).ToHashSet(StringComparer.Ordinal);
        var found = results.SelectMany(r => r.ByDetector[lp]).Select(f => (f.Folder, f.Path, f.Rule, f.Anchor)).ToHashSet();
        var lost = labels.Where(l => l.Verdict == "secret" && present.Contains(l.Folder) && !found.Contains((l.Folder, l.Path, l.Rule, l.Anchor))).ToList();
        sb.AppendLine();
        sb.AppendLine($"Labelled secrets no longer reported: {lost.Count}{(lost.Count == 0 ? "." : ":")}");
        foreach (var l in lost)
        {
            sb.AppendLine($"- {l.Folder}/{l.Path} ({l.Rule}): {l.Note}");
        }

        sb.AppendLine();
        sb.AppendLine("## LoginPosture findings (values never printed)");
        sb.AppendLine();
        sb.AppendLine("| repository | path:line | rule | verdict | note |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var f in results.SelectMany(r => r.ByDetector[lp]))
        {
            var label = LabelOf(f);
            sb.AppendLine($"| {f.Folder} | {f.Path}:{f.Line} | {f.Rule} | {label?.Verdict ?? "**unlabelled**"} | {label?.Note ?? "anchor " + f.Anchor} |");
        }

        if (detectors.Length > 1)
        {
            var sonar = detectors[1].Name;
            sb.AppendLine();
            sb.AppendLine($"## {sonar} on the same compilations");
            sb.AppendLine();
            sb.AppendLine("Sonar's findings are not labelled one by one; the table says how many there are and how many of the distinct lines where LoginPosture " +
                          "reports a labelled `secret` Sonar also reports (any of its rules on the same line).");
            sb.AppendLine();
            sb.AppendLine("| repository | Sonar findings | secret lines also flagged by Sonar | LoginPosture s / Sonar s (wall, one run) |");
            sb.AppendLine("|---|---:|---:|---:|");
            foreach (var r in results)
            {
                var sonarLines = r.ByDetector[sonar].Select(f => (f.Path, LineOf(f.Anchor))).ToHashSet();
                var secretLines = r.ByDetector[lp].Where(f => LabelOf(f)?.Verdict == "secret").Select(f => (f.Path, LineOf(f.Anchor))).Distinct().ToList();
                sb.AppendLine($"| {r.Snapshot.Repository} | {r.ByDetector[sonar].Count} | {secretLines.Count(sonarLines.Contains)} of {secretLines.Count} | " +
                              $"{F(r.Seconds[lp], "0.0")} / {F(r.Seconds[sonar], "0.0")} |");
            }

            sb.AppendLine();
            sb.AppendLine("| repository | path:line | Sonar rule | anchor |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var f in results.SelectMany(r => r.ByDetector[sonar]))
            {
                sb.AppendLine($"| {f.Folder} | {f.Path}:{f.Line} | {f.Rule} | {f.Anchor} |");
            }
        }

        var unlabelled = results.SelectMany(r => r.ByDetector[lp]).Count(f => LabelOf(f) is null);
        sb.AppendLine();
        sb.AppendLine("Analysis wall time per repository (machine shared with other builds; comparative only): " +
                      string.Join("; ", results.Select(r => $"{r.Snapshot.Folder} {F(r.Seconds[lp], "0.0")} s")) + ".");
        return (sb.ToString(), unlabelled + lost.Count);
    }

    private static List<Snapshot> ReadManifest(string path) =>
        Rows(path).Select(c => c.Length == 4
                ? new Snapshot(c[0], c[1], c[2], c[3])
                : throw new FormatException($"{path}: each row needs folder, repository, commit and kind, tab-separated."))
            .ToList();

    private static List<Label> ReadLabels(string path) =>
        Rows(path).Select(c => c.Length == 6 && c[4] is "secret" or "false-alarm"
                ? new Label(c[0], c[1], c[2], c[3], c[4], c[5])
                : throw new FormatException($"{path}: each row needs folder, path, rule, line hash, verdict (secret or false-alarm) and note."))
            .ToList();

    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'));
}
