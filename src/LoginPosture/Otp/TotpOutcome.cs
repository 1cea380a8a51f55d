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
