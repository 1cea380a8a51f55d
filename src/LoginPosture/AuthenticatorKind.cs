namespace LoginPosture;

/// <summary>
/// The kinds of second factor a brokerage account can enrol, shared by the second-factor scorer and the tier policy.
/// </summary>
public enum AuthenticatorKind
{
    /// <summary>A FIDO2/WebAuthn hardware security key: phishing-resistant, AAL3-capable.</summary>
    SecurityKey = 0,

    /// <summary>A passkey bound to one device's secure hardware: phishing-resistant, not exportable.</summary>
    DeviceBoundPasskey = 1,

    /// <summary>A passkey synced through a cloud account: phishing-resistant, but its real domain is that account (AAL2 at most).</summary>
    SyncedPasskey = 2,

    /// <summary>A dedicated hardware one-time-password device, such as IBKR's Digital Security Card+.</summary>
    HardwareOtp = 3,

    /// <summary>A TOTP authenticator app on a phone or computer.</summary>
    AuthenticatorApp = 4,

    /// <summary>A push-approval app that makes the user transfer a number or code from the login screen (number matching).</summary>
    PushWithNumberMatching = 5,

    /// <summary>A push-approval app that only asks "approve?": open to push fatigue and non-conformant under NIST SP 800-63B rev 4.</summary>
    PushApproveOnly = 6,

    /// <summary>A code sent by SMS: a restricted authenticator, exposed to SIM swap.</summary>
    Sms = 7,

    /// <summary>A code delivered by a voice call: a restricted authenticator, exposed to SIM swap.</summary>
    Voice = 8,

    /// <summary>A code or link sent by email: not an acceptable authentication factor.</summary>
    Email = 9,

    /// <summary>Printed or offline recovery codes (look-up secrets).</summary>
    RecoveryCodes = 10,
}
