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
    private const string Seed = "Seed 001 (IBKR login explainer)";
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

    /// <summary>The findings, most severe first, then by id and subject; built on first access.</summary>
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
        var found = new List<(Finding Finding, string Subject)>();
        void Add(string id, Severity severity, string subject, string message, string fix, string anchor) =>
            found.Add((new Finding(id, severity, Layer.Identity, message, fix, anchor), subject));

        var authenticators = _factors.Authenticators;
        if (authenticators.Count == 0)
        {
            Add("SF011", Severity.Critical, string.Empty,
                "No second factor is enrolled: a stolen password alone opens the account.",
                "Enrol a FIDO2 security key or an authenticator app, then a backup kept somewhere else.",
                "NIST SP 800-63B rev 4 §2.2.1 (AAL2 needs two factors); Google 2019 (any second factor blocked 100% of automated bots)");
            return Sorted(found);
        }

        for (var i = 0; i < authenticators.Count; i++)
        {
            var a = authenticators[i];
            switch (a.Kind)
            {
                case AuthenticatorKind.Sms or AuthenticatorKind.Voice:
                    Add("SF001", Severity.High, a.Label,
                        $"'{a.Label}' delivers codes by {(a.Kind == AuthenticatorKind.Sms ? "SMS" : "voice call")}, a restricted authenticator: a SIM swap hands it to an attacker, and relayed codes stop only 76% of targeted attacks.",
                        $"Enrol an authenticator app or a security key, then remove '{a.Label}' and the phone number from account recovery.",
                        "NIST SP 800-63B rev 4 §3.1.3.3, §3.2.9 (restricted authenticators); Lee et al., SOUPS 2020 (39 of 50 SIM swaps succeeded); Google 2019 (SMS 100/96/76%)");
                    break;
                case AuthenticatorKind.Email:
                    Add("SF002", Severity.High, a.Label,
                        $"'{a.Label}' uses email as a factor: whoever controls the mailbox passes it, and email recovery has been used to switch MFA off.",
                        $"Remove '{a.Label}' as a sign-in or recovery factor; use an authenticator app, a security key or offline recovery codes instead.",
                        "NIST SP 800-63B rev 4 §3.1.3.1 (email SHALL NOT be used for out-of-band authentication); Amft et al., CCS 2023 (email access bypassed MFA)");
                    break;
                case AuthenticatorKind.PushApproveOnly:
                    Add("SF006", Severity.Medium, a.Label,
                        $"'{a.Label}' asks only to approve a push: repeated prompts can wear the user into approving an attacker's sign-in (push fatigue).",
                        $"Turn on number matching (or code transfer) for '{a.Label}', or replace it with an app that has it.",
                        "NIST SP 800-63B rev 4 §3.1.3.1 (approve-only push does not conform); CISA 2022 (number matching against push bombing)");
                    break;
                default:
                    break;
            }

            var bit = 1u << i;
            if ((_neverRehearsed & bit) != 0)
            {
                Add("SF008", Severity.Medium, a.Label,
                    $"'{a.Label}' has never been rehearsed: nobody knows it still works on its own.",
                    $"Sign in (or run the recovery flow) once with '{a.Label}' alone, then record the date as its last rehearsal.",
                    $"{Seed}: rehearse recovery steps before you need them; Google 2019 (38% of users could not reach their phone when challenged)");
            }
            else if ((_stale & bit) != 0)
            {
                Add("SF009", Severity.Low, a.Label,
                    $"'{a.Label}' was last rehearsed on {a.LastRehearsed!.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, more than {_rehearsalMaxAge.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days before {_now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.",
                    $"Rehearse '{a.Label}' again: sign in or recover with it alone and record the date.",
                    $"{Seed}: rehearse recovery steps before you need them");
            }
        }

        if ((_flags & Flags.ExternalHardware) == 0)
        {
            Add("SF003", Severity.Medium, string.Empty,
                "No external hardware factor (security key or hardware OTP device) is enrolled.",
                "Enrol a FIDO2 security key, or a hardware OTP device such as IBKR's Digital Security Card+, and keep it off the phone.",
                $"{Seed}: at least one external hardware factor; NIST SP 800-63B rev 4 §2.3.1 (AAL3 needs hardware); Google 2019 (security keys blocked 100%)");
        }

        if ((_flags & Flags.AnyPhishingResistant) == 0)
        {
            Add("SF012", Severity.Medium, string.Empty,
                "No phishing-resistant factor is enrolled: every factor can be relayed by a fake login page.",
                "Enrol a FIDO2 security key or a passkey.",
                "NIST SP 800-63B rev 4 §3.2.5 (only cryptographic authenticators resist phishing); CISA 2022 (phishing-resistant MFA)");
        }

        if ((_flags & Flags.OfflineRecovery) == 0)
        {
            Add("SF007", Severity.Medium, string.Empty,
                "No offline recovery: every factor depends on a device, a phone number or a cloud account.",
                "Generate recovery codes (or register a spare security key) and keep them in an offline place such as a safe; model that place as an OfflinePlace domain.",
                $"{Seed}: keep recovery codes offline; NIST SP 800-63B rev 4 §4.2.1.1 (saved recovery codes)");
        }

        AddSinglePoints(Add);
        return Sorted(found);
    }

    private void AddSinglePoints(Action<string, Severity, string, string, string, string> add)
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
            if (domain.Kind == FailureDomainKind.Device)
            {
                add("SF004", Severity.High, domain.Name,
                    $"Every factor lives on the device '{domain.Name}': losing, breaking or wiping it locks the account out, and malware on it reaches every factor.",
                    $"Enrol a factor that does not depend on '{domain.Name}': a security key, or recovery codes kept offline.",
                    $"{Seed}: a lost authenticator device means days to weeks of recovery; Büttner & Gruschka, ICISSP 2024 (single-device lockout); PSD2 RTS Art. 9 (independent elements)");
                if (allPush)
                {
                    add("SF005", Severity.High, domain.Name,
                        $"Push approval on '{domain.Name}' is the only factor, on the only phone.",
                        "Add a second channel off the phone (security key or hardware OTP device) and disable push approval for withdrawals and other high-value actions.",
                        $"{Seed}: disable push approval for high-value actions if your phone is the only 2FA device");
                }
            }
            else
            {
                add("SF010", Severity.High, domain.Name,
                    $"Every factor depends on the {KindText(domain.Kind)} '{domain.Name}': losing it alone locks the account out.",
                    $"Enrol a factor that does not depend on '{domain.Name}', such as a security key or offline recovery codes.",
                    "NIST SP 800-63B rev 4 §4.1.2.1 (keep at least two separate means of authentication); Google 2019 (38% of users lacked their phone when challenged)");
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

    private static IReadOnlyList<Finding> Sorted(List<(Finding Finding, string Subject)> found)
    {
        found.Sort(static (a, b) =>
        {
            var bySeverity = b.Finding.Severity.CompareTo(a.Finding.Severity);
            if (bySeverity != 0)
            {
                return bySeverity;
            }

            var byId = string.CompareOrdinal(a.Finding.Id, b.Finding.Id);
            return byId != 0 ? byId : string.CompareOrdinal(a.Subject, b.Subject);
        });

        var result = new Finding[found.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = found[i].Finding;
        }

        return Array.AsReadOnly(result);
    }
}
