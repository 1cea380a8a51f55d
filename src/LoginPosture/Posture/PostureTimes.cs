using System.Collections.Immutable;
using System.Globalization;

namespace LoginPosture.Posture;

/// <summary>
/// The one rule for times in a posture document: every time that describes the past (created, rotated, last used,
/// observed since, last rehearsed, authenticated at, and the platforms' own creation and last-use times) must be at
/// or before the judgement instant, <c>asOf</c> or the evaluator's clock. A later time would hide findings (a key
/// "created" next year is never due for rotation), so it is refused, not clamped. Expiry times are exempt.
/// </summary>
internal static class PostureTimes
{
    public static void RequireNotAfter(ImmutableArray<(string Path, DateTimeOffset Time)> times, DateTimeOffset instant, string instantName)
    {
        foreach (var (path, time) in times)
        {
            if (time > instant)
            {
                throw new PostureFormatException(path, string.Create(
                    CultureInfo.InvariantCulture,
                    $"is {time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, later than the judgement instant ({instantName}, {instant.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}); every past time in the document must be at or before it, so correct the time or move asOf."));
            }
        }
    }
}
