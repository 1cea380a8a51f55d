using System.Diagnostics.Metrics;
using LoginPosture.Tiers;
using Microsoft.Extensions.Logging;

namespace LoginPosture.AspNetCore;

/// <summary>
/// Logs each operation decision with structured fields (operation, tier, verdict, unmet) and counts it on the
/// <c>loginposture.operation.decisions</c> counter of the <c>LoginPosture.AspNetCore</c> meter, tagged with
/// <c>loginposture.operation</c>, <c>loginposture.tier</c> and <c>loginposture.verdict</c>. Allows log at Debug,
/// step-ups and denials at Information. Nothing is allocated when no listener and no logger at that level is on.
/// </summary>
public sealed partial class OperationDecisionTelemetry
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "LoginPosture.AspNetCore";

    /// <summary>The decision counter's name.</summary>
    public const string DecisionCounterName = "loginposture.operation.decisions";

    private static readonly string[] OperationNames = Enum.GetNames<OperationKind>();
    private static readonly string[] VerdictNames = Enum.GetNames<TierVerdict>();
    private static readonly string[] TierNames = ["0", "1", "2", "3"];

    private readonly ILogger _logger;
    private readonly Counter<long> _decisions;

    /// <summary>Creates the telemetry.</summary>
    /// <param name="meterFactory">Creates the meter; the host's, so listeners scoped to it see the counter.</param>
    /// <param name="logger">The decision log.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OperationDecisionTelemetry(IMeterFactory meterFactory, ILogger<OperationDecisionTelemetry> logger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        var meter = meterFactory.Create(MeterName);
        _decisions = meter.CreateCounter<long>(DecisionCounterName, unit: "{decision}", description: "Operation decisions of the LoginPosture tier policy, by operation, tier and verdict.");
    }

    /// <summary>Logs and counts one decision.</summary>
    /// <param name="operation">The operation decided.</param>
    /// <param name="decision">The decision.</param>
    public void Record(in Operation operation, in TierDecision decision)
    {
        if (_decisions.Enabled)
        {
            _decisions.Add(
                1,
                new KeyValuePair<string, object?>("loginposture.operation", OperationNames[(int)operation.Kind]),
                new KeyValuePair<string, object?>("loginposture.tier", TierNames[(int)decision.Tier]),
                new KeyValuePair<string, object?>("loginposture.verdict", VerdictNames[(int)decision.Verdict]));
        }

        Decided(_logger, decision.IsAllowed ? LogLevel.Debug : LogLevel.Information, operation.Kind, (int)decision.Tier, decision.Verdict, decision.Unmet);
    }

    [LoggerMessage(EventId = 1, EventName = "OperationDecided", Message = "Operation {Operation} at tier {Tier}: {Verdict}; unmet: {Unmet}")]
    private static partial void Decided(ILogger logger, LogLevel level, OperationKind operation, int tier, TierVerdict verdict, TierRequirements unmet);
}
