namespace LoginPosture.Layers;

/// <summary>
/// An entry that extends the built-in catalog of failure causes, typically for another broker's codes or texts. An
/// entry matches on a code, an HTTP status or a keyword, or on a code or HTTP status together with a keyword;
/// configured entries are tried before the built-in ones, so they can also override an IBKR code.
/// </summary>
public sealed class LayerCatalogEntry
{
    /// <summary>A stable id for the cause, lowercase letters, digits, '.', '-' and '_' (for example <c>mybroker.session-expired</c>). Must not clash with a built-in id or start with <c>unknown.</c>.</summary>
    public string CauseId { get; set; } = "";

    /// <summary>The layer that fails (or that the notice is about).</summary>
    public Layer Layer { get; set; } = Layer.Request;

    /// <summary>Whether the signal is a failure; false for an informational notice, which must use <see cref="RetryAdvice.None"/>.</summary>
    /// <value>The default is true.</value>
    public bool IsFailure { get; set; } = true;

    /// <summary>What a client should do next; <see cref="RetryAdvice.None"/> only for informational notices.</summary>
    /// <value>The default is <see cref="RetryAdvice.DoNotRetry"/>.</value>
    public RetryAdvice Retry { get; set; } = RetryAdvice.DoNotRetry;

    /// <summary>How urgently a person should act.</summary>
    /// <value>The default is <see cref="Severity.Medium"/>.</value>
    public Severity Severity { get; set; } = Severity.Medium;

    /// <summary>The signal's numeric code (zero or positive), or null to match without a code.</summary>
    public int? Code { get; set; }

    /// <summary>The HTTP status (100 to 599), or null. An entry keys on a code or an HTTP status, not both.</summary>
    public int? HttpStatus { get; set; }

    /// <summary>
    /// A stable part of the message, matched case-insensitively where a word of the message starts (3 to 200
    /// characters starting with a letter or digit, for example "session expired" in "E17: Session expired."), or null to match
    /// on the code or status alone. Without a code or status, the keyword alone decides.
    /// </summary>
    public string? Keyword { get; set; }

    /// <summary>Restricts the entry to signals from one source, or null for any source.</summary>
    public SignalSource? Source { get; set; }

    /// <summary>One sentence saying what went wrong.</summary>
    public string Title { get; set; } = "";

    /// <summary>What a person can do to resolve it.</summary>
    public string Fix { get; set; } = "";

    /// <summary>The public source behind the entry (the broker's documentation page, for example).</summary>
    public string Anchor { get; set; } = "";
}
