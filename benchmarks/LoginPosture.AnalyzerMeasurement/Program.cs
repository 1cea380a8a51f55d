using System.Globalization;
using LoginPosture.AnalyzerMeasurement;

// Usage:
//   dotnet run --project benchmarks/LoginPosture.AnalyzerMeasurement -c Release -- precision [--seed N] [--seeds N] [--dump DIR]
//   dotnet run --project benchmarks/LoginPosture.AnalyzerMeasurement -c Release -- timing [--files N] [--runs N]
//   dotnet run --project benchmarks/LoginPosture.AnalyzerMeasurement -c Release -- cpu [--files N] [--runs N]
//   dotnet run --project benchmarks/LoginPosture.AnalyzerMeasurement -c Release -- callbacks [--files N] [--runs N]
//   dotnet run --project benchmarks/LoginPosture.AnalyzerMeasurement -c Release -- realcode --snapshots DIR [--sonar]
// Results are written to benchmarks/results/ (found by walking up to LoginPosture.sln).
var command = args.Length > 0 ? args[0] : "precision";
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int IntOption(string name, int fallback) => Option(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

var results = Path.Combine(RepositoryRoot(), "benchmarks", "results");
return command switch
{
    "precision" => PrecisionRecall.Run(IntOption("--seed", 20261122), IntOption("--seeds", 20), results, Option("--dump")),
    "timing" => BuildTiming.Run(IntOption("--files", 400), IntOption("--runs", 3), results),
    "cpu" => InProcessCost.Run(IntOption("--files", 400), IntOption("--runs", 5), results),
    "callbacks" => CallbackTime.Run(IntOption("--files", 400), IntOption("--runs", 5), results),
    "realcode" => RealCode.Run(Option("--snapshots"), Array.IndexOf(args, "--sonar") >= 0, results,
        Path.Combine(RepositoryRoot(), "benchmarks", "LoginPosture.AnalyzerMeasurement", "RealCode")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: precision [--seed N] [--seeds N] [--dump DIR] | timing [--files N] [--runs N] | cpu [--files N] [--runs N] | callbacks [--files N] [--runs N] | realcode --snapshots DIR [--sonar]");
    return 1;
}

static string RepositoryRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "LoginPosture.sln")))
        {
            return d.FullName;
        }
    }

    throw new InvalidOperationException("Run the harness from inside the repository (no LoginPosture.sln found above it).");
}
