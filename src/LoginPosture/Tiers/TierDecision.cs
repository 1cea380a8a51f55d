using System.Globalization;

namespace LoginPosture.Tiers;

/// <summary>
/// The tier policy's answer for one operation and session: the verdict, the unmet requirements as data, and for a
/// step-up the factor strength and maximum age to ask for, in the spirit of RFC 9470's <c>acr_values</c> and
/// <c>max_age</c>.
/// </summary>
public readonly record struct TierDecision
{
    internal TierDecision(
        Tier tier,
        TierVerdict verdict,
        TierRequirements unmet,
        FactorStrength requiredStrength,
        TimeSpan maxAge)
    {
        Tier = tier;
        Verdict = verdict;
        Unmet = unmet;
        RequiredStrength = requiredStrength;
        MaxAge = maxAge;
    }

    /// <summary>The tier the operation falls in.</summary>
    public Tier Tier { get; }

    /// <summary>Allow, StepUp or Deny.</summary>
    public TierVerdict Verdict { get; }

    /// <summary>Every requirement of the tier the session does not meet; <see cref="TierRequirements.None"/> when allowed.</summary>
    public TierRequirements Unmet { get; }

    /// <summary>The weakest factor the tier accepts (the <c>acr_values</c> of a step-up challenge).</summary>
    public FactorStrength RequiredStrength { get; }

    /// <summary>The oldest authentication the tier accepts (the <c>max_age</c> of a step-up challenge).</summary>
    public TimeSpan MaxAge { get; }

    /// <summary>Whether the operation may run.</summary>
    public bool IsAllowed => Verdict == TierVerdict.Allow;

    /// <summary>
    /// Renders an RFC 9470 <c>WWW-Authenticate</c> challenge for a step-up decision, naming the required strength as
    /// an <c>acr_values</c> entry (<c>urn:loginposture:acr:*</c>) and the maximum age in whole seconds.
    /// </summary>
    /// <returns>The header value, for example <c>Bearer error="insufficient_user_authentication", acr_values="urn:loginposture:acr:hardware-otp", max_age="300"</c>.</returns>
    /// <exception cref="InvalidOperationException">The verdict is not <see cref="TierVerdict.StepUp"/>.</exception>
    public string ToStepUpChallenge()
    {
        if (Verdict != TierVerdict.StepUp)
        {
            throw new InvalidOperationException($"Only a StepUp decision carries a challenge; this decision is {Verdict}.");
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"Bearer error=\"insufficient_user_authentication\", acr_values=\"{AcrValue(RequiredStrength)}\", max_age=\"{(long)MaxAge.TotalSeconds}\"");
    }

    // A decision that is not an allow, as a finding about the named session check: TP001 for a step-up, TP002 for a
    // denial, with every unmet requirement and its fix. Null when the decision allows the operation.
    internal Finding? FindingFor(string subject)
    {
        if (Verdict == TierVerdict.Allow)
        {
            return null;
        }

        var unmet = string.Join(", ", Unmet.Enumerate());
        var fix = string.Join(" ", Unmet.Enumerate().Select(static r => r.Describe()));
        var tier = $"tier {(int)Tier} ({Tier.ToString().ToLowerInvariant()})";
        return Verdict == TierVerdict.StepUp
            ? TierFindings.StepUpNeeded.Raise(
                $"'{subject}' needs a step-up at {tier}: {unmet}; authenticate with {RequiredStrength} or stronger within {MaxAge}.",
                Tier == Tier.Critical ? Severity.Medium : Severity.Low, fix)
            : TierFindings.Denied.Raise(
                $"'{subject}' is denied at {tier}: {unmet}.",
                Tier == Tier.Critical ? Severity.High : Severity.Medium, fix);
    }

    /// <summary>The <c>acr</c> value this library uses for a strength class.</summary>
    /// <param name="strength">A strength class.</param>
    /// <returns>A URN such as <c>urn:loginposture:acr:hardware-otp</c>.</returns>
    public static string AcrValue(FactorStrength strength) => strength switch
    {
        FactorStrength.None => "urn:loginposture:acr:password",
        FactorStrength.Weak => "urn:loginposture:acr:weak",
        FactorStrength.Push => "urn:loginposture:acr:push",
        FactorStrength.AuthenticatorApp => "urn:loginposture:acr:authenticator-app",
        FactorStrength.HardwareOtp => "urn:loginposture:acr:hardware-otp",
        FactorStrength.HardwareCryptographic => "urn:loginposture:acr:hardware-cryptographic",
        _ => throw new ArgumentException($"strength is {strength}, which is not a defined FactorStrength value.", nameof(strength)),
    };
}
