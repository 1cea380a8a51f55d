using System.Runtime.CompilerServices;

namespace LoginPosture.Tiers;

/// <summary>
/// Decides whether an operation may run from a session under the three-tier checklist: Allow, StepUp (a stronger
/// or fresher authentication would do) or Deny (the platform, network or settings must change).
/// Immutable after construction and safe to call from many threads; a decision allocates nothing.
/// </summary>
/// <remarks>
/// Each tier includes every requirement of the tier below it, and the options validator keeps each threshold at
/// least as strict as the tier below, so a session allowed at tier 1 is allowed at tiers 2 and 3.
/// </remarks>
public sealed class TierPolicy
{
    private const TierRequirements StepUpOnly = TierRequirementsExtensions.StepUpRequirements;

    private readonly TimeProvider _time;
    private readonly decimal _largeNotional;
    private readonly TimeSpan _skew;
    private readonly TierLimits _critical;
    private readonly TierLimits _routine;
    private readonly TierLimits _monitoring;

    /// <summary>Creates a policy from validated options.</summary>
    /// <param name="options">The thresholds; read once here and never again.</param>
    /// <param name="timeProvider">The clock for <see cref="Evaluate(in Operation, in SessionContext)"/>; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the exception lists every one.</exception>
    public TierPolicy(TierPolicyOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options);
        var errors = new List<string>();
        options.Validate(errors);
        OptionsErrors.ThrowIfAny<TierPolicyOptions>(errors);

