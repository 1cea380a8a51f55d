namespace LoginPosture.SecondFactors;

/// <summary>The account-takeover attacks the scorer weighs each factor against.</summary>
public enum AttackClass
{
    /// <summary>Automated credential-stuffing bots (Google 2019's "automated bots").</summary>
    Bots = 0,

    /// <summary>Untargeted phishing campaigns (Google 2019's "bulk phishing").</summary>
    BulkPhishing = 1,

    /// <summary>Targeted attacks with real-time relay of codes (Google 2019's "targeted attacks").</summary>
    TargetedPhishing = 2,

    /// <summary>Moving the account's phone number to an attacker's SIM.</summary>
    SimSwap = 3,

    /// <summary>Malware on the phone or computer that holds the factor.</summary>
    DeviceMalware = 4,
}
