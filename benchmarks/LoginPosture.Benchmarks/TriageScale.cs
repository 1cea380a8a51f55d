using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LoginPosture.Layers;
using LoginPosture.Posture;
using LoginPosture.Testing;
using LoginPosture.Triage;
using Microsoft.Extensions.DependencyInjection;

namespace LoginPosture.Benchmarks;

/// <summary>
/// Scale figures for log triage (issue 13): generated logs of 100 MB and 1 GB built from real line shapes, each triaged
/// in a child process of its own so that its peak RSS (VmHWM) is its own, and the posture audit of a document of one
/// million signals. Throughput is bytes over the child's CPU time (user + system) as well as over wall time.
/// Not a BenchmarkDotNet suite: one pass over a gigabyte is its own repetition.
///   dotnet run -c Release --project benchmarks/LoginPosture.Benchmarks -- triage-scale [sizes in MB, default 100,1024]
/// </summary>
internal static class TriageScale
{
    // The child's CPU time when its work began: the runtime's start-up is reported apart.
    private static TimeSpan s_cpuAtStart;

    public static int Run(string[] args)
    {
        var sizes = args.Length > 1 ? args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [100, 1024];
        var dir = Directory.CreateTempSubdirectory("loginposture-triage-scale-").FullName;
        try
        {
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average at start: {LoadAverage()}");
            Console.WriteLine("| input | size | lines | failing lines | distinct causes / findings | wall s | CPU s (process / work) | MB/s (wall) | MB/s per core (process CPU) | MB/s per core (work CPU) | peak RSS MB | JSON output |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var mb in sizes)
            {
                var path = Path.Combine(dir, $"gateway-{mb}mb.log");
                var share = Generate(path, mb * 1024L * 1024L);
                Console.WriteLine(Row($"log, {share:P0} failures", path, Child("triage-child", path)));
                File.Delete(path);
            }

            foreach (var repeated in new[] { false, true })
            {
                var posture = Path.Combine(dir, "posture-1m.json");
                GeneratePosture(posture, 1_000_000, repeated);
                Console.WriteLine(Row(repeated ? "posture audit --json, 1M signals (200 distinct lines repeated)" : "posture audit --json, 1M signals (all distinct)", posture, Child("audit-child", posture)));
                File.Delete(posture);
            }
            Console.WriteLine($"load average at end: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The child: triages one file and prints its figures as JSON.</summary>
    public static int ChildTriage(string path)
    {
        using (var self = Process.GetCurrentProcess())
        {
            s_cpuAtStart = self.TotalProcessorTime;
        }

        var watch = Stopwatch.StartNew();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var report = new LogTriage(new LayerClassifier(), null).Triage(stream, CancellationToken.None);
        watch.Stop();
        return Print(watch.Elapsed, report.Lines, report.FailingLines, report.Causes.Count);
    }

    /// <summary>The child: what <c>loginposture-audit posture.json --json</c> does: read, evaluate, write the (aggregated) JSON.</summary>
    public static int ChildAudit(string path)
    {
        using (var self = Process.GetCurrentProcess())
        {
            s_cpuAtStart = self.TotalProcessorTime;
        }

        var watch = Stopwatch.StartNew();
        using var services = new ServiceCollection().AddLoginPosture().BuildServiceProvider();
        var report = services.GetRequiredService<PostureEvaluator>().Evaluate(PostureSnapshot.Parse(File.ReadAllBytes(path)));
        var json = PostureReportJson.ToJson(report);
        var distinct = report.Findings.Distinct().Count();
        watch.Stop();
        return Print(watch.Elapsed, report.Layers.Diagnoses.Count, report.Layers.Diagnoses.Count(d => d.IsFailure), distinct, json.Length);
    }

    private static int Print(TimeSpan wall, long lines, long failing, int causes, long output = 0)
    {
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["wall"] = wall.TotalSeconds,
            ["cpu"] = self.TotalProcessorTime.TotalSeconds,
            ["cpuWork"] = (self.TotalProcessorTime - s_cpuAtStart).TotalSeconds,
            ["rss"] = PeakRssBytes(self),
            ["lines"] = lines,
            ["failing"] = failing,
            ["causes"] = causes,
            ["output"] = output,
        }));
        return 0;
    }

    private static Dictionary<string, double> Child(string mode, string path)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(TriageScale).Assembly.Location);
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(path);
        start.Environment["DOTNET_gcServer"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var json = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonSerializer.Deserialize<Dictionary<string, double>>(json)!;
    }

