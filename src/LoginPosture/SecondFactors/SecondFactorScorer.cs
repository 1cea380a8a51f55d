namespace LoginPosture.SecondFactors;

/// <summary>
/// Scores an account's enrolled second factors for resilience to lockout and resistance to takeover, and lists what
/// to fix. Immutable after construction and safe to call from many threads.
/// </summary>
/// <remarks>
/// <para><b>Score (0-100)</b> = takeover (0-50) + lockout (0-30) + hygiene (0-20), and 0 when nothing is enrolled.</para>
/// <list type="bullet">
/// <item><b>Takeover</b>: the weakest enrolled factor's block rate for each of the five attack classes, summed
/// (0-500) and divided by 10, rounded half up. Weakest link: an attacker chooses the factor, so adding a weaker one
/// lowers this part.</item>
/// <item><b>Lockout</b>: from the lockout resilience r (fewest failure domains whose loss disables every factor):
/// r = 1 gives 5, r = 2 gives 22, r ≥ 3 gives 30.</item>
/// <item><b>Hygiene</b>: 6 for an external hardware factor (security key or hardware OTP device), 5 for an offline
/// recovery factor (one that depends only on offline places), 5 when every factor was rehearsed within
/// <see cref="SecondFactorOptions.RehearsalMaxAge"/>, 4 when no factor is restricted or non-conformant (SMS, voice,
/// email, approve-only push).</item>
/// </list>
/// <para><b>Grade</b>: A from 85, B from 70, C from 55, D from 40, F below 40.</para>
/// <para>Block rates per factor kind and attack class are published figures (Google 2019, Princeton SOUPS 2020) or
/// documented derivations from them; see <see cref="BlockRate"/>.</para>
/// </remarks>
public sealed class SecondFactorScorer
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _rehearsalMaxAge;

    /// <summary>Creates a scorer from validated options.</summary>
    /// <param name="options">The settings; read once here.</param>
    /// <param name="timeProvider">The clock for <see cref="Score(SecondFactorSet)"/>; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the exception lists every one.</exception>
    public SecondFactorScorer(SecondFactorOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options);
        var errors = new List<string>();
        options.Validate(errors);
        OptionsErrors.ThrowIfAny<SecondFactorOptions>(errors);

        _time = timeProvider ?? TimeProvider.System;
        _rehearsalMaxAge = options.RehearsalMaxAge;
    }

    /// <summary>The percentage of attacks of a class that a factor of a kind blocks, as the scorer uses it.</summary>
    /// <param name="kind">The factor kind.</param>
    /// <param name="attack">The attack class.</param>
    /// <returns>
    /// 0 to 100. Bots / bulk / targeted phishing for security keys (100/100/100), push prompts (100/99/90) and SMS
    /// (100/96/76) are Google 2019's published rates; SMS and voice SIM swap (22) follows Princeton's 39 of 50
    /// successful swaps; every other figure is derived from the factor's exposure and documented as such.
    /// </returns>
    /// <exception cref="ArgumentException">A value is undefined.</exception>
    public static int BlockRate(AuthenticatorKind kind, AttackClass attack)
    {
        if ((uint)kind > (uint)AuthenticatorKind.RecoveryCodes)
        {
            Guard.ThrowUndefined(kind, nameof(kind));
        }

        if ((uint)attack > (uint)AttackClass.DeviceMalware)
        {
            Guard.ThrowUndefined(attack, nameof(attack));
        }

        return BlockRates.Of(kind, attack);
    }

    /// <summary>Scores a set at the current time of the scorer's clock.</summary>
    /// <param name="factors">The enrolled factors.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factors"/> is null.</exception>
    public SecondFactorReport Score(SecondFactorSet factors) => Score(factors, _time.GetUtcNow());

    /// <summary>Scores a set at a given instant (deterministic: no clock is read).</summary>
    /// <param name="factors">The enrolled factors.</param>
    /// <param name="now">The instant rehearsal ages are measured from; a rehearsal after it counts as fresh.</param>
    /// <returns>The report. Findings are rendered on first access.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factors"/> is null.</exception>
    public SecondFactorReport Score(SecondFactorSet factors, DateTimeOffset now)
    {
        Guard.NotNull(factors);
        var kinds = factors.Kinds;
        var masks = factors.Masks;
        var rates = new int[BlockRates.AttackClasses];
        var weakest = new int[BlockRates.AttackClasses];
        if (kinds.Length == 0)
        {
            Array.Fill(weakest, -1);
            return new SecondFactorReport(factors, now, _rehearsalMaxAge, rates, weakest, 0, 0, 0, 0, 0, SecondFactorReport.Flags.None);
        }

        Array.Fill(rates, 101);
        var flags = SecondFactorReport.Flags.AllPhishingResistant | SecondFactorReport.Flags.AllConformant;
        uint neverRehearsed = 0, stale = 0;
        for (var i = 0; i < kinds.Length; i++)
        {
            var kind = kinds[i];
            for (var c = 0; c < BlockRates.AttackClasses; c++)
            {
                var rate = BlockRates.Of(kind, (AttackClass)c);
                if (rate < rates[c])
                {
                    rates[c] = rate;
                    weakest[c] = i;
                }
            }

            flags = BlockRates.IsPhishingResistant(kind)
                ? flags | SecondFactorReport.Flags.AnyPhishingResistant
                : flags & ~SecondFactorReport.Flags.AllPhishingResistant;

            if (!BlockRates.IsConformant(kind))
            {
                flags &= ~SecondFactorReport.Flags.AllConformant;
            }

            if (BlockRates.IsExternalHardware(kind))
            {
                flags |= SecondFactorReport.Flags.ExternalHardware;
            }

            if ((masks[i] & ~factors.OfflineDomains) == 0)
            {
                flags |= SecondFactorReport.Flags.OfflineRecovery;
            }

            if (factors.Rehearsed[i] is not { } rehearsed)
            {
                neverRehearsed |= 1u << i;
            }
            else if (now - rehearsed > _rehearsalMaxAge)
            {
                stale |= 1u << i;
            }
        }

        var resilience = LockoutAnalysis.MinimumCut(masks, out var cut);
        var takeover = (rates[0] + rates[1] + rates[2] + rates[3] + rates[4] + 5) / 10;
        var lockout = resilience switch { 1 => 5, 2 => 22, _ => 30 };
        var hygiene = ((flags & SecondFactorReport.Flags.ExternalHardware) != 0 ? 6 : 0)
            + ((flags & SecondFactorReport.Flags.OfflineRecovery) != 0 ? 5 : 0)
            + ((neverRehearsed | stale) == 0 ? 5 : 0)
            + ((flags & SecondFactorReport.Flags.AllConformant) != 0 ? 4 : 0);

        return new SecondFactorReport(factors, now, _rehearsalMaxAge, rates, weakest, takeover + lockout + hygiene, resilience, cut, neverRehearsed, stale, flags);
    }
}
