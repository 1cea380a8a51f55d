using System.Globalization;
using System.Numerics;

namespace LoginPosture.SecondFactors;

/// <summary>
/// What <see cref="SecondFactorScorer"/> found for one set of enrolled factors: score and grade, lockout resilience,
/// the weakest takeover path per attack class, phishing resistance and findings with fixes. Immutable; the findings
/// text is built on first access (once, thread-safe).
/// </summary>
public sealed class SecondFactorReport
{
    private readonly SecondFactorSet _factors;
    private readonly DateTimeOffset _now;
    private readonly TimeSpan _rehearsalMaxAge;
    private readonly int[] _rates;
    private readonly int[] _weakest;
    private readonly uint _cut;
    private readonly uint _neverRehearsed;
    private readonly uint _stale;
    private readonly Flags _flags;
    private IReadOnlyList<Finding>? _findings;

    internal SecondFactorReport(
        SecondFactorSet factors, DateTimeOffset now, TimeSpan rehearsalMaxAge, int[] rates, int[] weakest,
        int score, int resilience, uint cut, uint neverRehearsed, uint stale, Flags flags)
    {
        _factors = factors;
        _now = now;
        _rehearsalMaxAge = rehearsalMaxAge;
        _rates = rates;
        _weakest = weakest;
        _cut = cut;
        _neverRehearsed = neverRehearsed;
        _stale = stale;
        _flags = flags;
        Score = score;
        LockoutResilience = resilience;
    }

    [Flags]
    internal enum Flags
    {
        None = 0,
        AnyPhishingResistant = 1,
        AllPhishingResistant = 2,
        AllConformant = 4,
        ExternalHardware = 8,
        OfflineRecovery = 16,
    }

    /// <summary>0 to 100; the formula is documented on <see cref="SecondFactorScorer"/>.</summary>
    public int Score { get; }

    /// <summary>The letter grade of <see cref="Score"/>: A from 85, B from 70, C from 55, D from 40, F below.</summary>
    public Grade Grade => Score switch { >= 85 => Grade.A, >= 70 => Grade.B, >= 55 => Grade.C, >= 40 => Grade.D, _ => Grade.F };

    /// <summary>
    /// The fewest failure domains whose loss disables every enrolled factor: 1 means a single lost phone (or SIM, or
    /// cloud account) locks the account out; 0 when nothing is enrolled. Computed exactly.
    /// </summary>
    public int LockoutResilience { get; }

    /// <summary>One smallest set of failure domains whose loss disables every factor (names in ordinal order); empty when nothing is enrolled.</summary>
    public IReadOnlyList<string> LockoutDomains => DomainNames(_cut);

    /// <summary>Whether every enrolled factor is phishing-resistant (security key or passkey), so that no phishable path remains.</summary>
    public bool PhishingResistant => (_flags & Flags.AllPhishingResistant) != 0;

    /// <summary>Whether at least one enrolled factor is phishing-resistant.</summary>
    public bool HasPhishingResistantFactor => (_flags & Flags.AnyPhishingResistant) != 0;

    /// <summary>The lowest block rate over all attack classes: the account's takeover resistance, 0 to 100.</summary>
    public int TakeoverResistance => Math.Min(Math.Min(Math.Min(_rates[0], _rates[1]), Math.Min(_rates[2], _rates[3])), _rates[4]);

    /// <summary>The weakest path for every attack class, in <see cref="AttackClass"/> order.</summary>
    public IReadOnlyList<TakeoverPath> TakeoverPaths =>
        [Weakest(AttackClass.Bots), Weakest(AttackClass.BulkPhishing), Weakest(AttackClass.TargetedPhishing), Weakest(AttackClass.SimSwap), Weakest(AttackClass.DeviceMalware)];

    /// <summary>The findings in <see cref="FindingOrder"/> (the most severe first, then by id and message); built on first access.</summary>
    public IReadOnlyList<Finding> Findings
    {
        get
        {
            if (_findings is null)
            {
                Interlocked.CompareExchange(ref _findings, BuildFindings(), null);
            }

            return _findings;
        }
    }

    /// <summary>The weakest enrolled factor against one attack class and its block rate.</summary>
    /// <param name="attack">The attack class.</param>
    /// <returns>The path; a block rate of 0 and no authenticator when nothing is enrolled.</returns>
    /// <exception cref="ArgumentException"><paramref name="attack"/> is undefined.</exception>
    public TakeoverPath Weakest(AttackClass attack)
    {
        if ((uint)attack > (uint)AttackClass.DeviceMalware)
        {
            Guard.ThrowUndefined(attack, nameof(attack));
        }

        var index = _weakest[(int)attack];
        return new TakeoverPath(attack, _rates[(int)attack], index < 0 ? null : _factors.Authenticators[index].Label);
    }

    private string[] DomainNames(uint mask)
    {
        var names = new string[BitOperations.PopCount(mask)];
        var n = 0;
        for (var rest = mask; rest != 0; rest &= rest - 1)
        {
            names[n++] = _factors.Domains[BitOperations.TrailingZeroCount(rest)].Name;
        }

        return names;
    }

