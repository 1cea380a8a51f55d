namespace LoginPosture.Otp;

/// <summary>Why a submitted code was accepted or refused.</summary>
public enum TotpOutcome
{
    /// <summary>The code matched a step inside the window that is newer than the last accepted one.</summary>
    Accepted = 0,

    /// <summary>The code is well formed but matches no step inside the window.</summary>
    Rejected = 1,

    /// <summary>The code matches a step already accepted (or an older one): a replay, refused (RFC 6238 §5.2, NIST SP 800-63B rev 4 §3.1.4.2).</summary>
    Replayed = 2,

    /// <summary>The input is not exactly the configured number of ASCII digits.</summary>
    Malformed = 3,
}

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
