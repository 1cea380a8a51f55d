using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Layers;

namespace LoginPosture.Tests.Layers;

public sealed class LayerPropertyTests
{
    private static readonly LayerClassifier Classifier = new();
    // Fixed seeds keep every run of the suite reproducible; 500 cases per property reach the generators' edge cases.
    private const int Cases = 500;
    private static readonly CatalogRow[] Rows = [.. LayerCatalog.BuiltIn.Rows];

    private static readonly SignalSource[] Sources = Enum.GetValues<SignalSource>();

    private static readonly string[] Fragments =
    [
        .. Rows.Select(r => r.Keyword).OfType<string>().Distinct(),
        "Error 354, reqId 3: ", "ERROR -1 ", "Code: ", "HTTP 401 ", "status 503", "Warning 2104, reqId -1: ",
        ":usfarm.nj", "<br>", "{\"authenticated\":false}", "ſecurity", "İ", "\u0000", "\uD800", "-", "999999999", " ",
    ];

    // Anything a caller might pass: random text (null included), catalog keywords mixed with noise, any numbers.
    private static readonly Gen<string?> AnyText = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => (string?)s),
        Gen.ListOf(Gen.OneOf(Gen.Elements(Fragments), ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get)))
            .Select(parts => (string?)string.Concat(parts)));

    private static readonly Gen<int?> AnyNumber = Gen.OneOf(
        Gen.Constant<int?>(null),
        ArbMap.Default.GeneratorFor<int>().Select(i => (int?)i),
        Gen.Elements(Rows.Where(r => r.Key.Kind != RuleKey.None).Select(r => (int?)r.Key.Value).ToArray()),
        Gen.Elements<int?>(int.MinValue, -1, 0, 99, 100, 599, 600, 2099, 2100, 2199, 2200, int.MaxValue));

    private static readonly Gen<FailureSignal> AnySignal =
        from source in Gen.Elements(Sources)
        from code in AnyNumber
        from message in AnyText
        from status in AnyNumber
        select new FailureSignal(source, code, message, status);

    private static readonly Gen<CatalogRow> AnyRow = Gen.Elements(Rows);

    private static readonly Gen<string> Prefix = Gen.OneOf(
        Gen.Elements("", " ", "  \t", "[ERROR] ", "ib_insync.wrapper - ", "IBC: ", ">>> ", "\n"),
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from ms in Gen.Choose(0, 999)
        from level in Gen.Elements("|E| ", "|I| ", " INFO ", " ERROR ")
        select $"2024-{month:00}-{day:00} 09:15:02,{ms:000}{level}");

    private static readonly Gen<string> Suffix =
        Gen.Elements("", " ", "\r\n", ":usfarm.nj", ":usfarm", ".", " (reqId 17)", ", contract: Stock(symbol='AAPL')", "\t ");

    private static readonly Gen<Func<string, string>> Casing =
        Gen.Elements<Func<string, string>>(s => s, s => s.ToUpperInvariant(), s => s.ToLowerInvariant());

    [Property(MaxTest = Cases, Replay = "(20261201,3)")]
    public Property Any_signal_classifies_without_throwing_and_deterministically()
    {
        var other = new LayerClassifier();
        return Prop.ForAll(Arb.From(AnySignal), signal =>
        {
            var first = Classifier.Diagnose(signal);
            Assert.Equal(first, Classifier.Diagnose(signal));
            Assert.Equal(first, other.Diagnose(signal));
            Assert.True(Enum.IsDefined(first.Layer));
            Assert.Equal(first.IsFailure, first.Retry != RetryAdvice.None);
            Assert.False(string.IsNullOrWhiteSpace(first.Fix));
            Assert.False(string.IsNullOrWhiteSpace(first.Anchor));
            Assert.Equal(first.Match == SignalMatch.Inferred, first.Confidence == DiagnosisConfidence.Low);
        });
    }

    [Property(MaxTest = Cases, Replay = "(20261201,5)")]
    public Property Any_log_line_or_portal_body_parses_without_throwing_and_deterministically() =>
        Prop.ForAll(Arb.From(AnyText), text =>
        {
            var line = FailureSignal.FromLogLine(text);
            Assert.Equal(line, FailureSignal.FromLogLine(text));
            Assert.True(line.Code is null or >= 0 and <= 999_999);
            Assert.True(line.HttpStatus is null or >= 100 and <= 599);
            Assert.Equal(Classifier.Diagnose(line), Classifier.DiagnoseLogLine(text));
            var portal = FailureSignal.FromClientPortalStatus(text);
            Assert.Equal(portal, FailureSignal.FromClientPortalStatus(text));
            Assert.All(portal, s => Assert.Equal(SignalSource.ClientPortal, s.Source));
        });

    [Property(MaxTest = Cases, Replay = "(20261201,7)")]
    public Property Decoration_around_a_known_message_never_changes_its_diagnosis()
    {
        var gen =
            from row in AnyRow
            from prefix in Prefix
            from suffix in Suffix
            from casing in Casing
            select (row, prefix, suffix, casing);

        return Prop.ForAll(Arb.From(gen), t =>
        {
            var plain = ToSignal(t.row);
            var decorated = plain with { Message = t.casing(t.prefix + plain.Message + t.suffix) };
            var expected = Classifier.Diagnose(plain);
            var actual = Classifier.Diagnose(decorated);
            Assert.Equal(t.row.Cause.Id, expected.CauseId);
            Assert.Equal((expected.Layer, expected.IsFailure, expected.CauseId), (actual.Layer, actual.IsFailure, actual.CauseId));
        });
    }

    [Property(MaxTest = Cases, Replay = "(20261201,9)")]
    public Property A_known_message_written_as_a_log_line_keeps_its_layer()
    {
        var gen =
            from row in AnyRow
            from prefix in Prefix
            from suffix in Suffix
            from casing in Casing
            from reqId in Gen.Choose(-1, 5000)
            select (row, prefix, suffix, casing, reqId);

        return Prop.ForAll(Arb.From(gen), t =>
        {
            var plain = ToSignal(t.row);
            var body = t.row.Key.Kind switch
            {
                RuleKey.Code => $"Error {t.row.Key.Value}, reqId {t.reqId}: {plain.Message}",
                RuleKey.HttpStatus => $"HTTP {t.row.Key.Value} {plain.Message}",
                _ => plain.Message,
            };
            var line = FailureSignal.FromLogLine(t.casing(t.prefix + body + t.suffix));
            var expected = Classifier.Diagnose(plain);
            var actual = Classifier.Diagnose(line);
            Assert.Equal((expected.Layer, expected.IsFailure), (actual.Layer, actual.IsFailure));
        });
    }

    [Property(MaxTest = Cases, Replay = "(20261201,11)")]
    public Property The_batch_root_is_never_above_any_failing_signal()
    {
        var signals = Gen.OneOf(AnySignal, AnyRow.Select(ToSignal));
        var batches = Gen.OneOf(Gen.Constant(Array.Empty<FailureSignal>()), Gen.ArrayOf(signals), Gen.ArrayOf(signals, 64));
        return Prop.ForAll(Arb.From(batches), batch =>
        {
            var report = Classifier.Diagnose(batch);
            var failing = batch.Select(s => Classifier.Diagnose(s)).Where(d => d.IsFailure).ToList();
            Assert.Equal(batch.Length, report.Diagnoses.Count);
            Assert.Equal(failing.Count > 0, report.HasFailure);
            Assert.Equal(report.HasFailure, Classifier.TryFindRoot(batch, out var root));
            if (report.Root is { } reportRoot)
            {
                Assert.All(failing, d => Assert.True(reportRoot.Layer <= d.Layer));
                Assert.Equal(reportRoot, root);
            }

            // Bottom-up order: failures first with non-decreasing layers, then the informational notices.
            var ordered = report.Diagnoses;
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(LayerReport.Compare(ordered[i - 1], ordered[i]) <= 0);
            }
        });
    }

    [Property(MaxTest = Cases, Replay = "(20261201,13)")]
    public Property The_root_layer_ignores_the_order_of_the_signals()
    {
        var gen =
            from batch in Gen.NonEmptyListOf(AnyRow.Select(ToSignal))
            from shuffled in Gen.Shuffle((IEnumerable<FailureSignal>)batch)
            select (batch: batch.ToArray(), shuffled);

        return Prop.ForAll(Arb.From(gen), t =>
            Assert.Equal(
                Classifier.Diagnose(t.batch).Root?.Layer,
                Classifier.Diagnose(t.shuffled).Root?.Layer));
    }

    [Property(MaxTest = Cases, Replay = "(20261201,15)")]
    public Property The_vectorised_keyword_search_agrees_with_the_plain_scan()
    {
        var gen =
            from source in Gen.Elements(Sources)
            from text in AnyText
            select (source, text);

        return Prop.ForAll(Arb.From(gen), t =>
            Assert.Same(Classifier.Keywords.Scan(t.text, t.source), Classifier.Keywords.Find(t.text, t.source)));
    }

    private static FailureSignal ToSignal(CatalogRow row) => new SignalRow(row.SourceKind, row.CodeText, row.Message, row.Source).ToSignal();
}
