using System.Text.RegularExpressions;
using LoginPosture.Posture;

namespace LoginPosture.Tests.Docs;

/// <summary>
/// Keeps the finding pages under <c>docs/findings/</c> honest: each page's example posture, read by the public parser
/// and judged by <see cref="PostureEvaluator"/>, must raise the page's finding with the severity, layer and anchor the
/// page states, and the index must list every page with the same severity and layer.
/// </summary>
public sealed partial class FindingPageTests
{
    // Every rule of every engine's findings catalog has a page.
    private static readonly FindingRule[] Rules =
    [
        .. LoginPosture.SecondFactors.SecondFactorFindings.All,
        .. LoginPosture.ApiKeys.ApiKeyFindings.All,
        .. LoginPosture.Tiers.TierFindings.All,
        .. LoginPosture.Otp.OtpFindings.All,
    ];

    private static readonly string[] ExpectedIds = [.. Rules.Select(rule => rule.Id)];

    // Used only when a snippet has no asOf; every page's snippet states one (asserted below).
    private static readonly DateTimeOffset FallbackNow = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string Folder = RepoPaths.File("docs", "findings");

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var id in ExpectedIds)
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void There_is_one_page_per_finding_id_and_no_other()
    {
        var pages = Directory.GetFiles(Folder, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != "README")
            .Order(StringComparer.Ordinal);

        Assert.Equal(ExpectedIds.Order(StringComparer.Ordinal), pages);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_page_example_raises_its_finding_with_the_stated_severity_layer_and_anchor(string id)
    {
        var page = FindingPage.Read(Folder, id);
        var snapshot = PostureSnapshot.Parse(page.ExampleJson);
        Assert.True(snapshot.AsOf is not null, $"{id}.md: the example must state asOf, so that it judges the same way on any day.");

        var report = new PostureEvaluator(new LoginPostureOptions(), new FixedClock(FallbackNow)).Evaluate(snapshot);
        var raised = AllFindings(report).Where(f => f.Id == id).ToList();

        Assert.True(raised.Count > 0, $"{id}.md: the example raises {string.Join(", ", AllFindings(report).Select(f => f.Id).Distinct())} but not {id}.");
        Assert.All(raised, f =>
        {
            Assert.Equal(page.Severity, f.Severity);
            Assert.Equal(page.Layer, f.Layer);
            Assert.Equal(page.Anchor, f.Anchor);
        });
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_page_has_every_section(string id)
    {
        var page = FindingPage.Read(Folder, id);

        var rule = Rules.Single(rule => rule.Id == id);
        Assert.StartsWith($"# {id}: {rule.Title}\n", page.Text, StringComparison.Ordinal);
        Assert.EndsWith($"/docs/findings/{id}.md", rule.HelpUri, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it finds", "## Why", "## How to fix", "## Example" })
        {
            Assert.Contains("\n" + section + "\n", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_index_lists_every_page_with_its_severity_and_layer()
    {
        var rows = IndexRow().Matches(File.ReadAllText(Path.Combine(Folder, "README.md")).ReplaceLineEndings("\n"))
            .ToDictionary(m => m.Groups["id"].Value, m => (Link: m.Groups["link"].Value, Severity: m.Groups["severity"].Value.Trim(), Layer: m.Groups["layer"].Value.Trim()));

        Assert.Equal(ExpectedIds.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var id in ExpectedIds)
        {
            var page = FindingPage.Read(Folder, id);
            var row = rows[id];
            Assert.Equal($"{id}.md", row.Link);
            Assert.Equal(page.Severity, FindingPage.HeadlineSeverity(row.Severity, $"README.md row {id}"));
            Assert.Equal(page.Layer.ToString(), row.Layer);
        }
    }

    // The one place that knows how a report exposes its findings; adapt here when the report's members are renamed.
    private static IReadOnlyList<Finding> AllFindings(PostureReport report) => report.Findings;

    // | [SF001](SF001.md) | title | High | Identity |
    [GeneratedRegex(@"^\| \[(?<id>[A-Z]{2}\d{3})\]\((?<link>[^)]+)\) \|[^|\n]+\|(?<severity>[^|\n]+)\|(?<layer>[^|\n]+)\|$", RegexOptions.Multiline)]
    private static partial Regex IndexRow();
}
