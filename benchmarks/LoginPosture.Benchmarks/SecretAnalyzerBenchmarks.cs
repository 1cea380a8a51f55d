using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using LoginPosture.Analyzers;
using LoginPosture.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LoginPosture.Benchmarks;

/// <summary>
/// Cost of the hardcoded-secret analyzer: a full compile of a synthetic trading-tool corpus with and without it, and
/// the per-literal format scan on its own. Corpus values are generated here, at run time.
/// </summary>
[MemoryDiagnoser]
public class SecretAnalyzerBenchmarks
{
    private ImmutableArray<SyntaxTree> trees;
    private ImmutableArray<MetadataReference> references;
    private string[] literals = Array.Empty<string>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string Random(int length)
        {
            const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            var chars = new char[length];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            return new string(chars);
        }

        var files = new List<SyntaxTree>();
        var all = new List<string>();
        for (var f = 0; f < 60; f++)
        {
            var source = new StringBuilder("using System; using System.Collections.Generic; using System.Net.Http;\n");
            source.Append("public class Exchange").Append(f).Append("Client {\n");
            for (var m = 0; m < 10; m++)
            {
                string[] values =
                {
                    $"Order {m} rejected: insufficient margin on account",
                    "https://api.exchange.example/v3/order",
                    "application/json",
                    "Binance:ApiKey",
                    "X-MBX-APIKEY",
                    Random(12),
                    m == 3 && f % 10 == 0 ? Random(64) : "BTCUSDT",
                };
                all.AddRange(values);
                source.Append($"  public void Method{m}(HttpClient client, Dictionary<string, string> d) {{\n");
                source.Append($"    Console.WriteLine(\"{values[0]}\");\n");
                source.Append($"    var url = \"{values[1]}\"; client.DefaultRequestHeaders.Add(\"Accept\", \"{values[2]}\");\n");
                source.Append($"    d[\"{values[3]}\"] = \"{values[4]}\"; var id = \"{values[5]}\";\n");
                source.Append($"    var apiSecret = \"{values[6]}\"; _ = url + id + apiSecret;\n  }}\n");
            }

            source.Append("}\n");
            files.Add(CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest), $"File{f}.cs"));
        }

        trees = files.ToImmutableArray();
        literals = all.ToArray();
        references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    [Benchmark(Baseline = true, Description = "compile, no analyzer")]
    public int Compile() => NewCompilation().GetDiagnostics().Length;

    [Benchmark(Description = "compile + LoginPosture analyzer")]
    public int CompileAndAnalyze() =>
        NewCompilation()
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedSecretAnalyzer()))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    [Benchmark(Description = "format scan, 4,200 literals")]
    public int FormatScan()
    {
        var found = 0;
        foreach (var literal in literals)
        {
            found += CredentialFormats.Find(literal) == CredentialFormat.None ? 0 : 1;
        }

        return found;
    }

    private CSharpCompilation NewCompilation() =>
        CSharpCompilation.Create("Corpus", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
