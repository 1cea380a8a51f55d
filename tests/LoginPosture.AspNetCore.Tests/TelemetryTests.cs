using LoginPosture.Tiers;
using Microsoft.Extensions.Logging;

namespace LoginPosture.AspNetCore.Tests;

/// <summary>Each decision is logged with structured fields and counted on the decision counter.</summary>
[Collection(SampleCollection.Name)]
public sealed class TelemetryTests(SampleApp app)
{
    [Fact]
    public async Task Allow_step_up_and_deny_are_counted_and_logged_with_operation_tier_verdict_and_unmet()
    {
        using var counter = new DecisionCounter(app.Services);
        var before = app.Logs.Count;

        using (await app.SendAsync(HttpMethod.Post, "/withdrawals?amount=10", Claims.Amr("pwd", "hwk").SignedBy(app)))
        using (await app.SendAsync(HttpMethod.Post, "/withdrawals?amount=10", Claims.Amr("pwd", "otp").SignedBy(app)))
        using (await app.SendAsync(HttpMethod.Post, "/withdrawals?amount=10", Claims.Amr("pwd", "hwk").Platform("web").SignedBy(app)))
        {
        }

        Assert.Equal(
            ["Withdrawal/1/Allow", "Withdrawal/1/StepUp", "Withdrawal/1/Deny"],
            counter.Measurements.Select(m => $"{m.Tags["loginposture.operation"]}/{m.Tags["loginposture.tier"]}/{m.Tags["loginposture.verdict"]}"));
        Assert.All(counter.Measurements, m => Assert.Equal(1, m.Value));

        var logs = app.Logs.Skip(before).Where(l => l.EventId.Name == "OperationDecided").ToArray();
        Assert.Equal([LogLevel.Debug, LogLevel.Information, LogLevel.Information], logs.Select(l => l.Level));
        var denied = logs[2].State.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(OperationKind.Withdrawal, denied["Operation"]);
        Assert.Equal(1, denied["Tier"]);
        Assert.Equal(TierVerdict.Deny, denied["Verdict"]);
        Assert.Equal(TierRequirements.DesktopWorkstation, denied["Unmet"]);
    }
}
