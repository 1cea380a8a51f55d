namespace LoginPosture.Tiers;

/// <summary>
/// The strength classes of a second factor, ordered weakest to strongest as the checklist ranks them:
/// SMS/voice/email &lt; push &lt; authenticator app &lt; hardware OTP device &lt; security key or device-bound passkey.
/// </summary>
public enum FactorStrength
{
    /// <summary>No second factor: a password-only session. Also the "any authenticated session" requirement.</summary>
    None = 0,

    /// <summary>SMS, voice, email codes and printed recovery codes.</summary>
    Weak = 1,

    /// <summary>Push approval, with or without number matching.</summary>
    Push = 2,

    /// <summary>A TOTP authenticator app, or a synced passkey (phishing-resistant but exportable).</summary>
    AuthenticatorApp = 3,

    /// <summary>A dedicated hardware one-time-password device such as IBKR's Digital Security Card+.</summary>
    HardwareOtp = 4,

    /// <summary>A hardware-bound cryptographic authenticator: a FIDO2 security key or a device-bound passkey.</summary>
    HardwareCryptographic = 5,
}

/// <summary>Maps authenticator kinds onto the checklist's strength order.</summary>
public static class FactorStrengths
{
    /// <summary>Returns the strength class of an authenticator kind; <see langword="null"/> (no second factor) is <see cref="FactorStrength.None"/>.</summary>
    /// <param name="kind">The authenticator used, or <see langword="null"/> for a password-only session.</param>
    /// <returns>The strength class the tier policy compares against its minimums.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a defined <see cref="AuthenticatorKind"/>.</exception>
    public static FactorStrength Of(AuthenticatorKind? kind) => kind switch
    {
        null => FactorStrength.None,
        AuthenticatorKind.SecurityKey or AuthenticatorKind.DeviceBoundPasskey => FactorStrength.HardwareCryptographic,
        AuthenticatorKind.HardwareOtp => FactorStrength.HardwareOtp,
        AuthenticatorKind.AuthenticatorApp or AuthenticatorKind.SyncedPasskey => FactorStrength.AuthenticatorApp,
        AuthenticatorKind.PushWithNumberMatching or AuthenticatorKind.PushApproveOnly => FactorStrength.Push,
        AuthenticatorKind.Sms or AuthenticatorKind.Voice or AuthenticatorKind.Email or AuthenticatorKind.RecoveryCodes => FactorStrength.Weak,
        _ => ThrowUndefined(kind.Value),
    };

    private static FactorStrength ThrowUndefined(AuthenticatorKind kind)
    {
        Guard.ThrowUndefined(kind, "kind");
        return default;
    }
}
