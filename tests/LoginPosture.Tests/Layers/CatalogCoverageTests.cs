using LoginPosture.Layers;

namespace LoginPosture.Tests.Layers;

public sealed class CatalogCoverageTests
{
    private static readonly LayerClassifier Classifier = new();
    private static readonly IReadOnlyList<SignalRow> Shared = SignalRow.ReadShared();
    private static readonly IReadOnlyList<CatalogRow> Catalog = LayerCatalog.BuiltIn.Rows;

    [Fact]
    public void The_shared_file_holds_the_222_researched_signals() =>
        Assert.Equal(222, Shared.Count);

    [Fact]
    public void Every_shared_row_is_in_the_embedded_catalog_with_its_source()
    {
        var catalog = Catalog.Select(r => (r.SourceKind, r.CodeText, r.Message, r.Source)).ToHashSet();
        var missing = Shared.Where(r => !catalog.Contains((r.SourceKind, r.CodeText, r.Message, r.Source))).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_shared_row_classifies_to_its_catalog_label_and_cause()
    {
        var labels = Catalog.ToLookup(r => (r.SourceKind, r.CodeText, r.Message));
        var wrong = new List<string>();
        foreach (var row in Shared)
        {
            var expected = Assert.Single(labels[(row.SourceKind, row.CodeText, row.Message)]);
            var diagnosis = Classifier.Diagnose(row.ToSignal());
            var label = diagnosis.IsFailure ? diagnosis.Layer.ToString() : "info";
            if (label != expected.Label || diagnosis.CauseId != expected.Cause.Id || !diagnosis.IsKnown)
            {
                wrong.Add($"{row.SourceKind} {row.CodeText} '{row.Message}': expected {expected.Label}/{expected.Cause.Id}, got {label}/{diagnosis.CauseId}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Rows_added_beyond_the_shared_file_also_classify_to_their_label_and_carry_a_source()
    {
        var shared = Shared.Select(r => (r.SourceKind, r.CodeText, r.Message)).ToHashSet();
        var extras = Catalog.Where(r => !shared.Contains((r.SourceKind, r.CodeText, r.Message))).ToList();
        Assert.NotEmpty(extras);
        foreach (var row in extras)
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Source));
            var diagnosis = Classifier.Diagnose(new SignalRow(row.SourceKind, row.CodeText, row.Message, row.Source).ToSignal());
            Assert.Equal(row.Cause.Id, diagnosis.CauseId);
        }
    }

    [Fact]
    public void Every_keyword_occurs_in_its_own_row_so_no_rule_is_dead()
    {
        foreach (var row in Catalog.Where(r => r.Keyword is not null))
        {
            var text = new SignalRow(row.SourceKind, row.CodeText, row.Message, row.Source).ToSignal().Message!;
            var at = text.IndexOf(row.Keyword!, StringComparison.OrdinalIgnoreCase);
            Assert.True(at >= 0, $"'{row.Keyword}' is not in '{text}'.");
            Assert.True(at == 0 || !char.IsLetterOrDigit(text[at - 1]), $"'{row.Keyword}' does not start a word of '{text}'.");
        }
    }

    [Fact]
    public void A_code_has_one_meaning_when_its_message_names_no_keyword()
    {
        // Two key-only rows for the same code must agree, or the second would silently lose.
        var conflicts = Catalog
            .Where(r => r.Key.Kind != RuleKey.None && r.Use.Split(',').Any(u => u is "code"))
            .GroupBy(r => r.Key)
            .Where(g => g.Select(r => r.Cause.Id).Distinct().Count() > 1)
            .Select(g => g.Key.ToString())
            .ToList();
        Assert.Empty(conflicts);
    }

    [Fact]
    public void Every_catalog_cause_has_a_remediation_and_unknown_causes_exist_for_every_layer()
    {
        var causes = Classifier.Causes();
        Assert.All(causes, c => Assert.False(string.IsNullOrWhiteSpace(c.Fix)));
        Assert.All(causes, c => Assert.Equal(c.IsFailure, c.Retry != RetryAdvice.None));
        foreach (var layer in Enum.GetValues<Layer>())
        {
            Assert.Contains(causes, c => !c.IsKnown && c.Layer == layer && c.IsFailure);
        }
    }

    [Fact]
    public void Every_layer_and_informational_notices_are_represented_in_the_labels()
    {
        var labels = Catalog.Select(r => r.Label).ToHashSet();
        Assert.Superset(new HashSet<string>([.. Enum.GetNames<Layer>(), "info"]), labels);
    }
}
