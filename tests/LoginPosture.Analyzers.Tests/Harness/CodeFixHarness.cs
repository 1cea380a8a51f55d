using System.Collections.Immutable;
using LoginPosture.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LoginPosture.Analyzers.Tests.Harness;

/// <summary>Applies the code fix until no LoginPosture diagnostic is left, then checks the project compiles.</summary>
internal static class CodeFixHarness
{
    /// <summary>A stand-in for Microsoft.Extensions.Configuration.Abstractions, which is not in the test host's TPA.</summary>
    public const string ConfigurationStub =
        """
        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration { string? this[string key] { get; set; } }
        }
        """;

    public static async Task<IReadOnlyList<string>> TitlesAsync(string source, params string[] otherSources)
    {
        var document = CreateDocument(source, otherSources);
        var diagnostic = (await DiagnosticsAsync(document)).First();
        return (await ActionsAsync(document, diagnostic)).Select(a => a.Title).ToArray();
    }

    /// <summary>Fixes every diagnostic with the action whose title starts with <paramref name="titlePrefix"/>.</summary>
    public static async Task<string> FixAllAsync(string source, string titlePrefix, params string[] otherSources)
    {
        var document = CreateDocument(source, otherSources);
        for (var pass = 0; pass < 20; pass++)
        {
            var diagnostics = await DiagnosticsAsync(document);
            if (diagnostics.Length == 0)
            {
                var compilation = (await document.Project.GetCompilationAsync())!;
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
                var text = (await document.GetTextAsync()).ToString();
                Assert.True(errors.Length == 0, "Fixed code does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())) + "\n" + text);
                return text;
            }

            var actions = await ActionsAsync(document, diagnostics[0]);
            var action = actions.FirstOrDefault(a => a.Title.StartsWith(titlePrefix, StringComparison.Ordinal));
            Assert.True(action is not null, $"No '{titlePrefix}' fix for {diagnostics[0]}; offered: {string.Join(", ", actions.Select(a => a.Title))}");
            var operations = await action!.GetOperationsAsync(CancellationToken.None);
            document = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        }

        throw new InvalidOperationException("The code fix did not converge.");
    }

    private static Document CreateDocument(string source, string[] otherSources)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("Test", "Test", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(AnalyzerHarness.ParseOptions)
            .AddMetadataReferences(AnalyzerHarness.References);
        for (var i = 0; i < otherSources.Length; i++)
        {
            project = project.AddDocument($"Other{i}.cs", SourceText.From(otherSources[i])).Project;
        }

        return project.AddDocument("Test0.cs", SourceText.From(source));
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation);
        return diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath || d.Location.SourceTree?.FilePath == document.Name)
            .ToImmutableArray();
    }

    private static async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
        await new MoveSecretOutOfSourceCodeFix().RegisterCodeFixesAsync(context);
        return actions;
    }
}

/// <summary>Runs the fixer's fix-all provider over one document, the way the IDE's "Fix all in document" does.</summary>
internal static class FixAllHarness
{
    public static async Task<string> FixAllInDocumentAsync(string source, string equivalenceKey)
    {
        var project = new AdhocWorkspace().CurrentSolution
            .AddProject("Test", "Test", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(AnalyzerHarness.ParseOptions)
            .AddMetadataReferences(AnalyzerHarness.References);
        var document = project.AddDocument("Test0.cs", SourceText.From(source));
        var diagnostics = await AnalyzerHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!);
        var fixer = new MoveSecretOutOfSourceCodeFix();
        var context = new FixAllContext(document, fixer, FixAllScope.Document, equivalenceKey,
            fixer.FixableDiagnosticIds, new Provider(diagnostics), CancellationToken.None);
        var action = await fixer.GetFixAllProvider().GetFixAsync(context);
        Assert.NotNull(action);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var fixedDocument = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var text = (await fixedDocument.GetTextAsync()).ToString();
        Assert.True(errors.Length == 0, "Fixed code does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())) + "\n" + text);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(compilation));
        return text;
    }

    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
