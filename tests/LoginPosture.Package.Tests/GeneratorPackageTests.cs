namespace LoginPosture.Package.Tests;

/// <summary>
/// The generator package as a user meets it: packed beside the library into the folder feed, referenced from a fresh
/// xunit project outside the repository, and one <c>[Property]</c> over its generators run with <c>dotnet test</c>.
/// </summary>
[Collection(PackedLibraryCollection.Name)]
public sealed class GeneratorPackageTests(PackedLibraryFixture fixture)
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public void A_fresh_test_project_runs_a_property_over_the_packed_generators()
    {
        fixture.RequirePackage();
        var pack = DotnetCli.Run(fixture.RepositoryRoot, PackedLibraryFixture.PackTimeout, environment: null,
            "pack", Path.Combine(fixture.RepositoryRoot, "src", "LoginPosture.FsCheck", "LoginPosture.FsCheck.csproj"),
            "-c", fixture.Configuration, "--no-build", "-o", fixture.FeedDirectory, "-nodeReuse:false",
            "-p:NuspecOutputPath=" + Path.Combine(fixture.WorkRoot, "nuspec-fscheck") + Path.DirectorySeparatorChar);
        Assert.True(pack.Succeeded, pack.ToString());
        Assert.Single(Directory.GetFiles(fixture.FeedDirectory, "LoginPosture.FsCheck.0.1.0.nupkg"));

        var directory = ConsumerProject.CreateIsolatedDirectory(fixture, "generator-consumer");
        File.WriteAllText(Path.Combine(directory, "Consumer.Tests.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsTestProject>true</IsTestProject>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LoginPosture.FsCheck" Version="0.1.0" />
                <PackageReference Include="FsCheck.Xunit" Version="3.6.0" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
            </Project>
            """);
        // The properties hold for the library as shipped; the report must show FsCheck ran each 200 times.
        File.WriteAllText(Path.Combine(directory, "PolicyProperty.cs"), """
            using FsCheck.Xunit;
            using LoginPosture.FsCheck;
            using LoginPosture.Tiers;
            using Xunit;

            public sealed class PolicyProperty
            {
                [Property(Arbitrary = [typeof(LoginPostureArbitraries)], MaxTest = 200)]
                public bool Sms_never_allows_a_withdrawal(SessionContext session)
                {
                    var decision = new TierPolicy(new TierPolicyOptions()).Evaluate(new Operation(OperationKind.Withdrawal), session, LoginPostureArbitraries.AsOf);
                    return !decision.IsAllowed || FactorStrengths.Of(session.Factor) > FactorStrength.Weak;
                }

                [Property(Arbitrary = [typeof(LoginPostureArbitraries)], MaxTest = 200)]
                public bool Platform_json_reads_as_generated(PlatformKeyJson key) =>
                    LoginPostureArbitraries.Describe(key.Read()) == LoginPostureArbitraries.Describe(key.Expected);
            }
            """);

        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = fixture.PackagesDirectory };
        var run = DotnetCli.Run(directory, TestTimeout, environment,
            "test", Path.Combine(directory, "Consumer.Tests.csproj"), "-c", "Release", "-nodeReuse:false",
            "-p:UseSharedCompilation=false", "--logger", "console;verbosity=detailed");

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(2, run.Output.Split("Ok, passed 200 tests.").Length - 1);
        Assert.Contains("Test Run Successful.", run.Output, StringComparison.Ordinal);
    }
}
