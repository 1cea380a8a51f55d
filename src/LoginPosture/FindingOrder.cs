namespace LoginPosture;

/// <summary>
/// The one order of findings in every report, in JSON and in the audit table: bottom-up by <see cref="Layer"/>
/// (fix the lowest layer first), then the most severe first, then by id, then by message (ordinal, so the order
/// is deterministic).
/// </summary>
public sealed class FindingOrder : IComparer<Finding>
{
    private FindingOrder()
    {
    }

    /// <summary>The comparer.</summary>
    public static FindingOrder Instance { get; } = new();

    /// <summary>Compares two findings in report order.</summary>
    /// <param name="x">A finding.</param>
    /// <param name="y">Another finding.</param>
    /// <returns>Negative when <paramref name="x"/> comes first; null sorts first.</returns>
    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        // Compared as integers: Enum.CompareTo takes an object and would box.
        var order = ((int)x.Layer).CompareTo((int)y.Layer);
        if (order == 0)
        {
            order = ((int)y.Severity).CompareTo((int)x.Severity);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Id, y.Id);
        }

        return order != 0 ? order : string.CompareOrdinal(x.Message, y.Message);
    }

    // Sorts in place (stable for equal findings is not needed: equal findings are indistinguishable) and wraps.
    internal static IReadOnlyList<Finding> Sort(List<Finding> findings)
    {
        findings.Sort(Instance);
        return findings.AsReadOnly();
    }
}
