namespace LoginPosture.SecondFactors;

/// <summary>
/// Percentage of attacks of each class that a factor of each kind blocks. Published figures where they exist;
/// every other figure is derived from the per-factor property vector of the project's research notes (§8.1) and
/// marked as derived below.
/// </summary>
/// <remarks>
/// <para>Published: Google/NYU/UCSD 2019 (Doerfler et al., WWW 2019) for bots / bulk phishing / targeted attacks:
/// security key 100/100/100, on-device prompt 100/99/90, SMS code 100/96/76. Secondary reporting of the same work:
/// secondary email 73% against bots. SIM swap: Lee et al., SOUPS 2020, 39 of 50 swaps succeeded, so a PSTN code
/// blocks 22%.</para>
/// <para>Derived (our reading, not a measurement):</para>
/// <list type="bullet">
/// <item>Passkeys (device-bound or synced) share the security key's origin binding, so they take 100/100/100.</item>
/// <item>Every code typed by hand (hardware OTP, authenticator app, recovery codes, voice) is relayed by a phishing
/// page as easily as an SMS code, so it takes SMS's 100/96/76.</item>
/// <item>Push with number matching is not measured separately from Google's on-device prompt: 100/99/90 for both push
/// kinds; the approve-only kind's fatigue exposure is a finding, not a rate.</item>
/// <item>Email: 73 against bots (secondary report); Google groups it with knowledge challenges, which blocked "as
/// low as 10%" of phishing, so 10/10.</item>
/// <item>SIM swap: 100 for factors not exposed to it, 22 (as SMS) for voice, 50 for email ("indirect" exposure:
/// many mailboxes recover by SMS).</item>
/// <item>Device malware: 0 where the factor lives on a general-purpose phone (app, push, SMS, voice, email: malware
/// reads or approves it), 50 for platform passkeys ("low" exposure: hardware-held key, but the OS mediates use),
/// 100 for separate hardware and offline codes.</item>
/// </list>
/// </remarks>
internal static class BlockRates
{
    public const int AttackClasses = 5;

    // Rows by AuthenticatorKind; columns: bots, bulk phishing, targeted phishing, SIM swap, device malware.
    private static readonly byte[] Table =
    [
        100, 100, 100, 100, 100, // SecurityKey
        100, 100, 100, 100, 50,  // DeviceBoundPasskey
        100, 100, 100, 100, 50,  // SyncedPasskey
        100, 96, 76, 100, 100,   // HardwareOtp
        100, 96, 76, 100, 0,     // AuthenticatorApp
        100, 99, 90, 100, 0,     // PushWithNumberMatching
        100, 99, 90, 100, 0,     // PushApproveOnly
        100, 96, 76, 22, 0,      // Sms
        100, 96, 76, 22, 0,      // Voice
        73, 10, 10, 50, 0,       // Email
        100, 96, 76, 100, 100,   // RecoveryCodes
    ];

    public static int Of(AuthenticatorKind kind, AttackClass attack) => Table[((int)kind * AttackClasses) + (int)attack];

    public static bool IsPhishingResistant(AuthenticatorKind kind) =>
        kind is AuthenticatorKind.SecurityKey or AuthenticatorKind.DeviceBoundPasskey or AuthenticatorKind.SyncedPasskey;

    public static bool IsExternalHardware(AuthenticatorKind kind) =>
        kind is AuthenticatorKind.SecurityKey or AuthenticatorKind.HardwareOtp;

    public static bool IsConformant(AuthenticatorKind kind) =>
        kind is not (AuthenticatorKind.Sms or AuthenticatorKind.Voice or AuthenticatorKind.Email or AuthenticatorKind.PushApproveOnly);
}
