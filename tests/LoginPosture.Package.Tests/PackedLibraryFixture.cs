using System.Reflection;

namespace LoginPosture.Package.Tests;

/// <summary>The package tests share one packed library (and one consumer project) per run.</summary>
[CollectionDefinition(Name)]
public sealed class PackedLibraryCollection : ICollectionFixture<PackedLibraryFixture>
{
    public const string Name = "packed LoginPosture";
}

/// <summary>
/// Packs the already-built library once per run into a temporary folder feed, and owns a per-run NuGet
/// packages folder so a LoginPosture 0.1.0 cached by an earlier run is never reused.
/// </summary>
public sealed class PackedLibraryFixture : IDisposable
{
    internal static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(3);

    public PackedLibraryFixture()
    {
        RepositoryRoot = RepoPaths.Root;
        Configuration = typeof(PackedLibraryFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        WorkRoot = Directory.CreateTempSubdirectory("loginposture-package-").FullName;
        FeedDirectory = Directory.CreateDirectory(Path.Combine(WorkRoot, "feed")).FullName;
        PackagesDirectory = Directory.CreateDirectory(Path.Combine(WorkRoot, "packages")).FullName;

        var project = Path.Combine(RepositoryRoot, "src", "LoginPosture", "LoginPosture.csproj");
        var nuspecDirectory = Path.Combine(WorkRoot, "nuspec") + Path.DirectorySeparatorChar;

        // --no-build: the solution build already produced the outputs; packing them (instead of building again)
        // keeps this test from racing the other test projects that run in parallel. The nuspec goes to the temp
        // folder so the library's obj/ is left alone.
        PackResult = DotnetCli.Run(RepositoryRoot, PackTimeout, environment: null,
            "pack", project, "-c", Configuration, "--no-build", "-o", FeedDirectory, "-nodeReuse:false",
            "-p:NuspecOutputPath=" + nuspecDirectory);

        var packages = Directory.GetFiles(FeedDirectory, "LoginPosture.*.nupkg");
        PackagePath = PackResult.Succeeded && packages.Length == 1 ? packages[0] : null;
    }

    /// <summary>The folder holding <c>LoginPosture.sln</c>.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The build configuration these tests were built in (and pack).</summary>
    public string Configuration { get; }

    /// <summary>This run's scratch folder; deleted on dispose.</summary>
    public string WorkRoot { get; }

    /// <summary>The local folder feed holding the packed nupkg.</summary>
    public string FeedDirectory { get; }

    /// <summary>The NuGet packages folder every consumer restore of this run uses.</summary>
    public string PackagesDirectory { get; }

    internal DotnetCli.Result PackResult { get; }

    /// <summary>A console project that references the packed library, created on first use.</summary>
    internal ConsumerProject Consumer => consumer ??= ConsumerProject.Create(this);

    private ConsumerProject? consumer;

    private string? PackagePath { get; }

    /// <summary>The packed nupkg, or a failure that carries the pack output.</summary>
    public string RequirePackage()
    {
        Assert.True(PackagePath is not null, $"Packing the library failed or produced no single nupkg. {PackResult}");
        return PackagePath!;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
