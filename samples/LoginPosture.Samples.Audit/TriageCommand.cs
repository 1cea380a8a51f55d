using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using LoginPosture.Triage;

namespace LoginPosture.Samples.Audit;

/// <summary>
/// <c>loginposture-audit triage &lt;log | -&gt; [--json] [--fail-on severity]</c>: streams a log (a file, or standard
/// input for <c>-</c>; gzip recognised by its magic bytes) through <see cref="LogTriage"/> and prints one row per
/// distinct cause. Exit codes are the audit's: 0, 1 for --fail-on, 2 usage, 3 unreadable input.
/// </summary>
internal static class TriageCommand
{
    public const string Usage = "usage: loginposture-audit triage <log file | -> [--json] [--fail-on Info|Low|Medium|High|Critical]";

    // Progress appears only on a terminal and only once a run has taken this long.
    private static readonly TimeSpan ProgressAfter = TimeSpan.FromSeconds(2);

    public static int Run(string[] args, Func<int, string, int> fail)
    {
        if (AuditArguments.Parse(args, 1, Usage, "log", allowStdin: true, fail, out var exit) is not { } arguments)
        {
            return exit;
        }

        var (path, json, failOn) = arguments;
        var name = path == "-" ? "(standard input)" : path;
        LogTriageReport report;
        try
        {
            using var raw = path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var counted = new CountingStream(raw);
            using var input = GzipAware.Open(counted);
            using var progress = Progress(counted, path == "-" ? null : raw.Length);
            report = new LogTriage().Triage(input, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or InvalidDataException)
        {
            var reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                InvalidDataException => $"it starts like gzip but is not a valid gzip stream: {e.Message}",
                _ => e.Message,
            };
            return fail(ExitCodes.FileUnreadable, $"{name}: cannot read the log ({reason}); pass a log file, a .gz of one, or - for standard input.");
        }

        Console.Write(json ? TriageJson.ToJson(report, name) + Environment.NewLine : TriageTable.Render(report, name));
        if (failOn is { } gate && report.CountAtOrAbove(gate) is var count and > 0)
        {
            Console.Error.WriteLine($"{count} finding(s) at or above {gate}: failing as --fail-on {gate} asks.");
            return ExitCodes.FindingsAtOrAbove;
        }

        return ExitCodes.Ok;
    }

    // "read 312 MB of 1024 MB (96 MB/s)" on stderr every half second, once the run is past ProgressAfter, and only when
    // stderr is a terminal: a redirected stderr (CI logs, tests) gets no carriage-return noise.
    private static IDisposable? Progress(CountingStream counted, long? total)
    {
        if (Console.IsErrorRedirected)
        {
            return null;
        }

        var watch = Stopwatch.StartNew();
        var shown = false;
        var timer = new Timer(_ =>
        {
            if (watch.Elapsed < ProgressAfter)
            {
                return;
            }

            var mb = counted.BytesRead / 1048576.0;
            var of = total is { } t ? string.Create(CultureInfo.InvariantCulture, $" of {t / 1048576.0:F0} MB") : "";
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rtriage: read {mb:F0} MB{of} ({mb / watch.Elapsed.TotalSeconds:F0} MB/s)   "));
            shown = true;
        }, null, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));
        return new Finish(() =>
        {
            timer.Dispose();
            if (shown)
            {
                Console.Error.Write("\r" + new string(' ', 60) + "\r");
            }
        });
    }

    private sealed class Finish(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

/// <summary>Opens a stream as gzip when its first two bytes are gzip's magic (1F 8B), as plain bytes otherwise; works on pipes too.</summary>
internal static class GzipAware
{
    public static Stream Open(Stream raw)
    {
        var magic = new byte[2];
        var read = 0;
        while (read < 2 && raw.Read(magic, read, 2 - read) is var n and > 0)
        {
            read += n;
        }

        var whole = new PrefixedStream(magic.AsMemory(0, read), raw);
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GZipStream(whole, CompressionMode.Decompress) : whole;
    }

    // The bytes already read, then the rest of the stream.
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Passes reads through and counts the bytes, for the progress line.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    private long _bytesRead;

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Interlocked.Add(ref _bytesRead, n);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
