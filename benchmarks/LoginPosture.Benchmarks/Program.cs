using BenchmarkDotNet.Running;

// Run one suite with: dotnet run -c Release --project benchmarks/LoginPosture.Benchmarks -- --filter '*Tier*'
// Allocation per request of the step-up authorization, averaged over many requests:
//   dotnet run -c Release --project benchmarks/LoginPosture.Benchmarks -- alloc
if (args is ["alloc"])
{
    LoginPosture.Benchmarks.StepUpAuthorizationBenchmarks.PrintAllocationsPerRequest();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
