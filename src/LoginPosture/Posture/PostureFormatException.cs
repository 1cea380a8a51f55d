namespace LoginPosture.Posture;

/// <summary>
/// A posture document is not valid: malformed JSON, a repeated field, a missing required field, a wrong type, an
/// unknown enum value or a time after the judgement instant.
/// <see cref="JsonPath"/> names the place (such as <c>$.apiKeys[0].label</c>) and the message says the fix.
/// </summary>
public sealed class PostureFormatException : FormatException
{
    /// <summary>Creates the exception for a place in the document.</summary>
    /// <param name="jsonPath">The JSON path of the value at fault, <c>$</c> for the document itself.</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public PostureFormatException(string jsonPath, string problem, Exception? inner = null)
        : base($"{jsonPath}: {problem}", inner)
    {
        JsonPath = jsonPath;
        Problem = problem;
        IsMalformedJson = inner is JsonInputException { IsMalformed: true };
    }

    /// <summary>The JSON path of the value at fault, <c>$</c> for the document itself.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong and how to fix it, without the path.</summary>
    public string Problem { get; }

    /// <summary>
    /// True when the bytes are not well-formed JSON at all: a syntax error, an encoding other than UTF-8, invalid
    /// UTF-8 or a lone surrogate, nesting beyond 64 levels, or an empty file. False when the JSON is well formed but
    /// is not a valid posture document (a repeated field, a missing, mistyped or unknown value, a time after asOf).
    /// </summary>
    public bool IsMalformedJson { get; }
}
