using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Layers;
using LoginPosture.Triage;

namespace LoginPosture.Tests.Triage;

/// <summary>The aggregate of a log is exactly what classifying its lines one by one gives.</summary>
public sealed class TriagePropertyTests
{
    private static readonly LayerClassifier Classifier = new();
    private static readonly LogTriage Triage = new(Classifier, null);
    private static readonly LogTriage Uncached = new(Classifier, new LogTriageOptions { CacheLineShapes = false });

    // Lines that differ only in their numbers (code, status, timestamp) and mean different things: a cache keyed on
    // anything but the exact digits of a code or status would mix them up.
    private static readonly Gen<string> Numbered =
        from stamp in Gen.Elements("", "2026-11-20 02:14:00,123 ", "23:59:59:999 JTS-Main: ", "2026-11-20T02:14:00Z ", "ibeam  | 2026-11-20 02:14:00,123|E| ")
        from code in Gen.Elements(1100, 2104, 354, 200, 502, 326, 162, 10197, 100, 504, 2110, 0)
        from status in Gen.Elements(401, 403, 500, 503, 200, 404)
        from text in Gen.Elements("connection", "request failed", "data farm", "login")
        from form in Gen.Choose(0, 3)
        select form switch
        {
            0 => $"{stamp}Error {code}, reqId -1: {text}",
            1 => $"{stamp}HTTP {status} {text}",
            2 => $"{stamp}ERROR -1 {code} {text}",
            _ => $"{stamp}{code}:{status}:{text}",
        };

    // Noise a log can hold beside real lines: arbitrary text (made line-safe), blank and whitespace lines, codes.
    private static readonly Gen<string> Noise = Gen.OneOf(
        Numbered,
        Numbered,
        ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => LineSafe(s.Get)),
        Gen.Elements("", "   ", "\t", "Error 1100, reqId -1: lost", "12:00:00:000 ", "2026-01-01T00:00:00Z", "status 503", "|E| x"));

    // A generated log: real line shapes with fresh timestamps in every format (seeded), noise mixed in.
    private static readonly Gen<string[]> Logs =
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from count in Gen.Choose(0, 300)
        from percent in Gen.Choose(1, 60)
        from noise in Gen.ListOf(Noise)
        select Mix(seed, count, percent / 100.0, noise);

    [Property(MaxTest = 150, Replay = "(20261201,13)")]
    public Property The_aggregate_equals_line_by_line_classification() =>
        Prop.ForAll(Arb.From(Logs), lines =>
        {
            var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
            var expected = Expected(lines);

            // The shape cache also keeps where a shape's timestamp starts: the times must be those read line by line.
            var times = Uncached.Triage(new MemoryStream(bytes), CancellationToken.None).Causes.ToDictionary(c => c.Cause.Id, c => (c.FirstSeen, c.LastSeen));
            Assert.Equal(times, Triage.Triage(new MemoryStream(bytes), CancellationToken.None).Causes.ToDictionary(c => c.Cause.Id, c => (c.FirstSeen, c.LastSeen)));
            foreach (var report in new[]
            {
                Triage.Triage(new MemoryStream(bytes), CancellationToken.None),
                Uncached.Triage(new MemoryStream(bytes), CancellationToken.None),
                Triage.Triage(new StringReader(string.Join("\r\n", lines)), CancellationToken.None),
            })
            {
                // A last line that is empty leaves only the line end before it: there is no line after it.
                Assert.Equal(lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length, report.Lines);
                var actual = report.Causes.ToDictionary(c => c.Cause.Id, c => (c.Count, c.FirstLine, c.LastLine));
                Assert.Equal(expected.Causes, actual);
                Assert.Equal(expected.Failing, report.FailingLines);
                Assert.Equal(expected.Root, report.Root?.Cause.Id);
                Assert.Equal(expected.FailingCauses.Order(StringComparer.Ordinal), report.Findings.Select(f => f.Id).Order(StringComparer.Ordinal));
            }
        });

    private static (Dictionary<string, (long, long, long)> Causes, long Failing, string? Root, HashSet<string> FailingCauses) Expected(string[] lines)
    {
        var failingCauses = new HashSet<string>(StringComparer.Ordinal);
        var causes = new Dictionary<string, (long Count, long First, long Last)>();
        long failing = 0;
        (Diagnosis Diagnosis, long Line)? root = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var d = Classifier.DiagnoseLogLine(lines[i]);
            var number = i + 1;
            causes[d.CauseId] = causes.TryGetValue(d.CauseId, out var c) ? (c.Count + 1, c.First, number) : (1, number, number);
            if (d.IsFailure)
            {
                failing++;
                failingCauses.Add(d.CauseId);
                if (root is not { } r || d.Layer < r.Diagnosis.Layer || (d.Layer == r.Diagnosis.Layer && d.Severity > r.Diagnosis.Severity))
                {
                    root = (d, number);
                }
            }
        }

        return (causes, failing, root?.Diagnosis.CauseId, failingCauses);
    }

    private static string[] Mix(int seed, int count, double failureShare, List<string> noise)
    {
        var random = new Random(seed);
        var lines = TriageLogs.Shapes.Lines(random, failureShare, new DateTime(2026, 11, 20, 22, 0, 0)).Take(count).ToList();
        foreach (var extra in noise)
        {
            lines.Insert(random.Next(lines.Count + 1), extra);
        }

        return [.. lines];
    }

    // One line of text: no line breaks, no byte-order mark, no lone surrogates (UTF-8 cannot carry them).
    private static string LineSafe(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] is '\n' or '\r' or '\uFEFF' || char.IsSurrogate(chars[i]) ? '?' : chars[i];
        }

        return new string(chars);
    }
}
