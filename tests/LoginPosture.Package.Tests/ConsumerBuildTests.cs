namespace LoginPosture.Package.Tests;

/// <summary>
/// The package as a user meets it: referenced from a fresh console project through a folder feed, the analyzers
/// report the planted credentials during an ordinary build, and the MSBuild switch turns them off.
/// </summary>
[Collection(PackedLibraryCollection.Name)]
public sealed class ConsumerBuildTests(PackedLibraryFixture fixture)
{
    [Fact]
    public void Build_reports_every_planted_credential_with_the_expected_rule()
    {
        var consumer = fixture.Consumer;

        var (result, warnings) = consumer.DefaultBuild;

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(warnings.Any(w => w.Id == "CS0219"), $"The compiler warning that proves compilation ran is missing. {result}");

        // Both packed assemblies load in the command-line compiler: no load failure, no newer-compiler warning,
        // and no analyzer crash.
        foreach (var loadProblem in new[] { "CS8032", "CS8034", "CS9057", "AD0001" })
        {
            Assert.False(result.Output.Contains(loadProblem, StringComparison.Ordinal), $"The build reported {loadProblem}. {result}");
        }

        foreach (var planted in consumer.Planted)
        {
            var onLine = warnings.Where(w => w.File == "Program.cs" && w.Line == planted.Line).Select(w => w.Id).ToList();
            Assert.True(onLine.Contains(planted.RuleId),
                $"Expected {planted.RuleId} ({planted.What}) on Program.cs line {planted.Line}; got [{string.Join(", ", onLine)}]. {result}");
        }

        // Only the planted lines are flagged: the rest of the program is ordinary code.
        var plantedLines = consumer.Planted.Select(p => p.Line).ToHashSet();
        Assert.All(warnings.Where(w => w.Id.StartsWith("LP", StringComparison.Ordinal)),
            w => Assert.True(plantedLines.Contains(w.Line), $"Unexpected {w.Id} on line {w.Line}. {result}"));
    }

    [Fact]
    public void DisableLoginPostureAnalyzers_switch_silences_the_rules_but_not_the_compiler()
    {
        var consumer = fixture.Consumer;
        var (defaultResult, defaultWarnings) = consumer.DefaultBuild;
        Assert.True(defaultWarnings.Any(w => w.Id.StartsWith("LP", StringComparison.Ordinal)),
            $"Without the switch the same project must report LoginPosture rules, else silence proves nothing. {defaultResult}");

        var (result, warnings) = consumer.Build("-p:DisableLoginPostureAnalyzers=true");

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(warnings.Any(w => w.Id == "CS0219"), $"The compiler warning that proves compilation ran is missing. {result}");
        Assert.True(!warnings.Any(w => w.Id.StartsWith("LP", StringComparison.Ordinal)),
            $"LoginPosture rules still reported with the switch on. {result}");
    }
}
