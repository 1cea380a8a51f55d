namespace LoginPosture;

/// <summary>
/// One thing an engine found, with how bad it is, where in the stack it sits, what to do about it, and the public
/// source that backs the rule.
/// </summary>
/// <param name="Id">A stable identifier for the rule that produced the finding, such as <c>SF001</c>.</param>
/// <param name="Severity">How urgently the finding should be acted on.</param>
/// <param name="Layer">The layer of the login stack the finding belongs to, used to order findings bottom-up.</param>
/// <param name="Message">What was found, specific to the input (names the authenticator, key or operation).</param>
/// <param name="Fix">A concrete action a person can take to resolve the finding.</param>
/// <param name="Anchor">The standard, study or article behind the rule, such as <c>NIST SP 800-63B rev 4 §3.1.3.3</c>.</param>
public sealed record Finding(string Id, Severity Severity, Layer Layer, string Message, string Fix, string Anchor)
{
    /// <summary>
    /// The rule's documentation page (<see cref="FindingRule.HelpUri"/>) when the finding was raised from a catalog
    /// entry; <see langword="null"/> for a diagnosed failure signal, whose cause id names a catalog row instead.
    /// </summary>
    public string? HelpUri { get; init; }
}
