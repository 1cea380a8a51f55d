using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

using static LoginPosture.AnalyzerMeasurement.Results;

namespace LoginPosture.AnalyzerMeasurement;

/// <summary>
/// Analyzer cost in a real build: writes a large trading code base to a temp project, then builds it from
/// scratch with and without the LoginPosture analyzer (alternating, after one warm-up of each), with
/// -p:ReportAnalyzer=true. Reports the analyzer's own execution time as a share of the compiler task's time,
/// and the wall-clock difference between the two kinds of build.
/// </summary>
internal static partial class BuildTiming
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    private sealed record Measurement(bool WithAnalyzer, double WallSeconds, double CpuSeconds, double CscSeconds, double AllAnalyzersSeconds, double LoginPostureSeconds, int LoginPostureWarnings);

    public static int Run(int files, int runs, string resultsDirectory)
    {
        var analyzerPath = Assembly.Load("LoginPosture.Analyzers").Location;
        var directory = Directory.CreateTempSubdirectory("loginposture-timing-").FullName;
        try
        {
            WriteProject(directory, analyzerPath, files);
            var lines = Directory.GetFiles(Path.Combine(directory, "src")).Sum(p => File.ReadLines(p).Count());
            Dotnet(directory, "restore", "Trading.Generated.csproj");

            Console.WriteLine($"Code base: {files} files, {lines} lines in {directory}. Warming up...");
            Build(directory, withAnalyzer: true);
            Build(directory, withAnalyzer: false);

            var measurements = new List<Measurement>();
            for (var run = 0; run < runs; run++)
            {
                // Alternate the order so drift in machine load hits both kinds of build alike.
                foreach (var withAnalyzer in run % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    var m = Build(directory, withAnalyzer);
                    measurements.Add(m);
                    Console.WriteLine($"  run {run + 1} {(withAnalyzer ? "with" : "without")}: wall {m.WallSeconds:0.00} s, CPU {m.CpuSeconds:0.00} s, Csc {m.CscSeconds:0.00} s, LoginPosture {m.LoginPostureSeconds:0.000} s of {m.AllAnalyzersSeconds:0.000} s analyzer time");
                }
            }

            return Results.Publish(resultsDirectory, "analyzer-build-time.md", Report(files, lines, runs, measurements));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void WriteProject(string directory, string analyzerPath, int files)
    {
        // Empty Directory.Build.* files keep whatever encloses the temp folder out of the measured build.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Trading.Generated.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup Condition="'$(WithLoginPosture)' == 'true'">
                <Analyzer Include="{analyzerPath}" />
              </ItemGroup>
            </Project>
            """);
        var src = Directory.CreateDirectory(Path.Combine(directory, "src")).FullName;
        TradingCodeBase.Write(src, files, seed: 7);
    }

    private static Measurement Build(string directory, bool withAnalyzer)
    {
        var watch = Stopwatch.StartNew();
        var output = TimedDotnet(directory, "build", "Trading.Generated.csproj", "-c", "Release", "--no-restore", "--no-incremental",
            "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:ReportAnalyzer=true", "-v:d", "-clp:PerformanceSummary",
            "-p:WithLoginPosture=" + (withAnalyzer ? "true" : "false"));
        watch.Stop();

        var csc = CscTask().Match(output);
        var total = TotalAnalyzerTime().Match(output);
        var ours = LoginPostureTime().Match(output);
        var missing = !csc.Success ? "the Csc task time" : !total.Success ? "the analyzer report"
            : withAnalyzer && !ours.Success ? "a LoginPosture.Analyzers row in the analyzer report (does the assembly contain analyzers?)" : null;
        if (missing is not null)
        {
            throw new InvalidOperationException($"The build log has no {missing}:\n" + output[^Math.Min(output.Length, 6000)..]);
        }

        var cpu = CpuTime().Match(output);
        return new Measurement(
            withAnalyzer,
            watch.Elapsed.TotalSeconds,
            cpu.Success ? double.Parse(cpu.Groups["user"].Value, CultureInfo.InvariantCulture) + double.Parse(cpu.Groups["sys"].Value, CultureInfo.InvariantCulture) : double.NaN,
            double.Parse(csc.Groups["ms"].Value, CultureInfo.InvariantCulture) / 1000,
            double.Parse(total.Groups["s"].Value, CultureInfo.InvariantCulture),
            ours.Success ? Seconds(ours.Groups["s"].Value) : 0,
            Regex.Matches(output, @"warning LP\d{4}").Count);
    }

    /// <summary>
    /// Runs dotnet under bash's <c>time</c>, which reports the user and system CPU of the whole process tree
    /// (MSBuild and the csc child); CPU time is far less sensitive than wall time to other work on a busy machine.
    /// </summary>
    private static string TimedDotnet(string directory, params string[] arguments) =>
        Run(directory, "bash", ["-c", "TIMEFORMAT='cpu-seconds %U %S'; time dotnet \"$@\"", "bash", .. arguments]);

    private static double Seconds(string value) => value.StartsWith('<') ? 0 : double.Parse(value, CultureInfo.InvariantCulture);

    private static string Dotnet(string directory, params string[] arguments) => Run(directory, "dotnet", arguments);

    private static string Run(string directory, string program, string[] arguments)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(BuildTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took longer than {BuildTimeout}.");
        }

        var output = stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output[^Math.Min(output.Length, 6000)..]}");
        }

        return output;
    }

    private static string Report(int files, int lines, int runs, List<Measurement> all)
    {

        var with = all.Where(m => m.WithAnalyzer).ToList();
        var without = all.Where(m => !m.WithAnalyzer).ToList();
        var shareOfCsc = Median(with.Select(m => m.LoginPostureSeconds / m.CscSeconds));
        var shareOfAnalyzers = Median(with.Select(m => m.LoginPostureSeconds / m.AllAnalyzersSeconds));
        var wallWith = Median(with.Select(m => m.WallSeconds));
        var wallWithout = Median(without.Select(m => m.WallSeconds));
        var cscWith = Median(with.Select(m => m.CscSeconds));
        var cscWithout = Median(without.Select(m => m.CscSeconds));
        var cpuWith = Median(with.Select(m => m.CpuSeconds));
        var cpuWithout = Median(without.Select(m => m.CpuSeconds));

        var sb = new StringBuilder();
        sb.AppendLine("# Hardcoded-secret analyzer: cost inside a real build");
        sb.AppendLine();
        sb.AppendLine($"Code base: {files} generated trading-client files ({lines:N0} lines: signed REST clients, order models, stream parsers, options), " +
                      "net10.0, default SDK analyzers on. Each build is `dotnet build --no-incremental -p:ReportAnalyzer=true -p:UseSharedCompilation=false` " +
                      $"(fresh compiler process), {runs} runs with and {runs} without the analyzer, alternating, after one warm-up of each. " +
                      "Machine: 2 cores; compare runs of the same kind, and prefer a machine with no other build running. " +
                      $"Rerun: `dotnet run --project benchmarks/LoginPosture.AnalyzerMeasurement -c Release -- timing --files {files} --runs {runs}`.");
        sb.AppendLine();
        sb.AppendLine("| measure (median) | value |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine($"| LoginPosture analyzer time / Csc task time | **{F(100 * shareOfCsc, "0.00")}%** (target ≤ 2%) |");
        sb.AppendLine($"| LoginPosture analyzer time / all analyzer time in the build | {F(100 * shareOfAnalyzers, "0.0")}% |");
        sb.AppendLine($"| build CPU time (user + system, whole process tree) with / without the analyzer | {F(cpuWith, "0.00")} s / {F(cpuWithout, "0.00")} s ({F(100 * (cpuWith / cpuWithout - 1), "+0.0;-0.0")}%) |");
        sb.AppendLine($"| Csc task time with / without the analyzer | {F(cscWith, "0.00")} s / {F(cscWithout, "0.00")} s ({F(100 * (cscWith / cscWithout - 1), "+0.0;-0.0")}%) |");
        sb.AppendLine($"| build wall time with / without the analyzer | {F(wallWith, "0.00")} s / {F(wallWithout, "0.00")} s ({F(100 * (wallWith / wallWithout - 1), "+0.0;-0.0")}%) |");
        sb.AppendLine();
        sb.AppendLine("ReportAnalyzer times are callback times summed over threads (Roslyn's own caveat: for comparison between analyzers); " +
                      "the with/without difference is the end-to-end cost. On a shared machine wall, Csc and even CPU times swing with other load " +
                      "(compare runs of the same kind), so a with/without difference smaller than that swing is not a measurement of the analyzer.");
        sb.AppendLine();
        sb.AppendLine("| run | analyzer | wall (s) | CPU (s) | Csc (s) | all analyzers (s) | LoginPosture (s) | LoginPosture / Csc | LP warnings |");
        sb.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < all.Count; i++)
        {
            var m = all[i];
            sb.AppendLine($"| {i / 2 + 1} | {(m.WithAnalyzer ? "with" : "without")} | {F(m.WallSeconds, "0.00")} | {F(m.CpuSeconds, "0.00")} | {F(m.CscSeconds, "0.00")} | {F(m.AllAnalyzersSeconds)} | " +
                          $"{(m.WithAnalyzer ? F(m.LoginPostureSeconds) : "-")} | {(m.WithAnalyzer ? F(100 * m.LoginPostureSeconds / m.CscSeconds, "0.00") + "%" : "-")} | {m.LoginPostureWarnings} |");
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"cpu-seconds (?<user>[\d.]+) (?<sys>[\d.]+)")]
    private static partial Regex CpuTime();

    [GeneratedRegex(@"^\s*(?<ms>\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex CscTask();

    [GeneratedRegex(@"Total analyzer execution time: (?<s>[\d.]+) seconds")]
    private static partial Regex TotalAnalyzerTime();

    [GeneratedRegex(@"^\s*(?<s><?[\d.]+)\s+<?\d+\s+LoginPosture\.Analyzers, Version=", RegexOptions.Multiline)]
    private static partial Regex LoginPostureTime();
}
