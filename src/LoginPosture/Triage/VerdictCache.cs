using LoginPosture.Layers;

namespace LoginPosture.Triage;

/// <summary>
/// Remembers the verdicts of recent line shapes, so that a log's repeated lines (farm notices, heartbeats, a failure
/// logged every few seconds) are classified once. A line's shape is the line with the digits of its timestamps
/// replaced by zeros: the classifier reads a timestamp's shape (how many digits, which separators) and never its
/// digits, as long as no keyword has a digit where a timestamp can start (<see cref="IsSafe"/>), so every line of one shape
/// has the same verdict. Open addressing over a fixed table whose keys live in one preallocated character arena; when
/// either fills up both are cleared, so memory stays bounded, the cache follows the log, and neither a hit nor a miss
/// allocates (a log of unique lines would otherwise feed the garbage collector one string per line).
/// </summary>
internal sealed class VerdictCache
{
    /// <summary>Lines longer than this are classified every time: long lines rarely repeat.</summary>
    public const int MaxKeyLength = 512;

    private const int Capacity = 1 << 13;

    // The header region: timestamps are looked for only among the first characters of a line.
    private const int ShapeRegion = 96;

    // Room for the keys of half the table at 128 characters each: typical log lines.
    private const int ArenaSize = Capacity / 2 * 128;

    // A key is a range of the arena: its start, and its length plus one (0 marks an empty slot).
    private readonly int[] _starts = new int[Capacity];
    private readonly int[] _lengths = new int[Capacity];
    private readonly char[] _arena = new char[ArenaSize];
    private readonly LineVerdict[] _values = new LineVerdict[Capacity];

    // Where the timestamp of the shape's lines starts (LogTimestamp.Locate), or -1.
    private readonly int[] _stamps = new int[Capacity];
    private int _arenaUsed;
    private readonly char[] _shape = new char[MaxKeyLength];
    private int _count;

    /// <summary>Lines whose verdict came from the table.</summary>
    public long Hits { get; private set; }

    /// <summary>Lines the classifier read (long lines included).</summary>
    public long Misses { get; private set; }

    /// <summary>Whether a classifier's keywords allow shapes: none has a digit where a zeroed timestamp can start.</summary>
    public static bool IsSafe(IEnumerable<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            for (var i = 0; i < keyword.Length; i++)
            {
                if (char.IsAsciiDigit(keyword[i]) && (i == 0 || keyword[i - 1] is ' ' or '|' or '[' or '\t'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The verdict of a line: from the table when its shape was seen, else from the classifier.</summary>
    public LineVerdict Classify(LayerClassifier classifier, ReadOnlySpan<char> line) => Classify(classifier, line, out _);

    /// <summary>The verdict of a line, and where its timestamp starts (-1 for none), both kept per shape.</summary>
    public LineVerdict Classify(LayerClassifier classifier, ReadOnlySpan<char> line, out int stampAt)
    {
        if (line.Length > MaxKeyLength)
        {
            Misses++;
            stampAt = LogTimestamp.Locate(line);
            return classifier.ClassifyLogLine(line);
        }

        var shape = _shape.AsSpan(0, line.Length);
        line.CopyTo(shape);
        ZeroTimestamps(shape);
        var hash = string.GetHashCode(shape);
        var slot = hash & (Capacity - 1);
        while (_lengths[slot] != 0)
        {
            if (_lengths[slot] - 1 == shape.Length && shape.SequenceEqual(_arena.AsSpan(_starts[slot], shape.Length)))
            {
                Hits++;
                stampAt = _stamps[slot];
                return _values[slot];
            }

            slot = (slot + 1) & (Capacity - 1);
        }

        var verdict = classifier.ClassifyLogLine(line);
        stampAt = LogTimestamp.Locate(line);
        Misses++;
        if (_count >= Capacity / 2 || _arenaUsed + shape.Length > ArenaSize)
        {
            // Half full, or out of key space: start again rather than let probe runs grow.
            Array.Clear(_lengths);
            (_count, _arenaUsed) = (0, 0);
            slot = hash & (Capacity - 1);
        }

        shape.CopyTo(_arena.AsSpan(_arenaUsed));
        (_starts[slot], _lengths[slot]) = (_arenaUsed, shape.Length + 1);
        _arenaUsed += shape.Length;
        _values[slot] = verdict;
        _stamps[slot] = stampAt;
        _count++;
        return verdict;
    }

    // Zeroes the digits of every timestamp that starts the line or follows a space, '|', '[' or tab in its header region.
    private static void ZeroTimestamps(Span<char> shape)
    {
        var limit = Math.Min(shape.Length, ShapeRegion);
        for (var i = 0; i < limit; i++)
        {
            if (!char.IsAsciiDigit(shape[i]) || (i > 0 && shape[i - 1] is not (' ' or '|' or '[' or '\t')))
            {
                continue;
            }

            if (LogTimestamp.Parse(shape[i..], out _, out var length) == LogTimestamp.Kind.None)
            {
                while (i + 1 < limit && char.IsAsciiDigit(shape[i + 1]))
                {
                    i++;
                }

                continue;
            }

            for (var end = i + length; i < end; i++)
            {
                shape[i] = char.IsAsciiDigit(shape[i]) ? '0' : shape[i];
            }

            i--;
        }
    }
}
