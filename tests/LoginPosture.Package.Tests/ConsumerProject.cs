using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace LoginPosture.Package.Tests;

/// <summary>
/// A fresh console project outside the repository that takes LoginPosture from the local folder feed, with a
/// Program.cs written at run time: a few hardcoded credentials (random bodies, so no real-format secret is ever
/// committed) on known lines, plus one ordinary compiler warning that proves the compiler ran.
/// </summary>
internal sealed partial class ConsumerProject
{
    internal static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly PackedLibraryFixture fixture;

    private ConsumerProject(PackedLibraryFixture fixture, string directory, IReadOnlyList<PlantedSecret> planted, IReadOnlyList<string> secretValues)
    {
        this.fixture = fixture;
        Directory = directory;
        Planted = planted;
        SecretValues = secretValues;
    }

    /// <summary>The consumer's folder.</summary>
    public string Directory { get; }

    /// <summary>The credential lines written into Program.cs and the rule expected to flag each.</summary>
    public IReadOnlyList<PlantedSecret> Planted { get; }

    /// <summary>The credential values written into Program.cs (generated per run); no log or message may repeat them.</summary>
    public IReadOnlyList<string> SecretValues { get; }

    /// <summary>A line in Program.cs that holds a credential, and the rule that must report it.</summary>
    internal sealed record PlantedSecret(int Line, string RuleId, string What);

    /// <summary>One compiler warning as MSBuild prints it.</summary>
    internal sealed record Warning(string File, int Line, string Id);

    /// <summary>
    /// Creates a folder under the fixture's work root for a fresh project that sees only what NuGet brings: empty
    /// Directory.Build.* / Directory.Packages.props stop MSBuild from walking up into whatever encloses the temp
    /// folder, and the local feed is added to (not substituted for) the configured sources, so the packages' own
    /// dependencies still restore from the usual upstream.
    /// </summary>
    internal static string CreateIsolatedDirectory(PackedLibraryFixture fixture, string name)
    {
        var directory = System.IO.Directory.CreateDirectory(Path.Combine(fixture.WorkRoot, name)).FullName;
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="loginposture-local" value="{fixture.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        return directory;
    }

    public static ConsumerProject Create(PackedLibraryFixture fixture)
    {
        fixture.RequirePackage();
        var directory = CreateIsolatedDirectory(fixture, "consumer");

        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LoginPosture" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);

        var (source, planted, secretValues) = WriteProgram();
        File.WriteAllText(Path.Combine(directory, "Program.cs"), source);
        return new ConsumerProject(fixture, directory, planted, secretValues);
    }

    /// <summary>The build with default settings (analyzers on), run once and shared by the tests.</summary>
    public (DotnetCli.Result Result, IReadOnlyList<Warning> Warnings) DefaultBuild => defaultBuild ??= Build();

    private (DotnetCli.Result Result, IReadOnlyList<Warning> Warnings)? defaultBuild;

    /// <summary>Builds from scratch (restore included) and returns the output and the warnings it printed.</summary>
    public (DotnetCli.Result Result, IReadOnlyList<Warning> Warnings) Build(params string[] extraArguments)
    {
        string[] arguments =
        [
            "build", Path.Combine(Directory, "Consumer.csproj"), "-c", "Release", "--no-incremental",
            "-nodeReuse:false", "-p:UseSharedCompilation=false", .. extraArguments,
        ];
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = fixture.PackagesDirectory };
        var result = DotnetCli.Run(Directory, BuildTimeout, environment, arguments);

        var warnings = WarningLine().Matches(result.Output)
            .Select(m => new Warning(Path.GetFileName(m.Groups["file"].Value), int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["id"].Value))
            .Distinct()
            .ToList();
        return (result, warnings);
    }

    private static (string Source, IReadOnlyList<PlantedSecret> Planted, IReadOnlyList<string> SecretValues) WriteProgram()
    {
        // Assembled from pieces at run time; the prefixes alone are not credentials.
        var binanceSecret = Random(Alphanumeric, 64);
        var githubToken = "gh" + "p_" + Random(Alphanumeric, 36);
        var headerKey = Random(Alphanumeric, 64);
        var password = Random(Alphanumeric, 14);

        // "// expect LPxxxx: what" marks a planted line; the marker is read back below to learn its line number.
        var source = $$"""
            using System.Net;
            using System.Net.Http;

            namespace Consumer;

            internal static class Program
            {
                private static void Main()
                {
                    int compilerRan = 0; // CS0219: shows that the compiler ran and its warnings are printed
                    using var client = new HttpClient();
                    client.DefaultRequestHeaders.Add("X-MBX-APIKEY", "{{headerKey}}"); // expect LP0003: API key header value
                    var credential = new NetworkCredential("trader01", "{{password}}"); // expect LP0003: NetworkCredential password
                    Console.WriteLine(credential.UserName + Keys.BinanceApiSecret.Length + Keys.ReleaseFeed.Length);
                }
            }

            internal static class Keys
            {
                internal const string BinanceApiSecret = "{{binanceSecret}}"; // expect LP0001: secret-named constant
                internal const string ReleaseFeed = "{{githubToken}}"; // expect LP0002: GitHub token in a neutral name
            }

            """;

        var planted = source.Split('\n')
            .Select((line, index) => (Marker: ExpectMarker().Match(line), Line: index + 1))
            .Where(x => x.Marker.Success)
            .Select(x => new PlantedSecret(x.Line, x.Marker.Groups["id"].Value, x.Marker.Groups["what"].Value))
            .ToList();
        return (source, planted, [binanceSecret, githubToken, headerKey, password]);
    }

    private static string Random(string alphabet, int length) => RandomNumberGenerator.GetString(alphabet, length);

    [GeneratedRegex(@"// expect (?<id>LP\d{4}): (?<what>.+)$")]
    private static partial Regex ExpectMarker();

    [GeneratedRegex(@"(?<file>[^\s\\/(]+\.cs)\((?<line>\d+),\d+\): warning (?<id>[A-Z]+\d+):")]
    private static partial Regex WarningLine();
}
