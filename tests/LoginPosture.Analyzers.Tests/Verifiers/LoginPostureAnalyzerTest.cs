using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LoginPosture.Analyzers.Tests.Verifiers;

/// <summary>
/// The analyzer on Microsoft.CodeAnalysis.Testing: <c>{|LP0001:…|}</c> markup in <see cref="AnalyzerTest{TVerifier}.TestCode"/>
/// marks every span that must be reported (and nothing else may be); options go in as <c>.editorconfig</c> and global
/// analyzer config files.
/// </summary>
internal sealed class LoginPostureAnalyzerTest : CSharpAnalyzerTest<HardcodedSecretAnalyzer, DefaultVerifier>
{
    private readonly List<Diagnostic>? collected;

    public LoginPostureAnalyzerTest()
    {
        TestReferences.Apply(this);
    }

    private LoginPostureAnalyzerTest(List<Diagnostic> collected)
        : this()
    {
        this.collected = collected;
    }

    /// <summary>
    /// A run that takes whatever LoginPosture reports instead of matching markup: for erroneous code, fuzzed code
    /// and scored corpora, where the count is the result. Anything else that is reported still fails the run: AD0001
    /// above all (the driver's report of an analyzer exception) and, unless <paramref name="allowCompilerErrors"/>,
    /// compiler errors.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> CollectAsync(string source, bool allowCompilerErrors = false)
    {
        var collected = new List<Diagnostic>();
        var test = new LoginPostureAnalyzerTest(collected)
        {
            CompilerDiagnostics = allowCompilerErrors ? CompilerDiagnostics.None : CompilerDiagnostics.Errors,
            TestBehaviors = TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck,
        };
        test.TestState.Sources.Add(source);
        test.TestState.MarkupHandling = MarkupMode.None;
        await test.RunAsync();
        return collected.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>Adds a root <c>.editorconfig</c> whose <c>[*]</c> section sets <paramref name="options"/> for every file.</summary>
    public LoginPostureAnalyzerTest WithEditorConfig(params (string Key, string Value)[] options)
    {
        if (options.Length > 0)
        {
            TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + Lines(options)));
        }

        return this;
    }

    /// <summary>Adds a global analyzer config, which is how MSBuild hands <c>build_property.*</c> values to analyzers.</summary>
    public LoginPostureAnalyzerTest WithGlobalConfig(params (string Key, string Value)[] options)
    {
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + Lines(options)));
        return this;
    }

    protected override ImmutableArray<(Project project, Diagnostic diagnostic)> FilterDiagnostics(
        ImmutableArray<(Project project, Diagnostic diagnostic)> diagnostics)
    {
        if (collected is null)
        {
            return diagnostics;
        }

        var loginPosture = diagnostics.Where(d => d.diagnostic.Id.StartsWith("LP", StringComparison.Ordinal)).ToList();
        collected.AddRange(loginPosture.Select(d => d.diagnostic));
        return diagnostics.RemoveRange(loginPosture);
    }

    private static string Lines((string Key, string Value)[] options) =>
        string.Concat(options.Select(o => $"{o.Key} = {o.Value}\n"));
}

/// <summary>Runs <see cref="LoginPostureAnalyzerTest"/> with nothing but markup, the common case.</summary>
internal static class Verify
{
    /// <summary>Every <c>{|LPxxxx:…|}</c> span in <paramref name="markup"/> is reported, and nothing else.</summary>
    public static Task AnalyzerAsync(string markup) => new LoginPostureAnalyzerTest { TestCode = markup }.RunAsync();

    /// <summary>As <see cref="AnalyzerAsync(string)"/>, with more files in the same project (their spans are checked too).</summary>
    public static Task AnalyzerWithSourcesAsync(string markup, params string[] otherSources)
    {
        var test = new LoginPostureAnalyzerTest { TestCode = markup };
        foreach (var other in otherSources)
        {
            test.TestState.Sources.Add(other);
        }

        return test.RunAsync();
    }

    /// <summary>The source of <paramref name="markup"/> with its <c>{|LPxxxx:</c> and <c>|}</c> marks taken out.</summary>
    public static string WithoutMarkup(string markup) =>
        System.Text.RegularExpressions.Regex.Replace(markup, @"\{\|LP\d{4}:|\|\}", string.Empty);

    /// <summary>As <see cref="AnalyzerAsync(string)"/>, with <c>.editorconfig</c> options.</summary>
    public static Task AnalyzerAsync(string markup, params (string Key, string Value)[] editorConfig) =>
        new LoginPostureAnalyzerTest { TestCode = markup }.WithEditorConfig(editorConfig).RunAsync();
}

/// <summary>
/// What every test compiles against: the test host's own framework assemblies, read from its trusted platform
/// assembly list. Nothing is downloaded at test time, so the tests run offline and always see the same framework;
/// C# latest with nullable annotations on, as the library's users write it.
/// </summary>
internal static class TestReferences
{
    /// <summary>The framework assemblies a test compilation references.</summary>
    public static readonly ImmutableArray<MetadataReference> Platform = Load();

    /// <summary>A reference set that resolves to nothing, so no package is fetched; <see cref="Platform"/> fills it.</summary>
    private static readonly ReferenceAssemblies None = new("net10.0");

    public static void Apply<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = None;
        test.TestState.AdditionalReferences.AddRange(Platform);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution
                .WithProjectCompilationOptions(projectId,
                    ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable))
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
        });
    }

    private static ImmutableArray<MetadataReference> Load()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return paths
            .Where(p => Path.GetFileName(p) is { } name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"
                    || name.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