        _time = timeProvider ?? TimeProvider.System;
        _largeNotional = options.LargeOrderNotional;
        _skew = options.AllowedClockSkew;
        _critical = new TierLimits(options.CriticalMinimumFactor, options.CriticalMaxFactorAge, options.CriticalMaxIdleTimeout);
        _routine = new TierLimits(options.RoutineMinimumFactor, options.RoutineMaxFactorAge, options.RoutineMaxIdleTimeout);
        _monitoring = new TierLimits(options.MonitoringMinimumFactor, options.MonitoringMaxFactorAge, TimeSpan.Zero);
    }

    /// <summary>Returns the tier an operation falls in.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>Tier 1 for money out, margin, large orders and security changes; tier 2 for routine trading; tier 3 for monitoring.</returns>
    /// <exception cref="ArgumentException">The kind is undefined or the notional is negative.</exception>
    public Tier Classify(in Operation operation)
    {
        ValidateOperation(operation);
        return ClassifyValid(operation);
    }

    /// <summary>Decides an operation for a session at the current time of the policy's clock.</summary>
    /// <param name="operation">The operation asked for.</param>
    /// <param name="session">The session asking.</param>
    /// <returns>The decision, with every unmet requirement.</returns>
    /// <exception cref="ArgumentException">
    /// An enum value is undefined, the notional is negative, the idle timeout is not positive, or the authentication
    /// time lies in the future beyond the allowed clock skew. The message names the field.
    /// </exception>
    public TierDecision Evaluate(in Operation operation, in SessionContext session) =>
        Evaluate(operation, session, _time.GetUtcNow());

    /// <summary>Decides an operation for a session at a given instant (deterministic: no clock is read).</summary>
    /// <param name="operation">The operation asked for.</param>
    /// <param name="session">The session asking.</param>
    /// <param name="now">The instant of the decision.</param>
    /// <returns>The decision, with every unmet requirement.</returns>
    /// <exception cref="ArgumentException">
    /// An enum value is undefined, the notional is negative, the idle timeout is not positive, or the authentication
    /// time lies in the future beyond the allowed clock skew. The message names the field.
    /// </exception>
    public TierDecision Evaluate(in Operation operation, in SessionContext session, DateTimeOffset now)
    {
        ValidateOperation(operation);
        ValidateSession(session, now);

        var tier = ClassifyValid(operation);
        var rule = tier switch
        {
            Tier.Critical => _critical,
            Tier.Routine => _routine,
            _ => _monitoring,
        };

        var strength = FactorStrengths.Of(session.Factor);
        var unmet = TierRequirements.None;
        if (strength < rule.MinimumFactor)
        {
            unmet |= TierRequirements.FactorStrength;
        }

        if (now - session.AuthenticatedAt > rule.MaxFactorAge)
        {
            unmet |= TierRequirements.FactorFreshness;
        }

        if (tier != Tier.Monitoring)
        {
            unmet |= RoutineSettings(session, rule.MaxIdleTimeout);
            unmet |= tier == Tier.Critical ? CriticalEnvironment(session, strength) : RoutinePlatform(session);
        }

        var verdict = unmet == TierRequirements.None ? TierVerdict.Allow
            : (unmet & ~StepUpOnly) == TierRequirements.None ? TierVerdict.StepUp
            : TierVerdict.Deny;

        return new TierDecision(tier, verdict, unmet, rule.MinimumFactor, rule.MaxFactorAge);
    }

    private Tier ClassifyValid(in Operation operation) => operation.Kind switch
    {
        OperationKind.Withdrawal or OperationKind.MarginChange or OperationKind.SecondFactorChange
            or OperationKind.DeviceChange or OperationKind.ApiKeyChange => Tier.Critical,
        OperationKind.Order or OperationKind.Rebalance =>
            operation.Notional >= _largeNotional ? Tier.Critical : Tier.Routine,
        _ => Tier.Monitoring,
    };

    // Tier 2's settings, which tier 1 includes: an idle lock, and API keys off unless the workflow needs them.
    private static TierRequirements RoutineSettings(in SessionContext session, TimeSpan maxIdle)
    {
        var unmet = TierRequirements.None;
        if (session.IdleTimeout is not { } idle || idle > maxIdle)
        {
            unmet |= TierRequirements.IdleTimeout;
        }

        if (session.ApiKeysEnabled && !session.WorkflowNeedsApiKeys)
        {
            unmet |= TierRequirements.ApiKeysDisabled;
        }

        return unmet;
    }

    // Tier 2: desktop, or a web portal in an isolated browser, or a phone backed by a secondary channel (so that
    // whatever tier 1 allows on a phone, tier 2 allows too), or an API client for a declared automated workflow.
    private static TierRequirements RoutinePlatform(in SessionContext session) => session.Platform switch
    {
        ClientPlatform.Web when !session.BrowserIsolation => TierRequirements.BrowserIsolation,
        ClientPlatform.Mobile when !session.SecondaryChannel => TierRequirements.SecondaryChannel,
        ClientPlatform.Api when !session.WorkflowNeedsApiKeys => TierRequirements.ApiWorkflowDeclared,
        _ => TierRequirements.None,
    };

    // Tier 1: desktop on a trusted network with no saved credentials; a phone only with a secondary channel;
    // never push (or weaker) when the phone is the only factor.
    private static TierRequirements CriticalEnvironment(in SessionContext session, FactorStrength strength)
    {
        var unmet = session.Platform switch
        {
            ClientPlatform.Desktop => TierRequirements.None,
            ClientPlatform.Mobile => session.SecondaryChannel ? TierRequirements.None : TierRequirements.SecondaryChannel,
            _ => TierRequirements.DesktopWorkstation,
        };

        if (!session.TrustedNetwork)
        {
            unmet |= TierRequirements.TrustedNetwork;
        }

        if (session.SavedCredentials)
        {
            unmet |= TierRequirements.NoSavedCredentials;
        }

        if (session.PhoneIsOnlyFactor && strength <= FactorStrength.Push)
        {
            unmet |= TierRequirements.NoPushOnSolePhone;
        }

        return unmet;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ValidateOperation(in Operation operation)
    {
        if ((uint)operation.Kind > (uint)OperationKind.Statements)
        {
            Guard.ThrowUndefined(operation.Kind, "operation.Kind");
        }

        if (operation.Notional < 0m)
        {
            Guard.ThrowOutOfRange("operation.Notional", operation.Notional, "operation.Notional must be zero or positive; pass the operation's value in the account's base currency.");
        }
    }

    private void ValidateSession(in SessionContext session, DateTimeOffset now)
    {
        if ((uint)session.Platform > (uint)ClientPlatform.Api)
        {
            Guard.ThrowUndefined(session.Platform, "session.Platform");
        }

        if (session.Factor is { } factor && (uint)factor > (uint)AuthenticatorKind.RecoveryCodes)
        {
            Guard.ThrowUndefined(factor, "session.Factor");
        }

        if (session.AuthenticatedAt - now > _skew)
        {
            Guard.Throw("session.AuthenticatedAt", $"session.AuthenticatedAt ({session.AuthenticatedAt:O}) lies in the future of the decision time ({now:O}) by more than the allowed clock skew ({_skew}); pass the time of the last active authentication or correct the clock.");
        }

        if (session.IdleTimeout is { } idle && idle <= TimeSpan.Zero)
        {
            Guard.ThrowOutOfRange("session.IdleTimeout", idle, "session.IdleTimeout must be positive; pass null when the client has no inactivity lock.");
        }
    }

    private readonly record struct TierLimits(FactorStrength MinimumFactor, TimeSpan MaxFactorAge, TimeSpan MaxIdleTimeout);
}
