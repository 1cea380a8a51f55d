using System.IO.Compression;
using System.Xml.Linq;

namespace LoginPosture.Package.Tests;

/// <summary>What the nupkg holds: the library per target framework, the analyzers once, the opt-out switch.</summary>
[Collection(PackedLibraryCollection.Name)]
public sealed class PackageContentTests(PackedLibraryFixture fixture)
{
    // One compiler-versioned folder: analyzer and code fix are both built on Roslyn 4.8, so every host from the
    // .NET 8 SDK and VS 17.8 on loads both, and older compilers load neither (no CS9057).
    private static readonly string[] AnalyzerEntries =
    [
        "analyzers/dotnet/roslyn4.8/cs/LoginPosture.Analyzers.dll",
        "analyzers/dotnet/roslyn4.8/cs/LoginPosture.Analyzers.CodeFixes.dll",
    ];

    private static readonly string[] LibraryDependencies =
    [
        "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Options",
        "Otp.NET",
    ];

    [Fact]
    public void Analyzer_and_code_fix_are_packed_once_in_the_roslyn_4_8_folder()
    {
        var entries = EntryNames();

        foreach (var expected in AnalyzerEntries)
        {
            Assert.Equal(1, entries.Count(e => e == expected));
        }

        // Nothing else of the analyzers leaks into the package (no Roslyn copies, no unversioned folder).
        Assert.Equal(AnalyzerEntries.Order(StringComparer.Ordinal),
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Analyzers", StringComparison.Ordinal));
    }

    [Fact]
    public void Library_is_packed_for_each_target_framework()
    {
        var entries = EntryNames();

        Assert.Contains("lib/net8.0/LoginPosture.dll", entries);
        Assert.Contains("lib/net10.0/LoginPosture.dll", entries);
        Assert.Contains("lib/net8.0/LoginPosture.xml", entries);
        Assert.Contains("lib/net10.0/LoginPosture.xml", entries);
    }

    [Fact]
    public void BuildTransitive_props_and_targets_carry_the_opt_out_switch()
    {
        using var package = ZipFile.OpenRead(fixture.RequirePackage());

        var targets = ReadEntry(package, "buildTransitive/LoginPosture.targets");
        var props = ReadEntry(package, "buildTransitive/LoginPosture.props");

        Assert.Contains("'$(DisableLoginPostureAnalyzers)' == 'true'", targets, StringComparison.Ordinal);
        Assert.Contains("<Analyzer Remove=", targets, StringComparison.Ordinal);
        Assert.Contains("<CompilerVisibleProperty Include=\"IsTestProject\"", props, StringComparison.Ordinal);
    }

    [Fact]
    public void Nuspec_depends_only_on_the_library_dependencies_in_every_group()
    {
        using var package = ZipFile.OpenRead(fixture.RequirePackage());
        var nuspec = XDocument.Parse(ReadEntry(package, "LoginPosture.nuspec"));
        XNamespace ns = nuspec.Root!.Name.Namespace;

        var groups = nuspec.Descendants(ns + "dependencies").Single().Elements(ns + "group").ToList();
        Assert.Equal(["net10.0", "net8.0"], groups.Select(g => (string)g.Attribute("targetFramework")!).Order(StringComparer.Ordinal));

        foreach (var group in groups)
        {
            var ids = group.Elements(ns + "dependency").Select(d => (string)d.Attribute("id")!).Order(StringComparer.Ordinal);
            Assert.Equal(LibraryDependencies, ids);
        }

        Assert.Empty(nuspec.Descendants(ns + "dependencies").Elements(ns + "dependency"));
    }

    private string[] EntryNames()
    {
        using var package = ZipFile.OpenRead(fixture.RequirePackage());
        return package.Entries.Select(e => e.FullName).ToArray();
    }

    private static string ReadEntry(ZipArchive package, string name)
    {
        var entry = package.GetEntry(name);
        Assert.True(entry is not null, $"The package has no {name}; it has: {string.Join(", ", package.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(entry!.Open());
        return reader.ReadToEnd();
    }
}
