namespace LoginPosture.SecondFactors;

/// <summary>
/// The second-factor rules, SF001 to SF012, declared once. Every one sits at <see cref="Layer.Identity"/>; each is
/// raised by one detection in <see cref="SecondFactorReport"/> and documented at its <see cref="FindingRule.HelpUri"/>.
/// </summary>
public static class SecondFactorFindings
{
    private const string Seed = "Seed 001 (IBKR login explainer)";

    /// <summary>SF001: SMS or voice codes are enrolled.</summary>
    public static FindingRule SmsOrVoiceFactor { get; } = new(
        "SF001", "SMS or voice factor enrolled", Severity.High, Layer.Identity,
        "NIST SP 800-63B rev 4 §3.1.3.3, §3.2.9 (restricted authenticators); Lee et al., SOUPS 2020 (39 of 50 SIM swaps succeeded); Google 2019 (SMS 100/96/76%)",
        "Enrol an authenticator app or a security key, then remove the SMS or voice factor and the phone number from account recovery.");

    /// <summary>SF002: email is used as a factor.</summary>
    public static FindingRule EmailFactor { get; } = new(
        "SF002", "Email used as a factor", Severity.High, Layer.Identity,
        "NIST SP 800-63B rev 4 §3.1.3.1 (email SHALL NOT be used for out-of-band authentication); Amft et al., CCS 2023 (email access bypassed MFA)",
        "Remove email as a sign-in or recovery factor; use an authenticator app, a security key or offline recovery codes instead.");

    /// <summary>SF003: no security key or hardware OTP device is enrolled.</summary>
    public static FindingRule NoExternalHardware { get; } = new(
        "SF003", "No external hardware factor", Severity.Medium, Layer.Identity,
        $"{Seed}: at least one external hardware factor; NIST SP 800-63B rev 4 §2.3.1 (AAL3 needs hardware); Google 2019 (security keys blocked 100%)",
        "Enrol a FIDO2 security key, or a hardware OTP device such as IBKR's Digital Security Card+, and keep it off the phone.");

    /// <summary>SF004: every factor lives on one device.</summary>
    public static FindingRule SingleDevice { get; } = new(
        "SF004", "All factors on one device", Severity.High, Layer.Identity,
        $"{Seed}: a lost authenticator device means days to weeks of recovery; Büttner & Gruschka, ICISSP 2024 (single-device lockout); PSD2 RTS Art. 9 (independent elements)",
        "Enrol a factor that does not depend on that device: a security key, or recovery codes kept offline.");

    /// <summary>SF005: push approval is the only factor, on the only phone.</summary>
    public static FindingRule PushOnlyOnOnlyPhone { get; } = new(
        "SF005", "Push is the only factor on the only phone", Severity.High, Layer.Identity,
        $"{Seed}: disable push approval for high-value actions if your phone is the only 2FA device",
        "Add a second channel off the phone (security key or hardware OTP device) and disable push approval for withdrawals and other high-value actions.");

    /// <summary>SF006: a push factor asks only to approve, without number matching.</summary>
    public static FindingRule ApproveOnlyPush { get; } = new(
        "SF006", "Approve-only push", Severity.Medium, Layer.Identity,
        "NIST SP 800-63B rev 4 §3.1.3.1 (approve-only push does not conform); CISA 2022 (number matching against push bombing)",
        "Turn on number matching (or code transfer) for the push factor, or replace it with an app that has it.");

    /// <summary>SF007: no factor is kept offline for recovery.</summary>
    public static FindingRule NoOfflineRecovery { get; } = new(
        "SF007", "No offline recovery", Severity.Medium, Layer.Identity,
        $"{Seed}: keep recovery codes offline; NIST SP 800-63B rev 4 §4.2.1.1 (saved recovery codes)",
        "Generate recovery codes (or register a spare security key) and keep them in an offline place such as a safe; model that place as an OfflinePlace domain.");

    /// <summary>SF008: a factor has never been rehearsed.</summary>
    public static FindingRule NeverRehearsed { get; } = new(
        "SF008", "Factor never rehearsed", Severity.Medium, Layer.Identity,
        $"{Seed}: rehearse recovery steps before you need them; Google 2019 (38% of users could not reach their phone when challenged)",
        "Sign in (or run the recovery flow) once with the factor alone, then record the date as its last rehearsal.");

    /// <summary>SF009: a factor's last rehearsal is older than the configured maximum.</summary>
    public static FindingRule RehearsalStale { get; } = new(
        "SF009", "Rehearsal out of date", Severity.Low, Layer.Identity,
        $"{Seed}: rehearse recovery steps before you need them",
        "Rehearse the factor again: sign in or recover with it alone and record the date.");

    /// <summary>SF010: every factor depends on one phone number, sync account or offline place.</summary>
    public static FindingRule SingleFailureDomain { get; } = new(
        "SF010", "All factors depend on one failure domain", Severity.High, Layer.Identity,
        "NIST SP 800-63B rev 4 §4.1.2.1 (keep at least two separate means of authentication); Google 2019 (38% of users lacked their phone when challenged)",
        "Enrol a factor that does not depend on that domain, such as a security key or offline recovery codes.");

    /// <summary>SF011: no second factor is enrolled.</summary>
    public static FindingRule NoSecondFactor { get; } = new(
        "SF011", "No second factor", Severity.Critical, Layer.Identity,
        "NIST SP 800-63B rev 4 §2.2.1 (AAL2 needs two factors); Google 2019 (any second factor blocked 100% of automated bots)",
        "Enrol a FIDO2 security key or an authenticator app, then a backup kept somewhere else.");

    /// <summary>SF012: no phishing-resistant factor is enrolled.</summary>
    public static FindingRule NoPhishingResistantFactor { get; } = new(
        "SF012", "No phishing-resistant factor", Severity.Medium, Layer.Identity,
        "NIST SP 800-63B rev 4 §3.2.5 (only cryptographic authenticators resist phishing); CISA 2022 (phishing-resistant MFA)",
        "Enrol a FIDO2 security key or a passkey.");

    /// <summary>Every second-factor rule, ordered by id.</summary>
    public static IReadOnlyList<FindingRule> All { get; } = Array.AsReadOnly(new[]
    {
        SmsOrVoiceFactor, EmailFactor, NoExternalHardware, SingleDevice, PushOnlyOnOnlyPhone, ApproveOnlyPush,
        NoOfflineRecovery, NeverRehearsed, RehearsalStale, SingleFailureDomain, NoSecondFactor, NoPhishingResistantFactor,
    });
}
