using System.Collections.Immutable;
using System.Net;

namespace LoginPosture.ApiKeys;

/// <summary>
/// Judges an API key the way IAM Access Analyzer judges a role: what it can do, what it was seen doing, and what
/// it should be cut down to. Immutable after construction and safe to call from many threads; an evaluation
/// allocates nothing until its findings are rendered.
/// </summary>
/// <remarks>
/// The evaluation's severity is that of its worst finding. Every rule can only go quiet, or fall in severity, when a grant
/// the key did not use is removed, and an allow-list never produces a finding worse than the missing allow-list it
/// replaces, so cutting a key down never raises its severity.
/// </remarks>
public sealed class ApiKeyEvaluator
{
    private readonly TimeProvider _time;
    private readonly ApiKeyThresholds _thresholds;

    /// <summary>Creates an evaluator from validated options.</summary>
    /// <param name="options">The thresholds; read once here and never again.</param>
    /// <param name="timeProvider">The clock for <see cref="Evaluate(ApiKeyDescriptor)"/>; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the exception lists every one.</exception>
    public ApiKeyEvaluator(ApiKeyEvaluatorOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options);
        var errors = new List<string>();
        options.Validate(errors);
        OptionsErrors.ThrowIfAny<ApiKeyEvaluatorOptions>(errors);

