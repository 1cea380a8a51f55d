using System.Collections.Immutable;
using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.Otp;
using LoginPosture.SecondFactors;
using LoginPosture.Tiers;

namespace LoginPosture.Posture;

/// <summary>
/// Runs every engine over one <see cref="PostureSnapshot"/> and joins the results into one <see cref="PostureReport"/>:
/// "here is my account's posture, tell me what to fix first". Immutable and thread-safe.
/// </summary>
public sealed class PostureEvaluator
{
    private readonly TierPolicy _tiers;
    private readonly LayerClassifier _layers;
    private readonly SecondFactorScorer _secondFactors;
    private readonly ApiKeyEvaluator _apiKeys;
    private readonly TimeProvider _time;

    /// <summary>Creates an evaluator over engines built elsewhere (as <c>AddLoginPosture</c> does).</summary>
    /// <param name="tiers">The tier policy.</param>
    /// <param name="layers">The layer classifier.</param>
    /// <param name="secondFactors">The second-factor scorer.</param>
    /// <param name="apiKeys">The API-key evaluator.</param>
    /// <param name="timeProvider">The clock used when a snapshot has no <see cref="PostureSnapshot.AsOf"/>; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException">An engine is null.</exception>
    public PostureEvaluator(TierPolicy tiers, LayerClassifier layers, SecondFactorScorer secondFactors, ApiKeyEvaluator apiKeys, TimeProvider? timeProvider = null)
    {
        _tiers = Guard.NotNull(tiers);
        _layers = Guard.NotNull(layers);
        _secondFactors = Guard.NotNull(secondFactors);
        _apiKeys = Guard.NotNull(apiKeys);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates an evaluator and its engines with the default settings and the system clock.</summary>
    public PostureEvaluator()
        : this(new LoginPostureOptions(), TimeProvider.System)
    {
    }

    /// <summary>Creates an evaluator and its engines from options, with the system clock.</summary>
    /// <param name="options">Every engine's settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the exception lists every one.</exception>
    public PostureEvaluator(LoginPostureOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Creates an evaluator and its engines from options, with a clock.</summary>
    /// <param name="options">Every engine's settings.</param>
    /// <param name="timeProvider">The clock used when a snapshot has no <see cref="PostureSnapshot.AsOf"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the exception lists every one.</exception>
    public PostureEvaluator(LoginPostureOptions options, TimeProvider timeProvider)
        : this(Build(Guard.NotNull(options)), Guard.NotNull(timeProvider))
    {
    }

    private PostureEvaluator((TierPolicy, LayerClassifier, SecondFactorScorer, ApiKeyEvaluator) engines, TimeProvider? timeProvider)
        : this(engines.Item1, engines.Item2, engines.Item3, engines.Item4, timeProvider)
    {
    }

    /// <summary>Judges a snapshot at its <see cref="PostureSnapshot.AsOf"/> instant, or now when it has none.</summary>
    /// <param name="snapshot">The posture.</param>
    /// <returns>The report, with findings bottom-up by layer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="PostureFormatException">The snapshot was read from a document in which a past time (such as <c>created</c>) is later than the judgement instant; the exception names its JSON path.</exception>
    /// <exception cref="ArgumentException">An OTP enrolment's label names no authenticator app or hardware OTP device of <see cref="PostureSnapshot.SecondFactors"/>, or a session check is invalid for the tier policy (for example authenticated after the snapshot's time); the message names the check.</exception>
    public PostureReport Evaluate(PostureSnapshot snapshot)
    {
        Guard.NotNull(snapshot);
        var now = snapshot.AsOf ?? _time.GetUtcNow();
        PostureTimes.RequireNotAfter(snapshot.TimeFields, now, snapshot.AsOf is null ? "the evaluator's clock, as asOf is not given" : "asOf");
        var findings = new List<Finding>();

        var secondFactors = snapshot.SecondFactors is { } set ? _secondFactors.Score(set, now) : null;
        if (secondFactors is not null)
        {
            findings.AddRange(secondFactors.Findings);
        }

        findings.AddRange(OtpEnrolmentFindings(snapshot));

        var keys = new ApiKeyEvaluation[snapshot.ApiKeys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = _apiKeys.Evaluate(snapshot.ApiKeys[i], now);
            findings.AddRange(keys[i].Findings);
        }

        var checks = new SessionCheckResult[snapshot.SessionChecks.Length];
        for (var i = 0; i < checks.Length; i++)
        {
            var check = snapshot.SessionChecks[i];
            checks[i] = new SessionCheckResult(check, Decide(check, i, now));
            findings.AddRange(checks[i].Findings);
        }

        var layers = _layers.Diagnose(snapshot.Signals.AsSpan());
        findings.AddRange(layers.Findings);
        return new PostureReport(snapshot.Account, now, secondFactors, keys, checks, layers, FindingOrder.Sort(findings));
    }

    // Enrolments are judged in ordinal label order; the findings are then sorted with the rest.
    private static IEnumerable<Finding> OtpEnrolmentFindings(PostureSnapshot snapshot)
    {
        var enrolments = snapshot.OtpEnrolments ?? ImmutableDictionary<string, OtpEnrolment>.Empty;
        foreach (var (label, enrolment) in enrolments.OrderBy(static e => e.Key, StringComparer.Ordinal))
        {
            var kind = snapshot.SecondFactors?.Authenticators.FirstOrDefault(a => string.Equals(a.Label, label, StringComparison.Ordinal))?.Kind;
            if (kind is not (AuthenticatorKind.AuthenticatorApp or AuthenticatorKind.HardwareOtp))
            {
                throw new ArgumentException(
                    $"OtpEnrolments['{label}']: {(kind is null ? "no authenticator in SecondFactors has this label" : $"the authenticator is of kind {kind}")}; key each enrolment by the label of an AuthenticatorApp or HardwareOtp authenticator.",
                    nameof(snapshot));
            }

            foreach (var finding in OtpEnrolmentCheck.Findings(label, Guard.NotNull(enrolment)))
            {
                yield return finding;
            }
        }
    }

    private TierDecision Decide(SessionCheck check, int index, DateTimeOffset now)
    {
        try
        {
            return _tiers.Evaluate(check.Operation, check.Session, now);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"sessionChecks[{index}] ('{check.Name}'): {Guard.MessageOf(e)}", $"sessionChecks[{index}].{e.ParamName}", e);
        }
    }

    private static (TierPolicy, LayerClassifier, SecondFactorScorer, ApiKeyEvaluator) Build(LoginPostureOptions options)
    {
        var errors = LoginPostureOptionsValidator.Collect(options);
        OptionsErrors.ThrowIfAny<LoginPostureOptions>(errors);
        return (new TierPolicy(options.Tiers), new LayerClassifier(options.Layers), new SecondFactorScorer(options.SecondFactors), new ApiKeyEvaluator(options.ApiKeys));
    }
}
