namespace LoginPosture.Tiers;

/// <summary>Advice that comes with a decision. Advisories never change the verdict.</summary>
[Flags]
public enum TierAdvisories
{
    /// <summary>No advice.</summary>
    None = 0,

    /// <summary>Monitoring needs no trading rights: use a read-only login or read-only mode where the broker offers it.</summary>
    PreferReadOnlyAccess = 1 << 0,

    /// <summary>Turn on notifications for account changes (new devices, factors, keys, withdrawals).</summary>
    NotifyOnAccountChanges = 1 << 1,

    /// <summary>The phone is the only factor and push is in use: disable push approval for high-value actions.</summary>
    DisablePushForHighValue = 1 << 2,

    /// <summary>The factor used is SMS, voice or email: restricted by NIST and exposed to SIM swap or mailbox takeover.</summary>
    RestrictedFactorInUse = 1 << 3,

    /// <summary>The factor used can be phished; a security key or device-bound passkey resists it.</summary>
    PreferPhishingResistantFactor = 1 << 4,
}
