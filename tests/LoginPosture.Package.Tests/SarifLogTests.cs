using System.Text.Json;

namespace LoginPosture.Package.Tests;

/// <summary>
/// The consumer build with the compiler's SARIF error log on (<c>-p:ErrorLog=path,version=2.1</c>), as a CI
/// security scan would run it: a SARIF 2.1.0 log with a result for every planted credential, each rule described
/// with its help page, and no message or other text in the log that repeats a credential value.
/// </summary>
[Collection(PackedLibraryCollection.Name)]
public sealed class SarifLogTests(PackedLibraryFixture fixture)
{
    [Fact]
    public void ErrorLog_holds_sarif_2_1_results_with_help_links_and_never_the_secret_values()
    {
        var consumer = fixture.Consumer;
        var logPath = Path.Combine(fixture.WorkRoot, "consumer.sarif");

        // MSBuild splits -p values at commas, so the comma before version=2.1 is written escaped (%2C).
        var (result, _) = consumer.Build($"-p:ErrorLog={logPath}%2Cversion=2.1");

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(File.Exists(logPath), $"No SARIF log at {logPath}. {result}");
        var text = File.ReadAllText(logPath);
        using var log = JsonDocument.Parse(text);
        var root = log.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);

        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("id").GetString()!.StartsWith("LP", StringComparison.Ordinal))
            .ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(["LP0001", "LP0002", "LP0003"], rules.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, rule) in rules)
        {
            Assert.Equal($"https://github.com/loginposture/loginposture/blob/main/docs/rules/{id}.md", rule.GetProperty("helpUri").GetString());
            Assert.Equal("Security", rule.GetProperty("properties").GetProperty("category").GetString());
        }

        var results = run.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("LP", StringComparison.Ordinal))
            .Select(r => (
                RuleId: r.GetProperty("ruleId").GetString()!,
                Level: r.GetProperty("level").GetString(),
                Message: r.GetProperty("message").GetProperty("text").GetString()!,
                File: Path.GetFileName(new Uri(r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath),
                Line: r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))
            .ToList();

        // One result per planted credential, on its line, with its rule, at warning level.
        Assert.Equal(
            consumer.Planted.Select(p => $"{p.RuleId}@Program.cs:{p.Line}").Order(StringComparer.Ordinal),
            results.Select(r => $"{r.RuleId}@{r.File}:{r.Line}").Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.Equal("warning", r.Level));
        Assert.All(results, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));

        // The messages name the target or the format, never the value; nor does anything else in the log.
        foreach (var secret in consumer.SecretValues)
        {
            Assert.All(results, r => Assert.DoesNotContain(secret, r.Message, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
