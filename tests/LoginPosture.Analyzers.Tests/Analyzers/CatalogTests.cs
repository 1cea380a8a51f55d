using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>The descriptor catalog, help pages and release tracking stay in step.</summary>
public sealed class CatalogTests
{
    private static readonly string RepoRoot = RepoPaths.Root;

    [Fact]
    public void Rule_ids_are_stable()
    {
        Assert.Equal(new[] { "LP0001", "LP0002", "LP0003" }, Descriptors.All.Select(d => d.Id).ToArray());
        Assert.Equal("LP0001", RuleIds.SecretNamedTarget);
        Assert.Equal("LP0002", RuleIds.KnownCredentialFormat);
        Assert.Equal("LP0003", RuleIds.CredentialSink);
    }

    [Fact]
    public void Every_descriptor_is_a_security_warning_enabled_by_default_with_a_help_page()
    {
        foreach (var descriptor in Descriptors.All)
        {
            Assert.Equal("Security", descriptor.Category);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.EndsWith($"docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            var page = Path.Combine(RepoRoot, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"Missing help page {page}");
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", File.ReadAllText(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Release_tracking_lists_every_rule()
    {
        var unshipped = File.ReadAllText(Path.Combine(RepoRoot, "src", "LoginPosture.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var shipped = File.ReadAllText(Path.Combine(RepoRoot, "src", "LoginPosture.Analyzers", "AnalyzerReleases.Shipped.md"));
        foreach (var descriptor in Descriptors.All)
        {
            Assert.True(unshipped.Contains($"{descriptor.Id} | Security | Warning", StringComparison.Ordinal)
                || shipped.Contains($"{descriptor.Id} | Security | Warning", StringComparison.Ordinal), descriptor.Id);
        }
    }

    [Fact]
    public void Every_exported_analyzer_only_reports_catalog_descriptors()
    {
        var analyzers = typeof(HardcodedSecretAnalyzer).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToArray();
        Assert.NotEmpty(analyzers);
        Assert.All(analyzers.SelectMany(a => a.SupportedDiagnostics), d => Assert.Contains(d, Descriptors.All));
    }
}
