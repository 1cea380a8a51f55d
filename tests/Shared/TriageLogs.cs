using System.Globalization;

namespace LoginPosture.Testing;

/// <summary>
/// Generates logs from real line shapes: the real log lines of tests/LoginPosture.Tests/Layers/Data (ibeam, IBC,
/// ib_insync, ibapi, Lean, ibind, docker...) and the catalog's real TWS messages written the way client libraries print
/// them. Lines labelled informational make up the bulk; a chosen share are failures. Each line gets a fresh timestamp
/// in one of the formats real logs use (python logging, IBeam, IBC, the TWS API log, TWS/Gateway time-only, docker
/// RFC 3339), advancing from a start time, so long logs cross midnight. Compiled into the tests and the benchmarks.
/// </summary>
internal sealed class TriageLogs
{
    private readonly string[] _informational;
    private readonly string[] _failures;

    private TriageLogs(string[] informational, string[] failures) => (_informational, _failures) = (informational, failures);

    /// <summary>The shapes, read once from the repository's data files.</summary>
    public static TriageLogs Shapes { get; } = Load();

    public int InformationalCount => _informational.Length;

    public int FailureCount => _failures.Length;

    /// <summary>Lines of a log: <paramref name="failureShare"/> of them failures, the rest informational.</summary>
    public IEnumerable<string> Lines(Random random, double failureShare, DateTime start)
    {
        var time = start;
        for (var i = 0; ; i++)
        {
            time = time.AddMilliseconds(random.Next(1, 400));
            var failure = random.NextDouble() < failureShare;
            var pool = failure ? _failures : _informational;
            var line = pool[random.Next(pool.Length)];

            // Requests carry their own ids: a failure's reqId varies from line to line, as it does in a real log.
            yield return Stamp(random, line.Replace("{reqId}", random.Next(1, 5000).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), time, failure);
        }
    }

    // A real line that starts with its own timestamp gets the new time in the same shape; any other line the
    // decoration of one of the sources, timestamped (or none).
    private static string Stamp(Random random, string message, DateTime t, bool failure)
    {
        var c = CultureInfo.InvariantCulture;
        var kind = LoginPosture.Triage.LogTimestamp.Parse(message, out _, out var length);
        if (kind != LoginPosture.Triage.LogTimestamp.Kind.None && length < 13 || (length > 13 && kind == LoginPosture.Triage.LogTimestamp.Kind.DateTime))
        {
            var digits = t.ToString(kind == LoginPosture.Triage.LogTimestamp.Kind.TimeOnly ? "HHmmssfffffff" : "yyyyMMddHHmmssfffffff", c);
            var stamped = message.ToCharArray();
            for (int i = 0, d = 0; i < length && d < digits.Length; i++)
            {
                stamped[i] = char.IsAsciiDigit(stamped[i]) ? digits[d++] : stamped[i];
            }

            return new string(stamped);
        }

        return random.Next(7) switch
        {
            0 => $"{t.ToString("yyyy-MM-dd HH:mm:ss,fff", c)}|{(failure ? 'E' : 'I')}| {message}",
            1 => $"{t.ToString("yyyy-MM-dd HH:mm:ss,fff", c)} ib_insync.wrapper {(failure ? "ERROR" : "INFO")} {message}",
            2 => $"{t.ToString("yyyy-MM-dd HH:mm:ss:fff", c)} IBC: {message}",
            3 => $"{t.ToString("yyyyMMdd HH:mm:ss.fff", c)} {message}",
            4 => $"{t.ToString("HH:mm:ss:fff", c)} JTS-EServerSocket-{random.Next(100, 300)}: {message}",
            5 => $"{t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", c)}00Z {message}",
            _ => message,
        };
    }

    private static TriageLogs Load()
    {
        List<string> informational = [], failures = [];
        foreach (var file in new[] { "real-lines-tuning.tsv", "real-lines-sealed.tsv" })
        {
            foreach (var row in Rows(file))
            {
                // id, line, layer, ...: the line verbatim, as logged.
                (row[2] == "Informational" ? informational : failures).Add(row[1]);
            }
        }

        foreach (var row in Rows("ibkr-messages.tsv"))
        {
            // source_kind, code, message: a TWS message as ib_insync prints it; codes 2100-2199 are notices (reqId -1).
            if (row[0] == "tws" && int.TryParse(row[1], CultureInfo.InvariantCulture, out var code))
            {
                var notice = code is >= 2100 and <= 2199;
                var line = $"Error {code}, reqId {(notice ? "-1" : "{reqId}")}: {row[2].TrimEnd('*')}";
                (notice ? informational : failures).Add(line);
            }
        }

        return new TriageLogs([.. informational], [.. failures]);
    }

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(RepoPaths.File("tests", "LoginPosture.Tests", "Layers", "Data", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Skip(1)
            .Select(l => l.Split('\t'));
}
