using BenchmarkDotNet.Attributes;
using LoginPosture.Posture;

namespace LoginPosture.Benchmarks;

/// <summary>
/// The full evaluation of the shipped example posture (two factors and a backup, two keys, four session checks,
/// seven failure signals): what an audit run or a CI gate costs, with and without reading the JSON.
/// </summary>
[MemoryDiagnoser]
public class PostureEvaluatorBenchmarks
{
    private PostureEvaluator _evaluator = null!;
    private byte[] _json = null!;
    private PostureSnapshot _snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _evaluator = new PostureEvaluator();
        _json = File.ReadAllBytes(FindExample());
        _snapshot = PostureSnapshot.Parse(_json);
    }

    /// <summary>Every engine over the parsed snapshot, findings materialised and ordered.</summary>
    [Benchmark(Baseline = true)]
    public int Evaluate() => _evaluator.Evaluate(_snapshot).Findings.Count;

    /// <summary>Reading the posture JSON, then evaluating it: one audit run without the process start.</summary>
    [Benchmark]
    public int ParseAndEvaluate() => _evaluator.Evaluate(PostureSnapshot.Parse(_json)).Findings.Count;

    private static string FindExample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "posture.example.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("samples/posture.example.json not found above the benchmark binaries.");
    }
}
