using LoginPosture.ApiKeys;
using LoginPosture.Posture;
using LoginPosture.SecondFactors;
using LoginPosture.Tiers;

namespace LoginPosture.Tests.Architecture;

/// <summary>
/// The dependency rule of the design, checked over the compiled library: engines never reference each other (the
/// vocabulary they share lives at the root), the root references no engine, and only the composers (Posture,
/// Triage, DependencyInjection) reference several engines.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] Engines = ["Layers", "SecondFactors", "ApiKeys", "Tiers", "Otp"];
    private static readonly string[] Composers = ["Posture", "Triage", "DependencyInjection"];

    // The hosting types keep the LoginPosture namespace (so AddLoginPosture is found without another using) but
    // live in DependencyInjection/; every other type of the root namespace is the shared vocabulary.
    private static readonly string[] Hosting = ["LoginPostureOptions", "LoginPostureOptionsValidator", "LoginPostureServiceCollectionExtensions"];

    [Fact]
    public void The_library_keeps_the_dependency_rule()
    {
        var edges = LibraryEdges();
        Assert.Empty(Violations(edges));
    }

    [Fact]
    public void The_reference_reader_sees_signatures_and_method_bodies()
    {
        var edges = DependencyGraph.Edges(typeof(Finding).Assembly).Select(e => (e.From, e.To)).ToHashSet();

        // A constructor parameter, a call inside a method body, a static property read inside IL, a generic argument.
        Assert.Contains((typeof(PostureEvaluator), typeof(TierPolicy)), edges);
        Assert.Contains((typeof(ApiKeyEvaluation), typeof(ApiKeyFindings)), edges);
        Assert.Contains((typeof(SecondFactorReport), typeof(FindingOrder)), edges);
        Assert.Contains((typeof(PostureReport), typeof(ApiKeyEvaluation)), edges);
        Assert.Contains(edges, e => e.From.Name == "LoginPostureServiceCollectionExtensions" && e.To == typeof(TierPolicy));
    }

    [Fact]
    public void Every_type_of_the_library_maps_to_an_area()
    {
        var unmapped = typeof(Finding).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("LoginPosture", StringComparison.Ordinal) == true && AreaOf(t) is null)
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(unmapped);
        Assert.All(Hosting, name => Assert.NotNull(typeof(Finding).Assembly.GetType("LoginPosture." + name)));
    }

    [Fact]
    public void A_graph_that_breaks_the_rule_is_reported_edge_by_edge()
    {
        var bad = new[]
        {
            ("ApiKeys.ApiKeyEvaluator", "ApiKeys", "Tiers.TierPolicy", "Tiers"),
            ("Otp.TotpVerifier", "Otp", "SecondFactors.Authenticator", "SecondFactors"),
            ("Finding", "Root", "Layers.Diagnosis", "Layers"),
            ("Severity", "Root", "Posture.PostureReport", "Posture"),
            ("Tiers.TierPolicy", "Tiers", "Posture.PostureReport", "Posture"),
        };
        var good = new[]
        {
            ("Posture.PostureEvaluator", "Posture", "Tiers.TierPolicy", "Tiers"),
            ("Posture.PostureEvaluator", "Posture", "ApiKeys.ApiKeyEvaluator", "ApiKeys"),
            ("DependencyInjection.X", "DependencyInjection", "Posture.PostureEvaluator", "Posture"),
            ("Otp.TotpVerifier", "Otp", "Guard", "Root"),
            ("Layers.Diagnosis", "Layers", "Layers.FailureCause", "Layers"),
        };

        var violations = Violations(bad.Concat(good));

        Assert.Equal(bad.Length, violations.Count);
        Assert.All(bad, b => Assert.Contains(violations, v => v.StartsWith($"{b.Item1} ({b.Item2}) -> {b.Item3} ({b.Item4})", StringComparison.Ordinal)));
    }

    /// <summary>Every reference that breaks the rule, as "from (area) -> to (area): why".</summary>
    internal static List<string> Violations(IEnumerable<(string From, string FromArea, string To, string ToArea)> edges)
    {
        var violations = new List<string>();
        foreach (var (from, fromArea, to, toArea) in edges)
        {
            if (fromArea == toArea || toArea == "Root" || Composers.Contains(fromArea))
            {
                continue;
            }

            var why = fromArea == "Root"
                ? "the root is the shared vocabulary and references no engine or composer"
                : Engines.Contains(toArea)
                    ? "engines never reference one another; share the type through the root or compose in Posture"
                    : "an engine never references a composer";
            violations.Add($"{from} ({fromArea}) -> {to} ({toArea}): {why}");
        }

        return violations;
    }

    private static IEnumerable<(string, string, string, string)> LibraryEdges() =>
        DependencyGraph.Edges(typeof(Finding).Assembly)
            .Select(e => (From: e.From, FromArea: AreaOf(e.From), To: e.To, ToArea: AreaOf(e.To)))
            .Where(e => e.FromArea is not null && e.ToArea is not null)
            .Select(e => (Name(e.From), e.FromArea!, Name(e.To), e.ToArea!));

    // A nested or compiler-generated type belongs where its outermost declaring type does.
    private static string? AreaOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        var ns = type.Namespace;
        if (ns == "LoginPosture")
        {
            return Hosting.Contains(type.Name) ? "DependencyInjection" : "Root";
        }

        if (ns is null || !ns.StartsWith("LoginPosture.", StringComparison.Ordinal))
        {
            return null;
        }

        var area = ns["LoginPosture.".Length..];
        return Engines.Contains(area) || Composers.Contains(area) ? area : null;
    }

    private static string Name(Type type) => type.FullName!["LoginPosture.".Length..];
}
