using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.Otp;
using LoginPosture.SecondFactors;

namespace LoginPosture.Posture;

/// <summary>
/// Everything known about an account's login posture at one moment: its second factors, its API keys, the
/// operation-and-session pairs to check, and recent failure signals. Build one in code, or read the JSON document
/// format with <see cref="Parse(string)"/>.
/// </summary>
public sealed class PostureSnapshot
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A description of the account, for reports (never credentials).</summary>
    public string? Account { get; init; }

    /// <summary>The instant the snapshot describes; the evaluator's clock is used when null.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The enrolled second factors, or null when they were not assessed.</summary>
    public SecondFactorSet? SecondFactors { get; init; }

    /// <summary>
    /// The OTP enrolments' parameters (never their secrets), keyed by the label of an authenticator of kind
    /// <see cref="AuthenticatorKind.AuthenticatorApp"/> or <see cref="AuthenticatorKind.HardwareOtp"/> in
    /// <see cref="SecondFactors"/>; each is judged and raises <see cref="OtpFindings"/>. Derive one from a key URI with
    /// <see cref="OtpKeyUri.Enrolment"/>.
    /// </summary>
    public ImmutableDictionary<string, OtpEnrolment> OtpEnrolments { get; init; } = ImmutableDictionary<string, OtpEnrolment>.Empty;

    /// <summary>The account's API keys.</summary>
    public ImmutableArray<ApiKeyDescriptor> ApiKeys { get; init; } = [];

    /// <summary>Operations to check against the sessions the account uses.</summary>
    public ImmutableArray<SessionCheck> SessionChecks { get; init; } = [];

    /// <summary>Recent failure signals: error callbacks, order rejects, Client Portal states, log lines.</summary>
    public ImmutableArray<FailureSignal> Signals { get; init; } = [];

    /// <summary>The past times read from a document, by JSON path, for the check against the judgement instant.</summary>
    internal ImmutableArray<(string Path, DateTimeOffset Time)> TimeFields { get; init; } = [];

    /// <summary>Reads a posture document (the format is described in README.md and shown by <c>samples/posture.example.json</c>).</summary>
    /// <param name="json">The document.</param>
    /// <returns>The snapshot.</returns>
    /// <remarks>
    /// Any string gives a snapshot or one of the two exceptions below, never another. The rules: comments and trailing
    /// commas are allowed; a field may appear once per object (names that differ only in case count as the same);
    /// nesting is limited to 64 levels; a document must give something to judge; every past time must be at or
    /// before <c>asOf</c> when it is given (the evaluator checks the rest against its clock).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="PostureFormatException">The document is malformed, breaks a rule above, or a value is missing, mistyped or unknown; the exception names the JSON path and the fix.</exception>
    public static PostureSnapshot Parse(string json)
    {
        Guard.NotNull(json);
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException e)
        {
            var problem = string.Create(CultureInfo.InvariantCulture, $"holds a lone surrogate (half of a UTF-16 pair) at character {e.Index + 1}; the text cannot be UTF-8, so fix the string that holds it.");
            throw new PostureFormatException("$", problem, new JsonInputException("$", problem, malformed: true));
        }

        return Parse(utf8);
    }

    /// <summary>Reads a posture document from bytes: UTF-8 with or without a byte-order mark (UTF-16 and UTF-32 are named and refused).</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The snapshot.</returns>
    /// <remarks>Any byte sequence gives a snapshot or a <see cref="PostureFormatException"/>, never another exception; the rules are those of <see cref="Parse(string)"/>.</remarks>
    /// <exception cref="PostureFormatException">The document is malformed (<see cref="PostureFormatException.IsMalformedJson"/>), breaks a rule, or a value is missing, mistyped or unknown; the exception names the JSON path and the fix.</exception>
    public static PostureSnapshot Parse(ReadOnlyMemory<byte> utf8Json) => PostureJson.Read(utf8Json.Span);
}
