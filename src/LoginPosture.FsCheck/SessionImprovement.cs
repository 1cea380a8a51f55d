using LoginPosture.Tiers;

namespace LoginPosture.FsCheck;

/// <summary>
/// One session attribute moved in its secure direction (a stronger factor, a fresher authentication, a shorter idle
/// timeout, a trusted network...). <see cref="Choice"/> picks among the secure values where there are several.
/// <see cref="SessionContext.WorkflowNeedsApiKeys"/> declares a need rather than a posture, so it has no secure
/// direction and is never changed.
/// </summary>
/// <param name="Attribute">The attribute to improve.</param>
/// <param name="Choice">Which of the at-least-as-secure values to take (modulo their count).</param>
public sealed record SessionImprovement(SessionAttribute Attribute, int Choice)
{
    private static readonly TimeSpan[] Fresher = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(4)];

    /// <summary>Every improvement: each attribute with each of its choices (at most ten secure values per attribute).</summary>
    public static IReadOnlyList<SessionImprovement> All { get; } =
        [.. Enum.GetValues<SessionAttribute>().SelectMany(a => Enumerable.Range(0, 10).Select(c => new SessionImprovement(a, c)))];

    /// <summary>Returns <paramref name="session"/> with the attribute improved, never later than <paramref name="asOf"/>.</summary>
    /// <param name="session">The session to improve.</param>
    /// <param name="asOf">The evaluation instant; an authentication is never moved past it.</param>
    /// <returns>The improved session.</returns>
    public SessionContext Apply(SessionContext session, DateTimeOffset asOf)
    {
        var pick = Math.Abs(Choice % 64);
        return Attribute switch
        {
            SessionAttribute.Platform => session with { Platform = ClientPlatform.Desktop },
            SessionAttribute.Factor => session with { Factor = Pick(LoginPostureArbitraries.Factors.Where(f => FactorStrengths.Of(f) >= FactorStrengths.Of(session.Factor)).ToArray(), pick) },
            SessionAttribute.AuthenticatedAt => session with
            {
                AuthenticatedAt = Later(session.AuthenticatedAt, Earlier(asOf, session.AuthenticatedAt + Pick(Fresher, pick))),
            },
            SessionAttribute.TrustedNetwork => session with { TrustedNetwork = true },
            SessionAttribute.SavedCredentials => session with { SavedCredentials = false },
            SessionAttribute.BrowserIsolation => session with { BrowserIsolation = true },
            SessionAttribute.IdleTimeout => session with
            {
                IdleTimeout = Pick(LoginPostureArbitraries.IdleTimeouts.Where(t => t is { } v && (session.IdleTimeout is null || v <= session.IdleTimeout)).ToArray(), pick),
            },
            SessionAttribute.ApiKeysEnabled => session with { ApiKeysEnabled = false },
            SessionAttribute.PhoneIsOnlyFactor => session with { PhoneIsOnlyFactor = false },
            SessionAttribute.SecondaryChannel => session with { SecondaryChannel = true },
            _ => throw new ArgumentOutOfRangeException(nameof(Attribute), Attribute, "not a session attribute"),
        };
    }

    private static T Pick<T>(T[] values, int pick) => values[pick % values.Length];

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
