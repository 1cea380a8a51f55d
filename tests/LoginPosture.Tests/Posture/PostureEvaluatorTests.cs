using System.Net;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.Posture;
using LoginPosture.SecondFactors;
using LoginPosture.Tiers;
using Microsoft.Extensions.DependencyInjection;

namespace LoginPosture.Tests.Posture;

public sealed class PostureEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 14, 45, 0, TimeSpan.Zero);
    private static readonly PostureEvaluator Evaluator = new();

    private static PostureSnapshot Example() => PostureSnapshot.Parse(File.ReadAllText(RepoPaths.File("samples", "posture.example.json")));

    [Fact]
    public void The_example_posture_fails_with_the_expected_findings_bottom_up()
    {
        var report = Evaluator.Evaluate(Example());

        Assert.Equal(Grade.F, report.Grade);
        Assert.Equal(Severity.Critical, report.WorstSeverity);
        Assert.Equal(Now, report.AsOf);
        AssertBottomUp(report.Findings);

        var ids = report.Findings.Select(f => f.Id).ToHashSet();
        Assert.Superset(new HashSet<string> { "AK001", "AK002", "AK003", "SF001", "SF006", "SF007", "TP002" }, ids);
        Assert.Equal(Layer.Identity, report.Findings[0].Layer);

        Assert.Equal([TierVerdict.Deny, TierVerdict.Deny, TierVerdict.Deny, TierVerdict.Allow], report.SessionChecks.Select(c => c.Decision.Verdict));
        Assert.Equal(Severity.Critical, report.ApiKeys[0].Severity);
        Assert.Equal(ApiKeyGrants.Withdraw | ApiKeyGrants.TradeMargin, report.ApiKeys[0].Excess);
        Assert.Equal(2, report.SecondFactors!.LockoutResilience);
        Assert.Equal(Layer.Identity, report.Layers.Root!.Value.Layer);
    }

    [Fact]
    public void Every_engine_finding_reaches_the_report_once()
    {
        var snapshot = Example();
        var report = Evaluator.Evaluate(snapshot);

        var expected = report.SecondFactors!.Findings.Count
            + report.ApiKeys.Sum(k => k.Findings.Count)
            + report.SessionChecks.Count(c => !c.Decision.IsAllowed)
            + report.Layers.Diagnoses.Count(d => d.IsFailure);
        Assert.Equal(expected, report.Findings.Count);
        Assert.Equal(report.Findings.Count(f => f.Severity >= Severity.High), report.CountAtOrAbove(Severity.High));
    }

    [Fact]
    public void An_empty_snapshot_grades_A_with_no_findings()
    {
        var report = Evaluator.Evaluate(new PostureSnapshot { AsOf = Now });

        Assert.Equal(Grade.A, report.Grade);
        Assert.Null(report.WorstSeverity);
        Assert.Empty(report.Findings);
        Assert.Null(report.SecondFactors);
    }

    [Fact]
    public void The_grade_is_the_worse_of_the_second_factor_grade_and_the_worst_finding()
    {
        // A strong, rehearsed, diverse set: its own grade is good and its worst finding is mild.
        var factors = new SecondFactorSet(
            [new FailureDomain("keyring", FailureDomainKind.Device), new FailureDomain("spare", FailureDomainKind.OfflinePlace), new FailureDomain("safe", FailureDomainKind.OfflinePlace)],
            [
                new Authenticator("YubiKey", AuthenticatorKind.SecurityKey, ["keyring"], Now.AddDays(-10)),
                new Authenticator("Spare YubiKey", AuthenticatorKind.SecurityKey, ["spare"], Now.AddDays(-10)),
                new Authenticator("Recovery codes", AuthenticatorKind.RecoveryCodes, ["safe"], Now.AddDays(-10)),
            ]);
        var strong = Evaluator.Evaluate(new PostureSnapshot { AsOf = Now, SecondFactors = factors });
        var worstGrade = PostureReport.GradeOf(strong.WorstSeverity);

        Assert.Equal(worstGrade > strong.SecondFactors!.Grade ? worstGrade : strong.SecondFactors.Grade, strong.Grade);

        // Adding a denied tier-1 check (a High finding) drags the grade to at least D.
        var denied = new SessionCheck("Withdraw from a cafe", new Operation(OperationKind.Withdrawal, 1m), new SessionContext { Platform = ClientPlatform.Web, AuthenticatedAt = Now });
        var worse = Evaluator.Evaluate(new PostureSnapshot { AsOf = Now, SecondFactors = factors, SessionChecks = [denied] });
        Assert.True(worse.Grade >= Grade.D);
        Assert.Contains(worse.Findings, f => f.Id == "TP002" && f.Severity == Severity.High);
    }

    [Fact]
    public void The_options_constructors_name_a_missing_argument()
    {
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new PostureEvaluator(null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new PostureEvaluator(null!, TimeProvider.System)).ParamName);
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new PostureEvaluator(new LoginPostureOptions(), null!)).ParamName);
    }

    [Fact]
    public void Without_an_as_of_time_the_evaluator_clock_is_used()
    {
        var clock = new FixedClock(Now.AddDays(400));
        var evaluator = new PostureEvaluator(new LoginPostureOptions(), clock);
        var snapshot = new PostureSnapshot
        {
            ApiKeys = [new ApiKeyDescriptor("old", ApiKeyGrants.Read) { Created = Now, IpAllowList = [IPNetwork.Parse("203.0.113.7/32")] }],
        };

        var report = evaluator.Evaluate(snapshot);

        Assert.Equal(clock.GetUtcNow(), report.AsOf);
        Assert.Contains(report.Findings, f => f.Id == "AK009"); // not rotated for 400 days at the clock's time
    }

    [Fact]
    public void An_invalid_session_check_is_reported_by_its_index_and_field()
    {
        var future = new SessionCheck("Order from tomorrow", new Operation(OperationKind.Order, 1m), new SessionContext { Platform = ClientPlatform.Desktop, AuthenticatedAt = Now.AddDays(1) });

        var error = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(new PostureSnapshot { AsOf = Now, SessionChecks = [future] }));

        Assert.Equal("sessionChecks[0].session.AuthenticatedAt", error.ParamName);
        Assert.Contains("Order from tomorrow", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter 'session.AuthenticatedAt')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLoginPosture_registers_the_evaluator_over_the_registered_engines()
    {
        using var provider = new ServiceCollection().AddLoginPosture().BuildServiceProvider();

        var report = provider.GetRequiredService<PostureEvaluator>().Evaluate(Example());

        Assert.Equal(Evaluator.Evaluate(Example()).Findings, report.Findings);
    }

    [Fact]
    public void The_report_json_carries_every_finding_and_the_grade()
    {
        var report = Evaluator.Evaluate(Example());

        using var json = JsonDocument.Parse(PostureReportJson.ToJson(report));
        var root = json.RootElement;

        Assert.Equal("F", root.GetProperty("grade").GetString());
        Assert.Equal(report.Findings.Count, root.GetProperty("findings").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()));
        Assert.Equal("AK002", root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("severity").GetString() == "Critical").GetProperty("id").GetString());
        Assert.Equal("Deny", root.GetProperty("sessionChecks")[0].GetProperty("verdict").GetString());
        Assert.Equal(2, root.GetProperty("secondFactors").GetProperty("lockoutResilience").GetInt32());
    }

    [Property(MaxTest = 200)]
    public Property Findings_are_always_bottom_up_and_the_grade_never_hides_the_worst_finding(PostureSnapshot snapshot)
    {
        var report = Evaluator.Evaluate(snapshot);
        var again = Evaluator.Evaluate(snapshot);
        var bottomUp = report.Findings.Zip(report.Findings.Skip(1))
            .All(p => p.First.Layer < p.Second.Layer || (p.First.Layer == p.Second.Layer && p.First.Severity >= p.Second.Severity));
        return (bottomUp
                && report.Grade >= PostureReport.GradeOf(report.WorstSeverity)
                && report.Findings.SequenceEqual(again.Findings))
            .Label($"{LoginPostureArbitraries.Describe(snapshot)} => grade {report.Grade}, findings {string.Join(" ", report.Findings.Select(f => $"{f.Id}/{f.Layer}/{f.Severity}"))}");
    }

    private static void AssertBottomUp(IReadOnlyList<Finding> findings)
    {
        for (var i = 1; i < findings.Count; i++)
        {
            var (a, b) = (findings[i - 1], findings[i]);
            Assert.True(a.Layer < b.Layer || (a.Layer == b.Layer && a.Severity >= b.Severity), $"{a.Id} ({a.Layer}, {a.Severity}) before {b.Id} ({b.Layer}, {b.Severity})");
        }
    }
}
