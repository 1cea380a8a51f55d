namespace LoginPosture.Triage;

/// <summary>
/// Gives every line's timestamp a date. A full timestamp is taken as written and becomes the clock's reading. A
/// time of day alone (TWS, IB Gateway and IBC logs write one file per day) takes the date of the reading before it,
/// or the configured date of the log's first line; when the time of day falls back by more than twelve hours the log
/// has crossed midnight, and it moves to the next day. A smaller step back (threads writing out of order, a
/// daylight-saving change) stays on the same day.
/// </summary>
internal struct TriageClock(DateOnly? startDate)
{
    private static readonly TimeSpan Rollover = TimeSpan.FromHours(12);

    private DateTime? _reading = startDate?.ToDateTime(TimeOnly.MinValue);

    /// <summary>The dated timestamp of a line, or null when the line carries none.</summary>
    public DateTime? Read(ReadOnlySpan<char> line) => Read(line, LogTimestamp.Locate(line));

    /// <summary>The dated timestamp that starts at <paramref name="index"/> of a line (from <see cref="LogTimestamp.Locate"/>).</summary>
    public DateTime? Read(ReadOnlySpan<char> line, int index)
    {
        switch (LogTimestamp.At(line, index, out var value))
        {
            case LogTimestamp.Kind.DateTime:
                _reading = value;
                return value;
            case LogTimestamp.Kind.TimeOnly:
                var last = _reading ?? DateTime.MinValue;
                var dated = DateTime.SpecifyKind(last.Date + value.TimeOfDay, last.Kind);
                if (_reading is not null && dated < last - Rollover)
                {
                    dated = dated.AddDays(1);
                }

                _reading = dated;
                return dated;
            default:
                return null;
        }
    }
}
