using BenchmarkDotNet.Running;

// Run one suite with: dotnet run -c Release --project benchmarks/LoginPosture.Benchmarks -- --filter '*Tier*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
