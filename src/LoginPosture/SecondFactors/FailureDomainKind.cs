namespace LoginPosture.SecondFactors;

/// <summary>What kind of thing a failure domain is.</summary>
public enum FailureDomainKind
{
    /// <summary>A physical device: a phone, a laptop, a security key, a hardware OTP card.</summary>
    Device = 0,

    /// <summary>A phone number (SIM): survives losing the handset, falls to a SIM swap or a lapsed contract.</summary>
    PhoneNumber = 1,

    /// <summary>A cloud or sync account (iCloud Keychain, Google Password Manager, an email account).</summary>
    SyncAccount = 2,

    /// <summary>An offline place such as a safe or a deposit box, holding printed codes or a spare key.</summary>
    OfflinePlace = 3,
}
