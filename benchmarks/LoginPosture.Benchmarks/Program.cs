using BenchmarkDotNet.Running;
using LoginPosture.Benchmarks;

// Run one suite with: dotnet run -c Release --project benchmarks/LoginPosture.Benchmarks -- --filter '*Tier*'
// The long mutation fuzz (not a benchmark): ... -- --fuzz [inputs-per-target] [seed]
if (args is ["--fuzz", ..])
{
    return FuzzRun.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
