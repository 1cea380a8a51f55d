namespace LoginPosture.Tests;

/// <summary>A clock that reads what the test sets, so time-dependent rules are tested without waiting.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