    private IReadOnlyList<Finding> BuildFindings()
    {
        var found = new List<Finding>();
        if (_factors.Authenticators.Count == 0)
        {
            found.Add(SecondFactorFindings.NoSecondFactor.Raise("No second factor is enrolled: a stolen password alone opens the account."));
            return FindingOrder.Sort(found);
        }

        for (var i = 0; i < _factors.Authenticators.Count; i++)
        {
            var a = _factors.Authenticators[i];
            if (DetectRestrictedKind(a) is { } restricted)
            {
                found.Add(restricted);
            }

            if (DetectRehearsal(a, 1u << i) is { } rehearsal)
            {
                found.Add(rehearsal);
            }
        }

        DetectMissingKinds(found);
        DetectSinglePoints(found);
        return FindingOrder.Sort(found);
    }

    // SF001, SF002, SF006: a factor whose kind is restricted, not allowed, or non-conformant.
    private static Finding? DetectRestrictedKind(Authenticator a) => a.Kind switch
    {
        AuthenticatorKind.Sms or AuthenticatorKind.Voice => SecondFactorFindings.SmsOrVoiceFactor.Raise(
            $"'{a.Label}' delivers codes by {(a.Kind == AuthenticatorKind.Sms ? "SMS" : "voice call")}, a restricted authenticator: a SIM swap hands it to an attacker, and relayed codes stop only 76% of targeted attacks.",
            $"Enrol an authenticator app or a security key, then remove '{a.Label}' and the phone number from account recovery."),
        AuthenticatorKind.Email => SecondFactorFindings.EmailFactor.Raise(
            $"'{a.Label}' uses email as a factor: whoever controls the mailbox passes it, and email recovery has been used to switch MFA off.",
            $"Remove '{a.Label}' as a sign-in or recovery factor; use an authenticator app, a security key or offline recovery codes instead."),
        AuthenticatorKind.PushApproveOnly => SecondFactorFindings.ApproveOnlyPush.Raise(
            $"'{a.Label}' asks only to approve a push: repeated prompts can wear the user into approving an attacker's sign-in (push fatigue).",
            $"Turn on number matching (or code transfer) for '{a.Label}', or replace it with an app that has it."),
        _ => null,
    };

    // SF008, SF009: a factor never rehearsed, or rehearsed too long ago.
    private Finding? DetectRehearsal(Authenticator a, uint bit)
    {
        if ((_neverRehearsed & bit) != 0)
        {
            return SecondFactorFindings.NeverRehearsed.Raise(
                $"'{a.Label}' has never been rehearsed: nobody knows it still works on its own.",
                $"Sign in (or run the recovery flow) once with '{a.Label}' alone, then record the date as its last rehearsal.");
        }

        if ((_stale & bit) == 0)
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        return SecondFactorFindings.RehearsalStale.Raise(
            $"'{a.Label}' was last rehearsed on {a.LastRehearsed!.Value.UtcDateTime.ToString("yyyy-MM-dd", inv)}, more than {_rehearsalMaxAge.TotalDays.ToString("0.#", inv)} days before {_now.UtcDateTime.ToString("yyyy-MM-dd", inv)}.",
            $"Rehearse '{a.Label}' again: sign in or recover with it alone and record the date.");
    }

    // SF003, SF012, SF007: a kind of factor the set lacks.
    private void DetectMissingKinds(List<Finding> found)
    {
        if ((_flags & Flags.ExternalHardware) == 0)
        {
            found.Add(SecondFactorFindings.NoExternalHardware.Raise("No external hardware factor (security key or hardware OTP device) is enrolled."));
        }

        if ((_flags & Flags.AnyPhishingResistant) == 0)
        {
            found.Add(SecondFactorFindings.NoPhishingResistantFactor.Raise("No phishing-resistant factor is enrolled: every factor can be relayed by a fake login page."));
        }

        if ((_flags & Flags.OfflineRecovery) == 0)
        {
            found.Add(SecondFactorFindings.NoOfflineRecovery.Raise("No offline recovery: every factor depends on a device, a phone number or a cloud account."));
        }
    }

    // SF004, SF005, SF010: a failure domain every factor depends on.
    private void DetectSinglePoints(List<Finding> found)
    {
        var masks = _factors.Masks;
        var shared = uint.MaxValue;
        var allPush = true;
        for (var i = 0; i < masks.Length; i++)
        {
            shared &= masks[i];
            allPush &= _factors.Kinds[i] is AuthenticatorKind.PushWithNumberMatching or AuthenticatorKind.PushApproveOnly;
        }

        for (var rest = shared; rest != 0; rest &= rest - 1)
        {
            var domain = _factors.Domains[BitOperations.TrailingZeroCount(rest)];
            if (domain.Kind != FailureDomainKind.Device)
            {
                found.Add(SecondFactorFindings.SingleFailureDomain.Raise(
                    $"Every factor depends on the {KindText(domain.Kind)} '{domain.Name}': losing it alone locks the account out.",
                    $"Enrol a factor that does not depend on '{domain.Name}', such as a security key or offline recovery codes."));
                continue;
            }

            found.Add(SecondFactorFindings.SingleDevice.Raise(
                $"Every factor lives on the device '{domain.Name}': losing, breaking or wiping it locks the account out, and malware on it reaches every factor.",
                $"Enrol a factor that does not depend on '{domain.Name}': a security key, or recovery codes kept offline."));
            if (allPush)
            {
                found.Add(SecondFactorFindings.PushOnlyOnOnlyPhone.Raise($"Push approval on '{domain.Name}' is the only factor, on the only phone."));
            }
        }
    }

    private static string KindText(FailureDomainKind kind) => kind switch
    {
        FailureDomainKind.PhoneNumber => "phone number",
        FailureDomainKind.SyncAccount => "sync account",
        FailureDomainKind.OfflinePlace => "offline place",
        _ => "device",
    };
}
