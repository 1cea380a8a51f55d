using System.Text;
using LoginPosture.Layers;
using LoginPosture.Triage;

namespace LoginPosture.Tests.Triage;

public sealed class LogTriageTests
{
    private static readonly LogTriage Triage = new();

    private static LogTriageReport Run(string text, LogTriageOptions? options = null) =>
        new LogTriage(null, options).Triage(new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    private static LogTriageReport Run(byte[] bytes) => Triage.Triage(new MemoryStream(bytes), CancellationToken.None);

    [Fact]
    public void Empty_input_gives_an_empty_report()
    {
        foreach (var report in new[] { Run(""), Triage.Triage(new StringReader(""), CancellationToken.None), Triage.Triage([], CancellationToken.None) })
        {
            Assert.Equal(0, report.Lines);
            Assert.Empty(report.Causes);
            Assert.Null(report.Root);
            Assert.Empty(report.Timeline);
            Assert.Empty(report.Findings);
            Assert.Empty(report.Notes);
            Assert.Equal(0, report.CountAtOrAbove(Severity.Info));
        }
    }

    [Fact]
    public void Repeated_lines_fold_into_one_cause_with_count_first_and_last()
    {
        var log = string.Join('\n', Enumerable.Range(0, 500).Select(i =>
            $"2026-11-20 02:{i / 60 % 60:D2}:{i % 60:D2},000 ib_insync.wrapper ERROR Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost."));

        var report = Run(log);

        var cause = Assert.Single(report.Causes);
        Assert.Equal("platform.connectivity-lost", cause.Cause.Id);
        Assert.Equal(500, cause.Count);
        Assert.Equal((1, 500), (cause.FirstLine, cause.LastLine));
        Assert.Equal(new DateTime(2026, 11, 20, 2, 0, 0), cause.FirstSeen);
        Assert.Equal(new DateTime(2026, 11, 20, 2, 8, 19), cause.LastSeen);
        var finding = Assert.Single(report.Findings);
        Assert.StartsWith("500 lines: ", finding.Message, StringComparison.Ordinal);
        Assert.Contains("first at line 1 (2026-11-20 02:00:00), last at line 500 (2026-11-20 02:08:19)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_root_is_the_lowest_failing_layer_and_the_timeline_follows_onset()
    {
        string[] lines =
        [
            "2026-11-20 02:14:00,000 ib_insync.wrapper ERROR Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost.",
            "2026-11-20 02:14:05,000 ib_insync.wrapper INFO Error 2104, reqId -1: Market data farm connection is OK:usfarm",
            "2026-11-20 02:20:00,000|E| Login attempt rejected: Invalid username password combination.",
            "2026-11-20 02:21:00,000 ib_insync.wrapper ERROR Error 100, reqId 7: Max rate of messages per second has been exceeded:max=50 rec=51",
            "2026-11-20 02:22:00,000|E| Login attempt rejected: Invalid username password combination.",
        ];

        var report = Run(string.Join('\n', lines));

        Assert.Equal(Layer.Identity, report.Root!.Cause.Layer);
        Assert.Equal([Layer.Platform, Layer.Identity, Layer.Request], report.Timeline.Select(s => s.Layer));
        var identity = report.Timeline[1];
        Assert.Equal((3, 5, 2), (identity.FirstLine, identity.LastLine, identity.Lines));
        Assert.Equal(new DateTime(2026, 11, 20, 2, 20, 0), identity.FirstSeen);
        Assert.Equal(4, report.FailingLines);
        Assert.Equal(["Identity", "Platform", "Request"], report.Findings.Select(f => f.Layer.ToString()));
        Assert.False(report.Causes[^1].Cause.IsFailure);
    }

    [Fact]
    public void Time_only_lines_cross_midnight_onto_the_next_day()
    {
        var log = string.Join('\n',
            "23:59:58:100 JTS-EServerSocket-12: Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost.",
            "23:59:59:900 JTS-EServerSocket-12: Error 2104, reqId -1: Market data farm connection is OK:usfarm",
            "00:00:03:000 JTS-EServerSocket-12: Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost.",
            "23:59:59:000 JTS-EServerSocket-12: Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost.");

        var dated = Run(log, new LogTriageOptions { StartDate = new DateOnly(2026, 11, 20) });
        var undated = Run(log);

        var lost = dated.Causes.Single(c => c.Cause.Id == "platform.connectivity-lost");
        Assert.Equal(new DateTime(2026, 11, 20, 23, 59, 58, 100), lost.FirstSeen);
        Assert.Equal(new DateTime(2026, 11, 21, 23, 59, 59), lost.LastSeen); // the next day's 23:59:59, not a step back
        var undatedLost = undated.Causes.Single(c => c.Cause.Id == "platform.connectivity-lost");
        Assert.Equal("23:59:58", LogTriageReport.FormatTime(undatedLost.FirstSeen));
        Assert.Equal("day 2 23:59:59", LogTriageReport.FormatTime(undatedLost.LastSeen));
    }

    [Fact]
    public void A_time_only_line_takes_the_date_of_the_full_timestamp_before_it()
    {
        var log = "2026-11-20 23:59:00,000 ib_insync.client INFO Connecting\n00:01:00:000 JTS-Main: Error 1100, reqId -1: Connectivity between IB and Trader Workstation has been lost.";

        var lost = Run(log).Causes.Single(c => c.Cause.IsFailure);

        Assert.Equal(new DateTime(2026, 11, 21, 0, 1, 0), lost.FirstSeen);
    }

    [Theory]
    [InlineData("2024-05-01 09:15:02,311|I| x", "2024-05-01T09:15:02.3110000", "Unspecified")] // IBeam, python logging
    [InlineData("2024-05-01 09:15:02:311 IBC: x", "2024-05-01T09:15:02.3110000", "Unspecified")] // IBC
    [InlineData("20260423 04:15:03.635 ERROR:: x", "2026-04-23T04:15:03.6350000", "Unspecified")] // TWS API log, Lean
    [InlineData("20260423-04:15:03 x", "2026-04-23T04:15:03.0000000", "Unspecified")]
    [InlineData("2016-10-25T11:45:04.2559775Z ERROR:: x", "2016-10-25T11:45:04.2559775Z", "Utc")] // ISO-8601
    [InlineData("2025-01-07T01:41:49.123456789Z ibeam | x", "2025-01-07T01:41:49.1234567Z", "Utc")] // docker --timestamps
    [InlineData("2026-02-28T13:15:33-05:00 x", "2026-02-28T18:15:33.0000000Z", "Utc")]
    [InlineData("2026-02-28 13:15:33+0100 x", "2026-02-28T12:15:33.0000000Z", "Utc")]
    [InlineData("2024/05/01 09:15:02 x", "2024-05-01T09:15:02.0000000", "Unspecified")]
    [InlineData("[2021-10-01 00:19:28.492] x", "2021-10-01T00:19:28.4920000", "Unspecified")]
    [InlineData("1704215036067 | x", "2024-01-02T17:03:56.0670000Z", "Utc")] // epoch milliseconds
    [InlineData("ibeam  | 2023-01-25 05:11:43,917|I| x", "2023-01-25T05:11:43.9170000", "Unspecified")] // docker-compose prefix
    [InlineData("[ERROR] 2021-10-01 00:19:28.492 [TWS] x", "2021-10-01T00:19:28.4920000", "Unspecified")]
    public void Full_timestamps_are_read_in_every_format(string line, string expected, string kind)
    {
        var clock = new TriageClock(null);

        var time = clock.Read(line);

        Assert.Equal(expected, time!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(kind, time.Value.Kind.ToString());
    }

    [Theory]
    [InlineData("06:17:00:609 JTS-Main: x", "06:17:00.609")] // TWS / IB Gateway
    [InlineData("17:37:29.869 STDERR ERROR:ibapi.wrapper: x", "17:37:29.869")]
    [InlineData("3:07PM INF | IB | x", "15:07:00")]
    [InlineData("12:07 am x", "00:07:00")]
    public void Time_only_forms_are_read(string line, string expected)
    {
        Assert.Equal(LogTimestamp.Kind.TimeOnly, LogTimestamp.Find(line, out var value));
        Assert.Equal(expected, value.TimeOfDay.ToString(@"hh\:mm\:ss\.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('.'));
    }

    [Theory]
    [InlineData("354 - Requested market data is not subscribed")]
    [InlineData("Error 1100, reqId -1: lost at 2024-05-01")]
    [InlineData("2024-13-01 09:15:02 month 13")]
    [InlineData("2023-02-30 09:15:02 no such day")]
    [InlineData("25:61:00 not a time")]
    [InlineData("12345678 x")]
    [InlineData("")]
    public void Numbers_that_are_not_timestamps_give_none(string line) =>
        Assert.Null(new TriageClock(null).Read(line));

    [Fact]
    public void A_last_line_without_a_line_end_is_read()
    {
        var report = Run("2026-11-20 02:14:00,000|I| Gateway running and authenticated\n2026-11-20 02:15:00,000|E| Login attempt rejected: Invalid username password combination.");

        Assert.Equal(2, report.Lines);
        Assert.Equal("identity.invalid-credentials", report.Root!.Cause.Id);
        Assert.Equal(2, report.Root.FirstLine);
    }

    [Fact]
    public void A_last_line_cut_inside_a_character_is_counted_invalid_and_the_rest_is_read()
    {
        var bytes = Encoding.UTF8.GetBytes("2026-11-20 02:15:00,000|E| Login attempt rejected: Invalid username password combination.\n2026-11-20 02:16:00,000|I| Übertragung");
        var cut = bytes[..^1]; // the second byte of 'g' is ASCII; cut inside 'Ü' instead:
        var inside = Encoding.UTF8.GetBytes("2026-11-20 02:15:00,000|E| Login attempt rejected: Invalid username password combination.\n2026-11-20 02:16:00,000|I| \u00dc")[..^1];

        var whole = Run(cut);
        var broken = Run(inside);

        Assert.Equal((2, 0), (whole.Lines, whole.InvalidUtf8Lines));
        Assert.Equal((2, 1), (broken.Lines, broken.InvalidUtf8Lines));
        Assert.Equal(1, broken.FailingLines);
        Assert.Contains("line 2", Assert.Single(broken.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_lines_are_counted_and_skipped_never_thrown()
    {
        var good = Encoding.UTF8.GetBytes("2026-11-20 02:15:00,000|E| Login attempt rejected: Invalid username password combination.\n");
        byte[][] invalid = [[0xFF, 0x41, 0x0A], [0xC3, 0x28, 0x0A], [0xED, 0xA0, 0x80, 0x0A], [0xF8, 0x88, 0x80, 0x80, 0x80, 0x0A], [0xE2, 0x82, 0x0A]];
        var bytes = invalid.Aggregate(good, (all, line) => [.. all, .. line, .. good]);

        var report = Run(bytes);

        Assert.Equal(invalid.Length, report.InvalidUtf8Lines);
        Assert.Equal(invalid.Length + 1, report.FailingLines);
        Assert.Equal((2 * invalid.Length) + 1, report.Lines);
        Assert.Contains("not valid UTF-8 (the first is line 2)", Assert.Single(report.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_are_not_part_of_a_line()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFF2026-11-20 02:15:00,000|E| Login attempt rejected: Invalid username password combination.\r\n\r\n");

        var report = Run(bytes);

        Assert.Equal((2, 1, 0L), (report.Lines, report.BlankLines, report.InvalidUtf8Lines));
        Assert.Equal(new DateTime(2026, 11, 20, 2, 15, 0), report.Root!.FirstSeen);
        Assert.DoesNotContain('\r', report.Root.Example);
    }

    [Fact]
    public void An_over_long_line_is_cut_counted_and_memory_stays_bounded()
    {
        var longLine = "2026-11-20 02:15:00,000|E| Login attempt rejected: Invalid username password combination. " + new string('x', 3_000_000);
        var log = $"{longLine}\n{longLine}é\n2026-11-20 02:16:00,000|I| Gateway running and authenticated";
        var options = new LogTriageOptions { MaxLineLength = 200 };

        var fromStream = Run(log, options);
        var fromReader = new LogTriage(null, options).Triage(new StringReader(log), CancellationToken.None);

        foreach (var report in new[] { fromStream, fromReader })
        {
            Assert.Equal((3, 2), (report.Lines, report.TruncatedLines));
            Assert.Equal("identity.invalid-credentials", report.Root!.Cause.Id);
            Assert.Equal(2, report.Root.Count);
            Assert.True(report.Root.Example.Length <= 303, report.Root.Example.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("longer than the line limit (the first is line 1)", Assert.Single(report.Notes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_truncated_line_is_cut_at_a_character_boundary()
    {
        // 79 ASCII bytes then a two-byte character across the 80-byte limit: the cut falls before it, the line stays valid.
        var line = "2026-11-20 02:15:00,000|E| Login attempt rejected: Invalid username password ab" + "éééé";

        var report = Run(line, new LogTriageOptions { MaxLineLength = LogTriageOptions.MinLineLength });

        Assert.Equal((1, 1, 0L), (report.Lines, report.TruncatedLines, report.InvalidUtf8Lines));
    }

    [Fact]
    public void The_example_is_redacted()
    {
        var secret = string.Concat("AKIA", "QWERTYUIOP", "ASDFGH");
        var report = Run($"2026-11-20 02:15:00,000|E| Login attempt rejected: Invalid username password combination. apiKey={secret} aws {secret}");

        Assert.DoesNotContain(secret, report.Root!.Example, StringComparison.Ordinal);
        Assert.Contains(Redaction.Marker, report.Root.Example, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, report.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_entry_point_gives_the_same_report()
    {
        var lines = TriageLogs.Shapes.Lines(new Random(5), 0.1, new DateTime(2026, 11, 20, 23, 0, 0)).Take(2_000).ToArray();
        var text = string.Join('\n', lines);

        LogTriageReport[] reports =
        [
            Triage.Triage(new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None),
            await Triage.TriageAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None),
            Triage.Triage(new StringReader(text), CancellationToken.None),
            await Triage.TriageAsync(new StringReader(text), CancellationToken.None),
            Triage.Triage(lines, CancellationToken.None),
            await Triage.TriageAsync(lines.ToAsyncEnumerable(), CancellationToken.None),
        ];

        var first = Describe(reports[0]);
        Assert.True(reports[0].FailingLines > 0);
        Assert.All(reports, r => Assert.Equal(first, Describe(r)));
    }

    [Fact]
    public void The_shape_cache_gives_the_same_report_when_it_fills_up_and_starts_again()
    {
        // 30,000 lines, most of them unique (ids, long tails): the cache clears itself many times over.
        var random = new Random(17);
        int[] codes = [1100, 2104, 354, 200, 502, 326, 162, 10197, 100, 504, 2110];
        var lines = Enumerable.Range(0, 30_000).Select(i =>
            $"2026-11-20 {i / 3600 % 24:D2}:{i / 60 % 60:D2}:{i % 60:D2},{i % 1000:D3} ib_insync.wrapper ERROR Error {codes[random.Next(codes.Length)]}, reqId {random.Next(100_000)}: {new string('x', random.Next(0, 300))} order {i}");
        var text = string.Join('\n', lines);

        var cached = Triage.Triage(new StringReader(text), CancellationToken.None);
        var uncached = new LogTriage(null, new LogTriageOptions { CacheLineShapes = false }).Triage(new StringReader(text), CancellationToken.None);

        Assert.Equal(Describe(uncached), Describe(cached));
        Assert.True(cached.Causes.Count > 5);
    }

    [Fact]
    public void Allocation_does_not_grow_with_the_number_of_lines()
    {
        // The same generator and seed: the longer log repeats the shorter one's shapes ten times over. A triage
        // allocates per distinct cause (its tally and redacted example) and for its fixed buffers, never per line.
        var lines = TriageLogs.Shapes.Lines(new Random(23), 0.1, new DateTime(2026, 11, 20, 22, 0, 0)).Take(200_000).ToArray();
        var small = Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(20_000)));
        var large = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        Triage.Triage(new MemoryStream(large), CancellationToken.None); // warm up: JIT, catalog, regexes

        var before = GC.GetAllocatedBytesForCurrentThread();
        var smallReport = Triage.Triage(new MemoryStream(small), CancellationToken.None);
        var forSmall = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var largeReport = Triage.Triage(new MemoryStream(large), CancellationToken.None);
        var forLarge = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(10 * smallReport.Lines, largeReport.Lines, tolerance: 10);
        // 180,000 more lines: even 8 bytes a line would be 1.4 MB more. A few new causes may appear (each a few KB).
        Assert.True(forLarge - forSmall < 256 * 1024, $"{forSmall:N0} B for {smallReport.Lines:N0} lines, {forLarge:N0} B for {largeReport.Lines:N0} lines");
    }

    [Fact]
    public async Task Cancellation_stops_every_entry_point()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var bytes = Encoding.UTF8.GetBytes("Error 1100, reqId -1: lost\n");

        Assert.Throws<OperationCanceledException>(() => Triage.Triage(new MemoryStream(bytes), cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => Triage.Triage(new StringReader("x\n"), cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => Triage.Triage(["x"], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Triage.TriageAsync(new MemoryStream(bytes), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Triage.TriageAsync(new StringReader("x\n"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Triage.TriageAsync(new[] { "x" }.ToAsyncEnumerable(), cancelled.Token));
    }

    [Fact]
    public void Cancellation_midway_through_a_stream_stops_the_read()
    {
        using var source = new CancellationTokenSource();
        var stream = new CancellingStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Error 1100, reqId -1: lost\n", 100_000))), source);

        Assert.Throws<OperationCanceledException>(() => Triage.Triage(stream, source.Token));
        Assert.Equal(0, stream.ReadsAfterCancel);
        Assert.Equal(4096, stream.Position);
    }

    [Fact]
    public void Bad_options_and_arguments_are_refused_with_the_field_named()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LogTriage(null, new LogTriageOptions { MaxLineLength = 10 }));
        Assert.Contains("options.MaxLineLength is 10", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => Triage.Triage((Stream)null!, CancellationToken.None));
    }

    private static string Describe(LogTriageReport r) =>
        $"{r.Lines} {r.BlankLines} {r.FailingLines} {r.Root?.Cause.Id} " + string.Join(";", r.Causes.Select(c => $"{c.Cause.Id}:{c.Count}:{c.FirstLine}:{c.LastLine}:{c.FirstSeen:O}:{c.LastSeen:O}:{c.Example}"))
        + string.Join(";", r.Timeline.Select(s => $"{s.Layer}:{s.FirstLine}:{s.Lines}"));

    // Cancels its token on the first read (of 4 KB at most), and counts the reads that follow.
    private sealed class CancellingStream(byte[] bytes, CancellationTokenSource source) : MemoryStream(bytes)
    {
        public int ReadsAfterCancel { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            ReadsAfterCancel += source.IsCancellationRequested ? 1 : 0;
            source.Cancel();
            return base.Read(buffer, offset, Math.Min(count, 4096));
        }
    }
}
