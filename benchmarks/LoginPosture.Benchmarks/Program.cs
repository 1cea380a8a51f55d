using BenchmarkDotNet.Running;
using LoginPosture.Benchmarks;

// Run one suite with: dotnet run -c Release --project benchmarks/LoginPosture.Benchmarks -- --filter '*Tier*'
// The step-up authorization's endpoints timed side by side in interleaved rounds (robust on a shared machine):
//   dotnet run -c Release --project benchmarks/LoginPosture.Benchmarks -- interleaved
if (args is ["interleaved"])
{
    LoginPosture.Benchmarks.StepUpAuthorizationBenchmarks.PrintInterleaved();
    return 0;
}

// The long mutation fuzz (not a benchmark): ... -- --fuzz [inputs-per-target] [seed]
if (args is ["--fuzz", ..])
{
    return FuzzRun.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
