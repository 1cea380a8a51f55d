using BenchmarkDotNet.Running;

// Run one suite with: dotnet run -c Release --project benchmarks/LoginPosture.Benchmarks -- --filter '*Tier*'
// The step-up authorization's endpoints timed side by side in interleaved rounds (robust on a shared machine):
//   dotnet run -c Release --project benchmarks/LoginPosture.Benchmarks -- interleaved
if (args is ["interleaved"])
{
    LoginPosture.Benchmarks.StepUpAuthorizationBenchmarks.PrintInterleaved();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
