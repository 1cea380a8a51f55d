using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.Otp;
using LoginPosture.SecondFactors;
using LoginPosture.Tiers;

namespace LoginPosture;

/// <summary>
/// Every setting of LoginPosture, one section per engine. Bind it from configuration (section names match the
/// property names) or set it in <c>AddLoginPosture(options =&gt; ...)</c>; it is validated once, at startup.
/// </summary>
public sealed class LoginPostureOptions
{
    /// <summary>The configuration section name conventionally used for these options.</summary>
    public const string SectionName = "LoginPosture";

    /// <summary>Thresholds of the three-tier operation checklist.</summary>
    public TierPolicyOptions Tiers { get; set; } = new();

    /// <summary>Thresholds of the least-privilege API-key evaluator.</summary>
    public ApiKeyEvaluatorOptions ApiKeys { get; set; } = new();

    /// <summary>Settings of the second-factor diversity scorer.</summary>
    public SecondFactorOptions SecondFactors { get; set; } = new();

    /// <summary>Settings of the TOTP verifier.</summary>
    public OtpOptions Otp { get; set; } = new();

    /// <summary>Rules that extend the layer classifier's built-in catalog of IBKR failure signals.</summary>
    public LayerClassifierOptions Layers { get; set; } = new();
}
