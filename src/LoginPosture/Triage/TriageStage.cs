namespace LoginPosture.Triage;

/// <summary>
/// One failing layer on a log's timeline: the line (and time) it started failing, with the cause of that first line,
/// and the last line it failed at. A report's stages are ordered by onset, so they read as the order in which the
/// stack came apart (platform lost at 02:14, then identity failing from 02:20, then requests rejected).
/// </summary>
public sealed class TriageStage
{
    internal TriageStage(Layer layer, string firstCauseId, long lines, long firstLine, long lastLine, DateTime? firstSeen, DateTime? lastSeen)
    {
        Layer = layer;
        FirstCauseId = firstCauseId;
        Lines = lines;
        FirstLine = firstLine;
        LastLine = lastLine;
        FirstSeen = firstSeen;
        LastSeen = lastSeen;
    }

    /// <summary>The layer that failed.</summary>
    public Layer Layer { get; }

    /// <summary>The cause of the first failing line of this layer.</summary>
    public string FirstCauseId { get; }

    /// <summary>How many lines report a failure of this layer.</summary>
    public long Lines { get; }

    /// <summary>The 1-based number of the layer's first failing line.</summary>
    public long FirstLine { get; }

    /// <summary>The 1-based number of the layer's last failing line.</summary>
    public long LastLine { get; }

    /// <summary>The first timestamp among the layer's failing lines; null when none carried one.</summary>
    public DateTime? FirstSeen { get; }

    /// <summary>The last timestamp among the layer's failing lines; null when none carried one.</summary>
    public DateTime? LastSeen { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Layer} from line {FirstLine} ({FirstCauseId})";
}
