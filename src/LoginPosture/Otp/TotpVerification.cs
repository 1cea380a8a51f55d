namespace LoginPosture.Otp;

/// <summary>The result of checking one TOTP code. On acceptance, store <see cref="MatchedStep"/> and pass it back next time.</summary>
public readonly record struct TotpVerification
{
    internal TotpVerification(TotpOutcome outcome, long matchedStep, int drift)
    {
        Outcome = outcome;
        MatchedStep = matchedStep;
        Drift = drift;
    }

    /// <summary>What happened.</summary>
    public TotpOutcome Outcome { get; }

    /// <summary>Whether the code is accepted.</summary>
    public bool IsAccepted => Outcome == TotpOutcome.Accepted;

    /// <summary>
    /// The time step the code matched (for <see cref="TotpOutcome.Accepted"/> and <see cref="TotpOutcome.Replayed"/>);
    /// -1 otherwise. After acceptance, persist it as the last accepted step so that the code cannot be used again.
    /// </summary>
    public long MatchedStep { get; }

    /// <summary>How many steps the matched code lies from the current step (negative: an older code); 0 when nothing matched.</summary>
    public int Drift { get; }
}
