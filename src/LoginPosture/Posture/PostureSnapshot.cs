using System.Collections.Immutable;
using System.Text;
using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.SecondFactors;

namespace LoginPosture.Posture;

/// <summary>
/// Everything known about an account's login posture at one moment: its second factors, its API keys, the
/// operation-and-session pairs to check, and recent failure signals. Build one in code, or read the JSON document
/// format with <see cref="Parse(string)"/>.
/// </summary>
public sealed class PostureSnapshot
{
    /// <summary>A description of the account, for reports (never credentials).</summary>
    public string? Account { get; init; }

    /// <summary>The instant the snapshot describes; the evaluator's clock is used when null.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The enrolled second factors, or null when they were not assessed.</summary>
    public SecondFactorSet? SecondFactors { get; init; }

    /// <summary>The account's API keys.</summary>
    public ImmutableArray<ApiKeyDescriptor> ApiKeys { get; init; } = [];

    /// <summary>Operations to check against the sessions the account uses.</summary>
    public ImmutableArray<SessionCheck> SessionChecks { get; init; } = [];

    /// <summary>Recent failure signals: error callbacks, order rejects, Client Portal states, log lines.</summary>
    public ImmutableArray<FailureSignal> Signals { get; init; } = [];

    /// <summary>Reads a posture document (the format is described in README.md and shown by <c>samples/posture.example.json</c>).</summary>
    /// <param name="json">The document.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="PostureFormatException">The document is malformed or a value is missing, mistyped or unknown; the exception names the JSON path and the fix.</exception>
    public static PostureSnapshot Parse(string json)
    {
        Guard.NotNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a posture document from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="PostureFormatException">The document is malformed or a value is missing, mistyped or unknown; the exception names the JSON path and the fix.</exception>
    public static PostureSnapshot Parse(ReadOnlyMemory<byte> utf8Json) => PostureJson.Read(utf8Json);
}
