namespace LoginPosture.Layers;

/// <summary>
/// One cause of a failure signal, from the built-in catalog or from a configured catalog entry: the layer it belongs to,
/// what to do next and how a person fixes it. Instances are shared and immutable, so a diagnosis carries a
/// reference and never copies text.
/// </summary>
public sealed class FailureCause
{
    internal FailureCause(string id, Layer layer, bool isFailure, RetryAdvice retry, Severity severity, string title, string fix)
    {
        Id = id;
        Layer = layer;
        IsFailure = isFailure;
        Retry = retry;
        Severity = severity;
        Title = title;
        Fix = fix;
        IsKnown = !id.StartsWith(UnknownPrefix, StringComparison.Ordinal);
    }

    internal const string UnknownPrefix = "unknown.";

    /// <summary>A stable identifier such as <c>permissions.market-data-subscription</c>; unknown causes start with <c>unknown.</c>.</summary>
    public string Id { get; }

    /// <summary>The layer the cause belongs to; for an informational cause, the layer it reports on.</summary>
    public Layer Layer { get; }

    /// <summary>Whether the cause is a failure; false for informational notices such as "farm connection is OK".</summary>
    public bool IsFailure { get; }

    /// <summary>What a client should do next.</summary>
    public RetryAdvice Retry { get; }

    /// <summary>How urgently a person should act.</summary>
    public Severity Severity { get; }

    /// <summary>One sentence saying what went wrong.</summary>
    public string Title { get; }

    /// <summary>What a person can do to resolve it.</summary>
    public string Fix { get; }

    /// <summary>False for the <c>unknown.*</c> causes returned when nothing in the catalog matched.</summary>
    public bool IsKnown { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
