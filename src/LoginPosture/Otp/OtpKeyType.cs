namespace LoginPosture.Otp;

/// <summary>The kind of one-time password a key URI enrols.</summary>
public enum OtpKeyType
{
    /// <summary>Time-based (RFC 6238).</summary>
    Totp = 0,

    /// <summary>Counter-based (RFC 4226).</summary>
    Hotp = 1,
}
