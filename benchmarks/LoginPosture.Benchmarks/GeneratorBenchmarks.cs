using BenchmarkDotNet.Attributes;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.FsCheck;
using LoginPosture.Posture;

namespace LoginPosture.Benchmarks;

/// <summary>
/// What LoginPosture.FsCheck's generators cost per value (1,000 values per invocation, fixed seed, FsCheck size 50),
/// beside evaluating the same generated snapshots: the budget is 10,000 whole posture snapshots per second on one core.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Count = 1_000;
    private readonly PostureEvaluator _evaluator = new();
    private PostureSnapshot[] _snapshots = null!;

    [GlobalSetup]
    public void Setup() => _snapshots = LoginPostureArbitraries.SnapshotGen.Sample(Count, new Rnd(1), 50);

    /// <summary>Whole snapshots: second factors, up to four keys, up to five session checks, signals.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int GenerateSnapshot() => LoginPostureArbitraries.SnapshotGen.Sample(Count, new Rnd(1), 50).Length;

    /// <summary>Evaluating the snapshots generated in setup, for scale: generation against the work it feeds.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int EvaluateGeneratedSnapshot()
    {
        var findings = 0;
        foreach (var snapshot in _snapshots)
        {
            findings += _evaluator.Evaluate(snapshot).Findings.Count;
        }

        return findings;
    }

    /// <summary>Sessions alone.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GenerateSession() => LoginPostureArbitraries.SessionGen.Sample(Count, new Rnd(1), 50).Length;

    /// <summary>Second-factor sets alone.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GenerateSecondFactorSet() => LoginPostureArbitraries.SecondFactorSetGen.Sample(Count, new Rnd(1), 50).Length;

    /// <summary>API keys alone.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GenerateApiKey() => LoginPostureArbitraries.ApiKeyGen.Sample(Count, new Rnd(1), 50).Length;

    /// <summary>Binance, Kraken and Coinbase key-permission JSON with its expected descriptor.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GeneratePlatformKeyJson() => LoginPostureArbitraries.PlatformKeyJsonGen.Sample(Count, new Rnd(1), 50).Length;

    /// <summary>Client Portal status bodies with their expected signals.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GenerateClientPortalStatus() => LoginPostureArbitraries.ClientPortalStatusGen.Sample(Count, new Rnd(1), 50).Length;

    /// <summary>Well-formed otpauth:// key URIs (random secret, base32-encoded).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GenerateOtpKeyUri() => LoginPostureArbitraries.OtpKeyUriGen.Sample(Count, new Rnd(1), 50).Length;

    /// <summary>Tool-shaped raw log lines.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GenerateRawLogLine() => LoginPostureArbitraries.RawLogLineGen.Sample(Count, new Rnd(1), 50).Length;
}
