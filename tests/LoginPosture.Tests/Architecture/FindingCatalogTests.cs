using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using LoginPosture.ApiKeys;
using LoginPosture.Otp;
using LoginPosture.Posture;
using LoginPosture.SecondFactors;
using LoginPosture.Tiers;

namespace LoginPosture.Tests.Architecture;

/// <summary>
/// One rule, one place: every SF/AK/TP/OT id has one catalog entry, one detection site in the library source, one
/// documentation page and a help link in the JSON output.
/// </summary>
public sealed partial class FindingCatalogTests
{
    private static readonly (Type Catalog, string Prefix)[] Catalogs =
    [
        (typeof(SecondFactorFindings), "SF"),
        (typeof(ApiKeyFindings), "AK"),
        (typeof(TierFindings), "TP"),
        (typeof(OtpFindings), "OT"),
    ];

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var rule in AllRules())
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void Every_id_is_unique_and_well_formed()
    {
        var ids = AllRules().Select(r => r.Id).ToList();
        Assert.Equal(33, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(IdPattern(), id));
    }

    [Fact]
    public void Each_catalog_lists_every_entry_once_by_id_with_its_own_prefix()
    {
        foreach (var (catalog, prefix) in Catalogs)
        {
            var declared = Entries(catalog).ToList();
            var all = All(catalog);
            Assert.Equal(declared.Select(e => e.Rule.Id).Order(StringComparer.Ordinal), all.Select(r => r.Id));
            Assert.All(all, r => Assert.StartsWith(prefix, r.Id, StringComparison.Ordinal));
            Assert.All(all, r =>
            {
                Assert.False(string.IsNullOrWhiteSpace(r.Title));
                Assert.False(string.IsNullOrWhiteSpace(r.Anchor));
                Assert.False(string.IsNullOrWhiteSpace(r.Fix));
                Assert.True(Enum.IsDefined(r.Severity) && Enum.IsDefined(r.Layer), r.Id);
                Assert.Equal(FindingRule.HelpRoot + r.Id + ".md", r.HelpUri);
            });
        }
    }

    [Fact]
    public void Each_entry_has_exactly_one_detection_site_in_the_library_source()
    {
        var sources = Directory.GetFiles(RepoPaths.File("src", "LoginPosture"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText);
        Assert.NotEmpty(sources);

        var problems = new List<string>();
        foreach (var (catalog, _) in Catalogs)
        {
            foreach (var (name, rule) in Entries(catalog))
            {
                // A detection raises its entry by name: Catalog.Member.Raise( (whitespace and line breaks allowed).
                var raise = new Regex($@"\b{catalog.Name}\s*\.\s*{name}\s*\.\s*Raise\s*\(");
                var sites = sources.Sum(s => raise.Matches(s.Value).Count);
                if (sites != 1)
                {
                    problems.Add($"{rule.Id} ({catalog.Name}.{name}) is raised at {sites} sites");
                }

                // Detection code never spells an id: only the catalog declares it.
                var literal = new Regex($"\"{rule.Id}\"");
                var spelled = sources.Where(s => literal.IsMatch(s.Value)).Select(s => s.Key).ToList();
                if (spelled.Count != 1 || !spelled[0].EndsWith($"{catalog.Name}.cs", StringComparison.Ordinal))
                {
                    problems.Add($"\"{rule.Id}\" is spelled in {string.Join(", ", spelled)}");
                }
            }
        }

        Assert.Empty(problems);
    }

    // The pages are written on their own branch; until it is merged docs/findings does not exist and there is
    // nothing to compare. Once the folder exists, every id must have its page and every page its id.
    [Fact]
    public void Each_id_has_its_documentation_page_once_the_findings_docs_exist()
    {
        var folder = RepoPaths.File("docs", "findings");
        var missing = Directory.Exists(folder)
            ? AllRules().Where(r => !File.Exists(Path.Combine(folder, r.Id + ".md"))
                || !File.ReadAllText(Path.Combine(folder, r.Id + ".md")).Contains(r.Id, StringComparison.Ordinal)).Select(r => r.Id).ToList()
            : [];
        Assert.Empty(missing);
        var strays = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.md").Select(Path.GetFileNameWithoutExtension)
                .Where(n => IdPattern().IsMatch(n!) && AllRules().All(r => r.Id != n)).ToList()
            : [];
        Assert.Empty(strays);
    }

    [Fact]
    public void The_posture_json_carries_the_help_link_of_every_catalog_finding()
    {
        var snapshot = PostureSnapshot.Parse(File.ReadAllText(RepoPaths.File("samples", "posture.example.json")));
        var report = new PostureEvaluator().Evaluate(snapshot);
        using var json = JsonDocument.Parse(PostureReportJson.ToJson(report));

        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var catalogued = findings.Where(f => IdPattern().IsMatch(f.GetProperty("id").GetString()!)).ToList();
        Assert.Contains(catalogued, f => f.GetProperty("id").GetString()!.StartsWith("SF", StringComparison.Ordinal));
        Assert.Contains(catalogued, f => f.GetProperty("id").GetString()!.StartsWith("AK", StringComparison.Ordinal));
        Assert.Contains(catalogued, f => f.GetProperty("id").GetString()!.StartsWith("TP", StringComparison.Ordinal));
        Assert.All(catalogued, f => Assert.Equal(
            FindingRule.HelpRoot + f.GetProperty("id").GetString() + ".md",
            f.GetProperty("helpUri").GetString()));
        Assert.All(findings.Except(catalogued), f => Assert.False(f.TryGetProperty("helpUri", out _)));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_raised_finding_carries_its_entry_facts(string id)
    {
        var rule = AllRules().Single(r => r.Id == id);
        var finding = rule.Raise("message");
        Assert.Equal((rule.Id, rule.Severity, rule.Layer, rule.Fix, rule.Anchor, rule.HelpUri), (finding.Id, finding.Severity, finding.Layer, finding.Fix, finding.Anchor, finding.HelpUri));
    }

    internal static IEnumerable<FindingRule> AllRules() => Catalogs.SelectMany(c => All(c.Catalog));

    private static IReadOnlyList<FindingRule> All(Type catalog) =>
        (IReadOnlyList<FindingRule>)catalog.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static IEnumerable<(string Name, FindingRule Rule)> Entries(Type catalog) =>
        catalog.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(FindingRule))
            .Select(p => (p.Name, (FindingRule)p.GetValue(null)!));

    [GeneratedRegex(@"^(SF|AK|TP|OT)\d{3}$")]
    private static partial Regex IdPattern();
}
