using System.Collections.Frozen;
using LoginPosture.Tiers;

namespace LoginPosture.AspNetCore;

/// <summary>
/// The built-in meaning of <c>amr</c> (RFC 8176 §2) and <c>acr</c> values as authenticator kinds. Only values that
/// prove a second factor are listed; the rest (<c>pwd</c>, <c>pin</c>, <c>kba</c>, <c>user</c>, <c>wia</c>,
/// <c>geo</c>, <c>rba</c>, and the biometrics <c>face</c>, <c>fpt</c>, <c>iris</c>, <c>retina</c>, <c>vbm</c>, which
/// unlock a key that the provider reports as <c>hwk</c> or <c>swk</c>) count as no second factor.
/// </summary>
internal static class AuthenticationMethods
{
    private static readonly KeyValuePair<string, AuthenticatorKind>[] Rfc8176 =
    [
        new("hwk", AuthenticatorKind.SecurityKey),      // proof of possession of a hardware-secured key
        new("sc", AuthenticatorKind.SecurityKey),       // smart card
        new("swk", AuthenticatorKind.SyncedPasskey),    // proof of possession of a software-secured key
        new("pop", AuthenticatorKind.SyncedPasskey),    // key of unspecified protection: the weaker of hwk and swk
        new("otp", AuthenticatorKind.AuthenticatorApp), // one-time password; map a provider's hardware-token value to HardwareOtp
        new("sms", AuthenticatorKind.Sms),
        new("tel", AuthenticatorKind.Voice),
        // "Several factors" or "several channels" without naming them: the weakest second factor they admit.
        new("mfa", AuthenticatorKind.Sms),
        new("mca", AuthenticatorKind.Sms),
    ];

    public static FrozenDictionary<string, AuthenticatorKind> AmrTable(Dictionary<string, AuthenticatorKind> extra) =>
        Merge(Rfc8176, extra);

    public static FrozenDictionary<string, AuthenticatorKind> AcrTable(Dictionary<string, AuthenticatorKind> extra) =>
        Merge(
            [
                new(TierDecision.AcrValue(FactorStrength.Weak), AuthenticatorKind.Sms),
                new(TierDecision.AcrValue(FactorStrength.Push), AuthenticatorKind.PushWithNumberMatching),
                new(TierDecision.AcrValue(FactorStrength.AuthenticatorApp), AuthenticatorKind.AuthenticatorApp),
                new(TierDecision.AcrValue(FactorStrength.HardwareOtp), AuthenticatorKind.HardwareOtp),
                new(TierDecision.AcrValue(FactorStrength.HardwareCryptographic), AuthenticatorKind.SecurityKey),
            ],
            extra);

    private static FrozenDictionary<string, AuthenticatorKind> Merge(KeyValuePair<string, AuthenticatorKind>[] builtIn, Dictionary<string, AuthenticatorKind> extra)
    {
        var table = new Dictionary<string, AuthenticatorKind>(StringComparer.Ordinal);
        foreach (var (value, kind) in builtIn)
        {
            table[value] = kind;
        }

        // Configured values add to the built-in ones or override them.
        foreach (var (value, kind) in extra)
        {
            table[value] = kind;
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The stronger of two factors (by the checklist's order); on a tie, the one already held.</summary>
    public static AuthenticatorKind? Stronger(AuthenticatorKind? held, AuthenticatorKind candidate) =>
        held is { } h && FactorStrengths.Of(h) >= FactorStrengths.Of(candidate) ? h : candidate;
}
