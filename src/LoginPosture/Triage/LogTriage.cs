using System.Buffers;
using LoginPosture.Layers;

namespace LoginPosture.Triage;

/// <summary>
/// Streams a log (TWS, IB Gateway, IBC, IBeam, a client library's output, docker logs) through the layer classifier
/// and folds it by cause: how many lines each cause explains, when it was first and last seen, a redacted example, the
/// root cause bottom-up and the timeline of failing layers. Memory stays constant in the input's size: lines are
/// classified in a reused buffer, a line longer than <see cref="LogTriageOptions.MaxLineLength"/> is cut, and only
/// the first line of each distinct cause is kept. Each line gets exactly the diagnosis
/// <see cref="LayerClassifier.DiagnoseLogLine(string?)"/> gives it; blank lines are counted, not classified.
/// Immutable and safe to use from many threads; every call reads its own input.
/// </summary>
/// <remarks>
/// A <c>System.IO.Pipelines.PipeReader</c> is read through its <c>AsStream()</c>: the package ships in the shared
/// framework from .NET 10 only, and this library also targets .NET 8 without it.
/// </remarks>
public sealed class LogTriage
{
    private const int BlockSize = 64 * 1024;

    // How many lines of a sequence are read between two looks at the cancellation token.
    private const int LinesPerCheck = 1024;

    private readonly LayerClassifier _classifier;
    private readonly int _maxLineLength;
    private readonly DateOnly? _startDate;
    private readonly bool _cacheShapes;

    /// <summary>Creates a triage over a classifier.</summary>
    /// <param name="classifier">The classifier, with any configured rules; null for the built-in catalog.</param>
    /// <param name="options">The settings; null for the defaults. Read once here.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="LogTriageOptions.MaxLineLength"/> is out of range.</exception>
    public LogTriage(LayerClassifier? classifier = null, LogTriageOptions? options = null)
    {
        options ??= new LogTriageOptions();
        options.Validate();
        _classifier = classifier ?? new LayerClassifier();
        _maxLineLength = options.MaxLineLength;
        _startDate = options.StartDate;
        _cacheShapes = options.CacheLineShapes && VerdictCache.IsSafe(_classifier.KeywordTexts);
    }

    /// <summary>Reads a UTF-8 stream to its end (a leading byte-order mark is skipped; a line that is not valid UTF-8 is counted and skipped).</summary>
    /// <param name="stream">The log; read, not disposed.</param>
    /// <param name="cancellationToken">Checked before every block read.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public LogTriageReport Triage(Stream stream, CancellationToken cancellationToken)
    {
        Guard.NotNull(stream);
        var sink = Accumulator();
        Drain(new Utf8LineSplitter(sink, _maxLineLength), stream.Read, cancellationToken);
        return sink.Build();
    }

    /// <inheritdoc cref="Triage(Stream, CancellationToken)"/>
    public async Task<LogTriageReport> TriageAsync(Stream stream, CancellationToken cancellationToken)
    {
        Guard.NotNull(stream);
        var sink = Accumulator();
        await DrainAsync(new Utf8LineSplitter(sink, _maxLineLength), stream.ReadAsync, cancellationToken).ConfigureAwait(false);
        return sink.Build();
    }

    /// <summary>Reads text to its end; the reader has already decoded it, so no line is invalid.</summary>
    /// <param name="reader">The log; read, not disposed.</param>
    /// <param name="cancellationToken">Checked before every block read.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public LogTriageReport Triage(TextReader reader, CancellationToken cancellationToken)
    {
        Guard.NotNull(reader);
        var sink = Accumulator();
        Drain(new CharLineSplitter(sink, _maxLineLength), reader.Read, cancellationToken);
        return sink.Build();
    }

    /// <inheritdoc cref="Triage(TextReader, CancellationToken)"/>
    public async Task<LogTriageReport> TriageAsync(TextReader reader, CancellationToken cancellationToken)
    {
        Guard.NotNull(reader);
        var sink = Accumulator();
        await DrainAsync(new CharLineSplitter(sink, _maxLineLength), reader.ReadAsync, cancellationToken).ConfigureAwait(false);
        return sink.Build();
    }

    /// <summary>Reads a sequence of lines, one string per line (a null is a blank line).</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="cancellationToken">Passed to the sequence and checked every 1024 lines.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<LogTriageReport> TriageAsync(IAsyncEnumerable<string?> lines, CancellationToken cancellationToken)
    {
        Guard.NotNull(lines);
        var sink = Accumulator();
        var splitter = new CharLineSplitter(sink, _maxLineLength);
        var count = 0;
        await foreach (var line in lines.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (++count % LinesPerCheck == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            splitter.Line(line);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return sink.Build();
    }

    /// <summary>Reads a sequence of lines, one string per line (a null is a blank line).</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="cancellationToken">Checked every 1024 lines.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public LogTriageReport Triage(IEnumerable<string?> lines, CancellationToken cancellationToken)
    {
        Guard.NotNull(lines);
        var sink = Accumulator();
        var splitter = new CharLineSplitter(sink, _maxLineLength);
        var count = 0;
        foreach (var line in lines)
        {
            if (++count % LinesPerCheck == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            splitter.Line(line);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return sink.Build();
    }

    private TriageAccumulator Accumulator() => new(_classifier, _startDate, _cacheShapes);

    // Reads blocks into one pooled buffer until the input ends, cutting them into lines as they come.
    private static void Drain<T>(LineSplitter<T> splitter, Func<T[], int, int, int> read, CancellationToken cancellationToken)
        where T : unmanaged, IEquatable<T>
    {
        var block = ArrayPool<T>.Shared.Rent(BlockSize);
        try
        {
            int count;
            while (!cancellationToken.IsCancellationRequested && (count = read(block, 0, BlockSize)) > 0)
            {
                splitter.Push(block.AsSpan(0, count));
            }

            cancellationToken.ThrowIfCancellationRequested();
            splitter.Complete();
        }
        finally
        {
            ArrayPool<T>.Shared.Return(block);
        }
    }

    private static async Task DrainAsync<T>(LineSplitter<T> splitter, Func<Memory<T>, CancellationToken, ValueTask<int>> read, CancellationToken cancellationToken)
        where T : unmanaged, IEquatable<T>
    {
        var block = ArrayPool<T>.Shared.Rent(BlockSize);
        try
        {
            int count;
            while ((count = await read(block.AsMemory(0, BlockSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                splitter.Push(block.AsSpan(0, count));
            }

            cancellationToken.ThrowIfCancellationRequested();
            splitter.Complete();
        }
        finally
        {
            ArrayPool<T>.Shared.Return(block);
        }
    }
}