        _time = timeProvider ?? TimeProvider.System;
        _thresholds = new ApiKeyThresholds(options);
    }

    /// <summary>Evaluates a key at the current time of the evaluator's clock.</summary>
    /// <param name="descriptor">The key.</param>
    /// <returns>The issues, severity, minimal and excess grant sets; findings are rendered on demand.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="descriptor"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is rotated before it was created, or expires before it was created.</exception>
    public ApiKeyEvaluation Evaluate(ApiKeyDescriptor descriptor) => Evaluate(descriptor, _time.GetUtcNow());

    /// <summary>Evaluates a key at a given instant (deterministic: no clock is read).</summary>
    /// <param name="descriptor">The key.</param>
    /// <param name="now">The instant of the evaluation; the tracking window ends here.</param>
    /// <returns>The issues, severity, minimal and excess grant sets; findings are rendered on demand.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="descriptor"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is rotated before it was created, or expires before it was created.</exception>
    public ApiKeyEvaluation Evaluate(ApiKeyDescriptor descriptor, DateTimeOffset now)
    {
        Guard.NotNull(descriptor);
        Validate(descriptor);

        var thresholds = _thresholds;
        var nowTicks = now.UtcTicks;
        var granted = descriptor.Grants;
        var usage = descriptor.Usage;
        var issues = ApiKeyIssues.None;

        // Minimal set: what was exercised in the window, plus Read when any write was (orders need to see state).
        var exercised = ApiKeyGrants.None;
        var minimal = granted;
        if (usage is not null)
        {
            var windowStart = nowTicks - thresholds.UnusedGrantWindow;
            exercised = usage.UsedSince(windowStart) & granted;
            minimal = (exercised & GrantSets.Writes) != 0 ? exercised | (granted & ApiKeyGrants.Read) : exercised;
            if (minimal != granted && ObservedWholeWindow(descriptor, usage, windowStart))
            {
                issues |= ApiKeyIssues.UnusedGrants;
            }
        }

        if ((granted & GrantSets.Trading) != 0 && (granted & GrantSets.MovesFunds) != 0)
        {
            issues |= ApiKeyIssues.TradingKeyMovesFunds;
        }

        if ((granted & ApiKeyGrants.KeyManagement) != 0)
        {
            issues |= ApiKeyIssues.KeyManagement;
        }

        issues |= CheckNetwork(descriptor, usage, granted, thresholds);
        issues |= CheckLifecycle(descriptor, nowTicks, thresholds);

        if (descriptor.Environment == ApiKeyEnvironment.Live && !descriptor.LiveAccessRequired)
        {
            issues |= ApiKeyIssues.LiveWherePaperSuffices;
        }

        var excess = granted & ~minimal;
        return new ApiKeyEvaluation(
            descriptor, thresholds, now, issues, ApiKeySeverity.WorstOf(issues, granted, excess), granted, exercised, minimal, usage is not null);
    }

    // Like Access Analyzer, only call a grant unused when the key existed and was watched for the whole window.
    private static bool ObservedWholeWindow(ApiKeyDescriptor descriptor, ApiKeyUsage usage, long windowStart) =>
        usage.ObservedSince.UtcTicks <= windowStart
        && (descriptor.Created is not { } created || created.UtcTicks <= windowStart);

    private static ApiKeyIssues CheckNetwork(ApiKeyDescriptor descriptor, ApiKeyUsage? usage, ApiKeyGrants granted, ApiKeyThresholds thresholds)
    {
        var list = descriptor.IpAllowList;
        if (!descriptor.IsIpRestricted || AdmitsEveryAddress(list))
        {
            return (granted & ApiKeyGrants.Withdraw) != 0
                ? ApiKeyIssues.NoIpRestriction | ApiKeyIssues.WithdrawWithoutIpRestriction
                : ApiKeyIssues.NoIpRestriction;
        }

        var issues = ApiKeyIssues.None;
        foreach (var network in list)
        {
            if (thresholds.IsBroad(network))
            {
                issues |= ApiKeyIssues.BroadAllowList;
                break;
            }
        }

        if (usage is not null && !list.IsEmpty)
        {
            foreach (var address in usage.SourceAddresses)
            {
                if (!Allows(list, address))
                {
                    issues |= ApiKeyIssues.UseOutsideAllowList;
                    break;
                }
            }
        }

        return issues;
    }

    private static ApiKeyIssues CheckLifecycle(ApiKeyDescriptor descriptor, long nowTicks, ApiKeyThresholds thresholds)
    {
        var issues = ApiKeyIssues.None;
        var created = descriptor.Created;

        if (ApiKeyThresholds.QuietSince(descriptor) is { } quiet && nowTicks - quiet >= thresholds.UnusedKeyAge)
        {
            issues |= ApiKeyIssues.UnusedKey;
        }

        var issued = descriptor.Rotated ?? created;
        if (descriptor.Expires is not { } expires)
        {
            issues |= ApiKeyIssues.NoExpiry;
        }
        else if (expires.UtcTicks - (issued?.UtcTicks ?? nowTicks) > thresholds.MaxLifetime)
        {
            issues |= ApiKeyIssues.LifetimeTooLong;
        }

        if (issued is { } since && nowTicks - since.UtcTicks > thresholds.MaxRotationAge)
        {
            issues |= ApiKeyIssues.RotationOverdue;
        }

        return issues;
    }

    // A /0 entry (often added just to get past a form) fences nothing: treat the list as absent.
    internal static bool AdmitsEveryAddress(ImmutableArray<IPNetwork> list)
    {
        foreach (var network in list)
        {
            if (network.PrefixLength == 0)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool Allows(ImmutableArray<IPNetwork> list, IPAddress address)
    {
        foreach (var network in list)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static void Validate(ApiKeyDescriptor descriptor)
    {
        if (descriptor.Created is not { } created)
        {
            return;
        }

        if (descriptor.Rotated is { } rotated && rotated < created)
        {
            Guard.Throw("descriptor.Rotated", $"descriptor.Rotated ({rotated:O}) is earlier than descriptor.Created ({created:O}); a key cannot be rotated before it exists. Fix the dates or leave Rotated null.");
        }

        if (descriptor.Expires is { } expires && expires < created)
        {
            Guard.Throw("descriptor.Expires", $"descriptor.Expires ({expires:O}) is earlier than descriptor.Created ({created:O}); pass the key's real expiry, or null when it never expires.");
        }
    }
}
