namespace LoginPosture.Triage;

/// <summary>Settings of <see cref="LogTriage"/>.</summary>
public sealed class LogTriageOptions
{
    /// <summary>The smallest accepted <see cref="MaxLineLength"/>.</summary>
    public const int MinLineLength = 80;

    /// <summary>The largest accepted <see cref="MaxLineLength"/>.</summary>
    public const int MaxLineLengthLimit = 1 << 20;

    /// <summary>
    /// How much of a line is kept and classified: characters for a reader or a sequence of strings, bytes for a UTF-8
    /// stream (cut back to a whole character). The rest of a longer line is skipped unread and the line is counted as
    /// truncated, so memory stays bounded whatever the input holds.
    /// </summary>
    /// <value>The default is 8192; accepted from <see cref="MinLineLength"/> to <see cref="MaxLineLengthLimit"/>.</value>
    public int MaxLineLength { get; set; } = 8192;

    /// <summary>
    /// The date of the log's first line, for logs that write a time of day only (TWS, IB Gateway and IBC write one file
    /// per day). Null: such a time takes the date of the last full timestamp before it, or none (year 1) when there is
    /// none; either way, midnight crossings move it to the next day.
    /// </summary>
    public DateOnly? StartDate { get; set; }

    /// <summary>
    /// Whether a line whose shape (the line with its timestamps' digits zeroed) was seen recently reuses that line's
    /// verdict instead of being classified again. The verdict is the same either way; turning this off only makes
    /// a log of repeated lines slower. It is off by itself when a configured keyword has a digit at its start or after a space, '|', '[' or tab.
    /// </summary>
    /// <value>The default is true.</value>
    public bool CacheLineShapes { get; set; } = true;

    internal void Validate()
    {
        if (MaxLineLength is < MinLineLength or > MaxLineLengthLimit)
        {
            Guard.ThrowOutOfRange(
                "options.MaxLineLength",
                MaxLineLength,
                $"options.MaxLineLength is {MaxLineLength}; use a length from {MinLineLength} to {MaxLineLengthLimit} (the default is 8192).");
        }
    }
}
