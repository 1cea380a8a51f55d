namespace LoginPosture;

/// <summary>
/// A JSON input is not acceptable. Carries the JSON path of the value at fault (from the document root, as the
/// document spells it) and the problem with its fix. Internal: the posture reader turns it into a
/// <c>PostureFormatException</c>; the platform adapters let it surface as the <see cref="FormatException"/> they document.
/// </summary>
internal sealed class JsonInputException : FormatException
{
    public JsonInputException(string path, string problem, bool malformed, string? message = null)
        : base(message ?? $"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
        IsMalformed = malformed;
    }

    /// <summary>The JSON path of the value at fault, <c>$</c> for the document itself.</summary>
    public string Path { get; }

    /// <summary>What is wrong and the fix, without the path.</summary>
    public string Problem { get; }

    /// <summary>True when the bytes are not a well-formed UTF-8 JSON text at all (syntax, encoding, depth, empty).</summary>
    public bool IsMalformed { get; }
}
