namespace LoginPosture.Layers;

/// <summary>One compiled catalog entry: the cause it names, the anchor of its catalog row, an optional keyword and source.</summary>
internal sealed class CauseMatcher(FailureCause cause, string anchor, string? keyword, SignalSource? source, bool custom, int order)
{
    public FailureCause Cause { get; } = cause;

    public string Anchor { get; } = anchor;

    public string? Keyword { get; } = keyword;

    public SignalSource? Source { get; } = source;

    public bool Custom { get; } = custom;

    public int Order { get; } = order;

    public bool Accepts(SignalSource source) => Source is not { } only || only == source;

    // Configured entries first; then keyword entries before key-only entries; then the longest keyword; then catalog order.
    public static int ComparePriority(CauseMatcher a, CauseMatcher b)
    {
        var c = b.Custom.CompareTo(a.Custom);
        if (c == 0)
        {
            c = (a.Keyword is null).CompareTo(b.Keyword is null);
        }

        if (c == 0)
        {
            c = (b.Keyword?.Length ?? 0).CompareTo(a.Keyword?.Length ?? 0);
        }

        return c != 0 ? c : a.Order.CompareTo(b.Order);
    }
}
