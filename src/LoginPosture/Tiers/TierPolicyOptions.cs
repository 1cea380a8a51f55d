namespace LoginPosture.Tiers;

/// <summary>
/// The thresholds of the three-tier checklist. Each tier must be at least as demanding as the tier below it; the
/// validator rejects settings that break that order, because the policy's guarantees rest on it.
/// </summary>
public sealed class TierPolicyOptions
{
    /// <summary>Orders and rebalances at or above this notional (base currency) are tier 1. Must be positive.</summary>
    /// <value>The default is 50,000: IBKR's daily withdrawal cap for a session with no security device.</value>
    public decimal LargeOrderNotional { get; set; } = 50_000m;

    /// <summary>The weakest factor tier 1 accepts.</summary>
    /// <value>The default is <see cref="FactorStrength.HardwareOtp"/>: the checklist asks for a hardware second factor.</value>
    public FactorStrength CriticalMinimumFactor { get; set; } = FactorStrength.HardwareOtp;

    /// <summary>The oldest authentication tier 1 accepts (RFC 9470 <c>max_age</c>). Must be positive.</summary>
    /// <value>The default is 5 minutes: PSD2 RTS Art. 4(3)(d)'s maximum inactivity for an authenticated payment session.</value>
    public TimeSpan CriticalMaxFactorAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest inactivity timeout tier 1 accepts. Must be positive.</summary>
    /// <value>The default is 15 minutes: NIST SP 800-63B rev 4 §2.3.3's AAL3 inactivity timeout.</value>
    public TimeSpan CriticalMaxIdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The weakest factor tier 2 accepts.</summary>
    /// <value>The default is <see cref="FactorStrength.AuthenticatorApp"/>: the checklist asks for an authenticator app or stronger.</value>
    public FactorStrength RoutineMinimumFactor { get; set; } = FactorStrength.AuthenticatorApp;

    /// <summary>The oldest authentication tier 2 accepts. Must be positive.</summary>
    /// <value>The default is 12 hours: the AAL2 overall session limit of NIST SP 800-63B rev 3 and ASVS 4.0.3 3.3.2.</value>
    public TimeSpan RoutineMaxFactorAge { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The longest inactivity timeout tier 2 accepts. Must be positive.</summary>
    /// <value>The default is 30 minutes: the AAL2 inactivity limit of NIST SP 800-63B rev 3 and ASVS 4.0.3 3.3.2.</value>
    public TimeSpan RoutineMaxIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The weakest factor tier 3 accepts.</summary>
    /// <value>The default is <see cref="FactorStrength.None"/>: any authenticated session may monitor.</value>
    public FactorStrength MonitoringMinimumFactor { get; set; } = FactorStrength.None;

    /// <summary>The oldest authentication tier 3 accepts. Must be positive.</summary>
    /// <value>The default is 30 days: the AAL1 reauthentication limit of NIST SP 800-63B rev 4 §2.1.3.</value>
    public TimeSpan MonitoringMaxFactorAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How far in the future an authentication time may lie before it is rejected as invalid input. Zero to ten minutes.</summary>
    /// <value>The default is 1 minute, for clocks that disagree slightly between the identity provider and the caller.</value>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Adds a message for every invalid setting to <paramref name="errors"/>, naming the setting as this class does; the
    /// host's validator puts its configuration section in front.
    /// </summary>
    internal void Validate(List<string> errors)
    {
        if (LargeOrderNotional <= 0m)
        {
            errors.Add($"LargeOrderNotional is {LargeOrderNotional}; set a positive amount in the account's base currency.");
        }

        OptionsErrors.RequireDefined(errors, "", nameof(CriticalMinimumFactor), CriticalMinimumFactor);
        OptionsErrors.RequireDefined(errors, "", nameof(RoutineMinimumFactor), RoutineMinimumFactor);
        OptionsErrors.RequireDefined(errors, "", nameof(MonitoringMinimumFactor), MonitoringMinimumFactor);
        // Order checks only make sense between defined values; an undefined one is already reported above.
        if (Enum.IsDefined(CriticalMinimumFactor) && Enum.IsDefined(RoutineMinimumFactor) && CriticalMinimumFactor < RoutineMinimumFactor)
        {
            errors.Add($"CriticalMinimumFactor ({CriticalMinimumFactor}) is weaker than RoutineMinimumFactor ({RoutineMinimumFactor}); tier 1 must demand at least what tier 2 does.");
        }

        if (Enum.IsDefined(RoutineMinimumFactor) && Enum.IsDefined(MonitoringMinimumFactor) && RoutineMinimumFactor < MonitoringMinimumFactor)
        {
            errors.Add($"RoutineMinimumFactor ({RoutineMinimumFactor}) is weaker than MonitoringMinimumFactor ({MonitoringMinimumFactor}); tier 2 must demand at least what tier 3 does.");
        }

        OptionsErrors.RequirePositive(errors, "", nameof(CriticalMaxFactorAge), CriticalMaxFactorAge);
        OptionsErrors.RequirePositive(errors, "", nameof(RoutineMaxFactorAge), RoutineMaxFactorAge);
        OptionsErrors.RequirePositive(errors, "", nameof(MonitoringMaxFactorAge), MonitoringMaxFactorAge);
        if (CriticalMaxFactorAge > RoutineMaxFactorAge)
        {
            errors.Add($"CriticalMaxFactorAge ({CriticalMaxFactorAge}) is longer than RoutineMaxFactorAge ({RoutineMaxFactorAge}); tier 1 must demand an authentication at least as fresh as tier 2.");
        }

        if (RoutineMaxFactorAge > MonitoringMaxFactorAge)
        {
            errors.Add($"RoutineMaxFactorAge ({RoutineMaxFactorAge}) is longer than MonitoringMaxFactorAge ({MonitoringMaxFactorAge}); tier 2 must demand an authentication at least as fresh as tier 3.");
        }

        OptionsErrors.RequirePositive(errors, "", nameof(CriticalMaxIdleTimeout), CriticalMaxIdleTimeout);
        OptionsErrors.RequirePositive(errors, "", nameof(RoutineMaxIdleTimeout), RoutineMaxIdleTimeout);
        if (CriticalMaxIdleTimeout > RoutineMaxIdleTimeout)
        {
            errors.Add($"CriticalMaxIdleTimeout ({CriticalMaxIdleTimeout}) is longer than RoutineMaxIdleTimeout ({RoutineMaxIdleTimeout}); tier 1 must lock at least as soon as tier 2.");
        }

        if (AllowedClockSkew < TimeSpan.Zero || AllowedClockSkew > TimeSpan.FromMinutes(10))
        {
            errors.Add($"AllowedClockSkew is {AllowedClockSkew}; set a value from 00:00:00 to 00:10:00.");
        }
    }
}
