using System.Collections.Immutable;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using System.Security.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Document = Microsoft.CodeAnalysis.Document;

namespace LoginPosture.Package.Tests;

/// <summary>
/// The packed <c>analyzers/dotnet/roslyn4.8/cs</c> folder on the oldest compiler it promises: its assemblies reference
/// nothing newer than Roslyn 4.8, and, loaded by reflection next to Microsoft.CodeAnalysis 4.8.0 (this test project's
/// compiler), the analyzer reports a planted secret in a compilation and the code fix moves it out. The consumer build
/// test covers the newest compiler (the SDK's own).
/// </summary>
[Collection(PackedLibraryCollection.Name)]
public sealed class Roslyn48LoadTests(PackedLibraryFixture fixture)
{
    private const string Folder = "analyzers/dotnet/roslyn4.8/cs/";

    private static readonly Version Roslyn48 = new(4, 8, 0, 0);

    [Fact]
    public void Test_host_runs_the_roslyn_4_8_compiler()
    {
        // Guards the other tests here: were the pin moved, they would prove nothing about 4.8.
        Assert.Equal(Roslyn48, typeof(Compilation).Assembly.GetName().Version);
        Assert.Equal(Roslyn48, typeof(CodeFixProvider).Assembly.GetName().Version);
    }

    [Fact]
    public void Packed_assemblies_reference_nothing_newer_than_roslyn_4_8_and_no_mef_assembly()
    {
        var directory = Extract();
        foreach (var file in Directory.GetFiles(directory, "*.dll"))
        {
            var references = References(file);
            Assert.Contains(references, r => r.Name == "Microsoft.CodeAnalysis");
            foreach (var reference in references.Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
            {
                Assert.True(reference.Version <= Roslyn48, $"{Path.GetFileName(file)} references {reference}, newer than Roslyn 4.8.");
            }

            // System.Composition differs per host; a reference newer than the host's would keep the IDE from loading the fix.
            Assert.DoesNotContain(references, r => r.Name!.StartsWith("System.Composition", StringComparison.Ordinal));
        }

        Assert.Contains(References(Path.Combine(directory, "LoginPosture.Analyzers.CodeFixes.dll")),
            r => r.Name == "Microsoft.CodeAnalysis.Workspaces");
    }

    [Fact]
    public async Task Packed_analyzer_and_code_fix_load_and_run_on_roslyn_4_8()
    {
        var context = new PackedFolderLoadContext(Extract());
        try
        {
            var types = context.LoadPacked().SelectMany(a => a.GetTypes()).ToList();
            var analyzers = types
                .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute && attribute.Languages.Contains(LanguageNames.CSharp))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            var fixers = types
                .Where(t => t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } attribute && attribute.Languages.Contains(LanguageNames.CSharp))
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToArray();
            Assert.Equal(["LP0001", "LP0002", "LP0003"], analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Order(StringComparer.Ordinal));
            var fixer = Assert.Single(fixers);
            Assert.Equal(["LP0001", "LP0002", "LP0003"], fixer.FixableDiagnosticIds.Order(StringComparer.Ordinal));

            var secret = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40);
            var source = $$"""
                public static class Exchange
                {
                    private const string ApiSecret = "{{secret}}";
                    public static int Length => ApiSecret.Length;
                }
                """;
            var document = new AdhocWorkspace().CurrentSolution
                .AddProject("Consumer", "Consumer", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .AddMetadataReferences(PlatformReferences())
                .AddDocument("Exchange.cs", SourceText.From(source));

            var diagnostic = Assert.Single(await AnalyzeAsync(document, analyzers));
            Assert.Equal("LP0001", diagnostic.Id);
            Assert.Equal($"\"{secret}\"", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));

            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            var environment = Assert.Single(actions);
            Assert.Equal("Read 'API_SECRET' from the environment", environment.Title);

            var operations = await environment.GetOperationsAsync(CancellationToken.None);
            var fixedDocument = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
            var text = (await fixedDocument.GetTextAsync()).ToString();
            Assert.Equal(
                """
                public static class Exchange
                {
                    private static readonly string ApiSecret = System.Environment.GetEnvironmentVariable("API_SECRET") ?? throw new System.InvalidOperationException("Set the API_SECRET environment variable.");
                    public static int Length => ApiSecret.Length;
                }
                """, text);
            var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.Empty(await AnalyzeAsync(fixedDocument, analyzers));
        }
        finally
        {
            context.Unload();
        }
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (e, _, _) => exceptions.Add(e),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        return diagnostics;
    }

    private static IEnumerable<MetadataReference> PlatformReferences() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard.dll"))
            .Select(p => MetadataReference.CreateFromFile(p));

    /// <summary>Copies the packed roslyn4.8 folder out of the nupkg into a fresh scratch folder.</summary>
    private string Extract()
    {
        var directory = Directory.CreateDirectory(Path.Combine(fixture.WorkRoot, "roslyn4.8-" + Guid.NewGuid().ToString("N"))).FullName;
        using var package = ZipFile.OpenRead(fixture.RequirePackage());
        var entries = package.Entries.Where(e => e.FullName.StartsWith(Folder, StringComparison.Ordinal)).ToList();
        Assert.Equal(["LoginPosture.Analyzers.CodeFixes.dll", "LoginPosture.Analyzers.dll"], entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var entry in entries)
        {
            entry.ExtractToFile(Path.Combine(directory, entry.Name));
        }

        return directory;
    }

    private static List<AssemblyName> References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h).GetAssemblyName()).ToList();
    }

    /// <summary>
    /// Loads the packed folder in isolation, as a compiler host does: the LoginPosture assemblies from the folder,
    /// everything else (Roslyn 4.8 above all) from the host. Like the compiler's loader (CS9057), it refuses an
    /// assembly that asks for a newer version of a host assembly than the host has.
    /// </summary>
    private sealed class PackedFolderLoadContext(string directory) : AssemblyLoadContext("packed roslyn4.8", isCollectible: true)
    {
        public IReadOnlyList<Assembly> LoadPacked() =>
            Directory.GetFiles(directory, "*.dll").Order(StringComparer.Ordinal).Select(LoadFromAssemblyPath).ToList();

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var candidate = Path.Combine(directory, assemblyName.Name + ".dll");
            if (File.Exists(candidate))
            {
                return LoadFromAssemblyPath(candidate);
            }

            var host = Default.Assemblies.FirstOrDefault(a => a.GetName().Name == assemblyName.Name)?.GetName();
            if (host is not null && assemblyName.Version > host.Version)
            {
                throw new FileLoadException($"The packed analyzers ask for {assemblyName}; the host has {host.Version}.");
            }

            return null;
        }
    }
}
