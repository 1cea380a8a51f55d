namespace LoginPosture;

/// <summary>
/// The fixed facts of one rule, declared once in its engine's catalog (<c>SecondFactorFindings</c>,
/// <c>ApiKeyFindings</c>, <c>TierFindings</c>): its id, title, severity, layer, anchor, fix and help page. Detection
/// code raises a <see cref="Finding"/> from the entry by name, adding the input-specific message (and, where the
/// engine grades them by the input, the severity and a fix naming the input).
/// </summary>
public sealed class FindingRule
{
    /// <summary>Where the finding pages live; a rule's page is this root, its id and <c>.md</c>.</summary>
    public const string HelpRoot = "https://github.com/loginposture/loginposture/blob/main/docs/findings/";

    internal FindingRule(string id, string title, Severity severity, Layer layer, string anchor, string fix)
    {
        Id = id;
        Title = title;
        Severity = severity;
        Layer = layer;
        Anchor = anchor;
        Fix = fix;
        HelpUri = HelpRoot + id + ".md";
    }

    /// <summary>The stable id, such as <c>SF001</c>: two letters for the engine and three digits.</summary>
    public string Id { get; }

    /// <summary>What the rule finds, in a few words.</summary>
    public string Title { get; }

    /// <summary>
    /// The severity a finding is raised with; where the engine grades it by the input (a key that can write, a
    /// critical tier), the highest it can be.
    /// </summary>
    public Severity Severity { get; }

    /// <summary>The layer of the login stack the finding belongs to.</summary>
    public Layer Layer { get; }

    /// <summary>The standard, study or article behind the rule.</summary>
    public string Anchor { get; }

    /// <summary>The action that resolves the finding, in general terms; a finding may name the input's specifics.</summary>
    public string Fix { get; }

    /// <summary>The rule's documentation page.</summary>
    public string HelpUri { get; }

    // Detection code raises findings by the entry's name; only the engines raise the library's rules.
    internal Finding Raise(string message) => Raise(message, Severity, Fix);

    internal Finding Raise(string message, string fix) => Raise(message, Severity, fix);

    internal Finding Raise(string message, Severity severity, string fix) =>
        new(Id, severity, Layer, message, fix, Anchor) { HelpUri = HelpUri };

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Title}";
}
