using System.Collections.Immutable;
using LoginPosture.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LoginPosture.Analyzers.Tests.Harness;

/// <summary>
/// Compiles C# in memory against the test host's own framework assemblies (offline) and runs the analyzer.
/// Markup: [| and |] around every span that must be reported.
/// </summary>
internal static class AnalyzerHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    public static CSharpCompilation Compile(string source, string path = "Test0.cs", params string[] otherSources)
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, ParseOptions, path) };
        for (var i = 0; i < otherSources.Length; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(otherSources[i], ParseOptions, $"Other{i}.cs"));
        }

        return CSharpCompilation.Create("TestAssembly", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Runs the analyzer; fails on any analyzer exception (AD0001) and, unless allowed, on compiler errors.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, bool allowErrors = false,
        IReadOnlyDictionary<string, string>? treeOptions = null, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        if (!allowErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "Test input does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        }

        var exceptions = new List<Exception>();
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty,
            new TestOptionsProvider(treeOptions ?? new Dictionary<string, string>(), globalOptions ?? new Dictionary<string, string>()));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedSecretAnalyzer()),
            new CompilationWithAnalyzersOptions(options, (e, _, _) => exceptions.Add(e), concurrentAnalysis: false,
                logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, "Analyzer threw (AD0001): " + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>Asserts the analyzer reports <paramref name="ruleId"/> exactly on the marked spans and nothing else.</summary>
    public static async Task VerifyAsync(string markup, string? ruleId = null, IReadOnlyDictionary<string, string>? treeOptions = null,
        IReadOnlyDictionary<string, string>? globalOptions = null, string path = "Test0.cs", params string[] otherSources)
    {
        var (source, spans) = Markup.Parse(markup);
        var diagnostics = await AnalyzeAsync(Compile(source, path, otherSources), false, treeOptions, globalOptions);
        var actual = diagnostics.Where(d => d.Location.SourceTree?.FilePath == path)
            .Select(d => $"{d.Id}@{source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}").ToArray();
        var expected = spans.Select(s => $"{ruleId}@{source.Substring(s.Start, s.Length)}").ToArray();
        Assert.True(expected.SequenceEqual(actual),
            $"Expected: [{string.Join(", ", expected)}]\nActual:   [{string.Join(", ", actual)}]\nSource:\n{source}");
    }

    /// <summary>Asserts the analyzer reports nothing.</summary>
    public static Task VerifyNoneAsync(string source, IReadOnlyDictionary<string, string>? treeOptions = null,
        IReadOnlyDictionary<string, string>? globalOptions = null) => VerifyAsync(source, null, treeOptions, globalOptions);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return paths
            .Where(p => Path.GetFileName(p) is { } name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"
                    || name.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal)))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> tree, IReadOnlyDictionary<string, string> global)
        : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new TestOptions(global);

        private readonly TestOptions treeOptions = new(tree);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => treeOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => treeOptions;
    }

    private sealed class TestOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}

/// <summary>Parses [| |] markup into clean text and spans.</summary>
internal static class Markup
{
    /// <summary>The source without its [| |] marks.</summary>
    public static string Strip(string markup) => Parse(markup).Source;

    public static (string Source, List<TextSpan> Spans) Parse(string markup)
    {
        var builder = new System.Text.StringBuilder(markup.Length);
        var spans = new List<TextSpan>();
        var open = new Stack<int>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '[' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                open.Push(builder.Length);
                i++;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == ']' && open.Count > 0)
            {
                spans.Add(TextSpan.FromBounds(open.Pop(), builder.Length));
                i++;
            }
            else
            {
                builder.Append(markup[i]);
            }
        }

        Assert.True(open.Count == 0, "Unclosed [| in test markup");
        return (builder.ToString(), spans.OrderBy(s => s.Start).ToList());
    }
}