    private static string Row(string label, string path, Dictionary<string, double> r)
    {
        var mb = new FileInfo(path).Length / (1024.0 * 1024.0);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {mb:F0} MB | {r["lines"]:N0} | {r["failing"]:N0} | {r["causes"]:N0} | {r["wall"]:F1} | {r["cpu"]:F1} / {r["cpuWork"]:F1} | {mb / r["wall"]:F0} | {mb / r["cpu"]:F0} | {mb / r["cpuWork"]:F0} | {r["rss"] / (1024 * 1024):F0} | {(r["output"] > 0 ? $"{r["output"] / (1024 * 1024):F1} MB" : "-")} |");
    }

    // A log of about the given size, its failure share drawn between 1% and 10% from a fixed seed.
    public static double Generate(string path, long bytes)
    {
        var random = new Random(13 + (int)(bytes >> 20));
        var share = 0.01 + (random.NextDouble() * 0.09);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        long written = 0;
        foreach (var line in TriageLogs.Shapes.Lines(random, share, new DateTime(2026, 11, 20, 21, 0, 0, DateTimeKind.Unspecified)))
        {
            writer.Write(line);
            writer.Write('\n');
            written += Encoding.UTF8.GetByteCount(line) + 1;
            if (written >= bytes)
            {
                break;
            }
        }

        return share;
    }

    // The example posture with its signals array holding a million log lines (about 125 MB): each with its own
    // timestamp, or 200 lines repeated (a failure logged over and over, the case the issue measured).
    private static void GeneratePosture(string path, int signals, bool repeated)
    {
        var example = File.ReadAllText(RepoPaths.File("samples", "posture.example.json"));
        var open = example.IndexOf("\"signals\": [", StringComparison.Ordinal) + "\"signals\": [".Length;
        var close = example.IndexOf(']', open);
        var random = new Random(1_000_000);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(example.AsSpan(0, open));
        var first = true;
        var lines = TriageLogs.Shapes.Lines(random, 0.75, new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Unspecified));
        var source = repeated ? Enumerable.Repeat(lines.Take(200).ToArray(), (signals / 200) + 1).SelectMany(l => l) : lines;
        foreach (var line in source.Take(signals))
        {
            writer.Write(first ? "\n    " : ",\n    ");
            writer.Write(JsonSerializer.Serialize(line));
            first = false;
        }

        writer.Write(example.AsSpan(close));
    }

    private static double PeakRssBytes(Process self)
    {
        // VmHWM: the resident set's high-water mark, which the kernel keeps for the process's whole life.
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        return self.PeakWorkingSet64;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}

/// <summary>
/// Where the time of a triage goes, measured side by side in one process (robust on a shared machine): the whole
/// triage with and without the line-shape cache, and the cache's hit rate on the same log.
///   dotnet run -c Release --project benchmarks/LoginPosture.Benchmarks -- triage-profile log-file
/// </summary>
internal static class TriageProfile
{
    public static int Run(string path)
    {
        var bytes = new FileInfo(path).Length / 1048576.0;
        var classifier = new LayerClassifier();
        var cache = new VerdictCache();
        foreach (var line in File.ReadLines(path))
        {
            cache.Classify(classifier, line);
        }

        Console.WriteLine($"line-shape cache: {cache.Hits:N0} hits, {cache.Misses:N0} misses ({(double)cache.Hits / (cache.Hits + cache.Misses):P1} hit rate)");
        var cached = new LogTriage(classifier, null);
        var plain = new LogTriage(classifier, new LogTriageOptions { CacheLineShapes = false });
        for (var round = 0; round < 3; round++)
        {
            foreach (var (name, triage) in new[] { ("cached", cached), ("uncached", plain) })
            {
                using var self = Process.GetCurrentProcess();
                var cpu = self.TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                using (var stream = File.OpenRead(path))
                {
                    triage.Triage(stream, CancellationToken.None);
                }

                self.Refresh();
                var used = (self.TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1} {name}: {bytes:F0} MB, wall {wall.Elapsed.TotalSeconds:F2} s, CPU {used:F2} s = {bytes / used:F0} MB/s per core"));
            }
        }

        return 0;
    }
}
