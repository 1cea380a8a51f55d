namespace LoginPosture.SecondFactors;

/// <summary>Settings of <see cref="SecondFactorScorer"/>.</summary>
public sealed class SecondFactorOptions
{
    /// <summary>How long a rehearsal counts; an authenticator last rehearsed longer ago is reported as stale. Must be positive.</summary>
    /// <value>
    /// The default is 365 days. Seed 001 says to rehearse recovery before you need it but names no interval, and no
    /// standard sets one: once a year is this project's choice.
    /// </value>
    public TimeSpan RehearsalMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Adds a message for every invalid setting to <paramref name="errors"/>, naming the setting as this class does; the
    /// host's validator puts its configuration section in front.
    /// </summary>
    internal void Validate(List<string> errors) =>
        OptionsErrors.RequirePositive(errors, "", nameof(RehearsalMaxAge), RehearsalMaxAge);
}
