namespace LoginPosture.Otp;

/// <summary>The HMAC hash function behind a one-time password (RFC 6238 §1.2 allows all three).</summary>
public enum OtpAlgorithm
{
    /// <summary>HMAC-SHA-1: the RFC 4226 default and what almost every authenticator app expects.</summary>
    Sha1 = 0,

    /// <summary>HMAC-SHA-256 (RFC 6238).</summary>
    Sha256 = 1,

    /// <summary>HMAC-SHA-512 (RFC 6238).</summary>
    Sha512 = 2,
}
