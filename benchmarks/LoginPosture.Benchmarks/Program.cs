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

// Log triage at scale (issue 13): ... -- triage-scale [sizes in MB]; the children it starts run one file each.
switch (args)
{
    case ["triage-scale", ..]:
        return TriageScale.Run(args);
    case ["triage-child", var log]:
        return TriageScale.ChildTriage(log);
    case ["triage-profile", var file]:
        return TriageProfile.Run(file);
    case ["triage-generate", var file, var megabytes]:
        TriageScale.Generate(file, long.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture) << 20);
        return 0;
    case ["audit-child", var posture]:
        return TriageScale.ChildAudit(posture);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
