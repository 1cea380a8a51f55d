using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Tiers;

namespace LoginPosture.Tests.Tiers;

/// <summary>The invariants DESIGN.md section 7 names, checked over generated sessions, operations and options.</summary>
public sealed class TierPolicyPropertyTests
{
    private static readonly DateTimeOffset Now = LoginPostureArbitraries.AsOf;

    [Property(MaxTest = 2_000)]
    public Property Allow_at_tier1_implies_allow_at_tiers_2_and_3_for_the_same_session(TierPolicyOptions options, SessionContext session)
    {
        var policy = new TierPolicy(options);
        var critical = policy.Evaluate(new Operation(OperationKind.Withdrawal), session, Now);
        var routine = policy.Evaluate(new Operation(OperationKind.Order), session, Now);
        var monitoring = policy.Evaluate(new Operation(OperationKind.PortfolioView), session, Now);
        return (!critical.IsAllowed || (routine.IsAllowed && monitoring.IsAllowed))
            .Label($"options: {LoginPostureArbitraries.Describe(options)}; tier 2: {routine.Verdict} ({routine.Unmet}); tier 3: {monitoring.Verdict} ({monitoring.Unmet})");
    }

    [Property(MaxTest = 2_000)]
    public Property Improving_any_single_session_attribute_never_turns_allow_into_step_up_or_deny(
        TierPolicyOptions options, Operation operation, SessionContext session)
    {
        // Every attribute, each of its secure values, from the same session.
        var policy = new TierPolicy(options);
        var before = policy.Evaluate(operation, session, Now);
        foreach (var improvement in SessionImprovement.All)
        {
            var improved = improvement.Apply(session, Now);
            var after = policy.Evaluate(operation, improved, Now);
            if (before.IsAllowed && !after.IsAllowed)
            {
                return false.Label($"options: {LoginPostureArbitraries.Describe(options)}; {improvement.Attribute} -> {improved}: {before.Verdict} -> {after.Verdict} ({after.Unmet})");
            }
        }

        return true.ToProperty();
    }

    [Property(MaxTest = 2_000)]
    public Property Evaluation_is_deterministic_and_never_throws_for_valid_input(TierPolicyOptions options, Operation operation, SessionContext session)
    {
        var first = new TierPolicy(options).Evaluate(operation, session, Now);
        var second = new TierPolicy(options).Evaluate(operation, session, Now);
        return (first == second)
            .And((first.Verdict == TierVerdict.Allow) == (first.Unmet == TierRequirements.None))
            .And(first.Verdict != TierVerdict.StepUp || (first.Unmet & ~TierRequirementsExtensions.StepUpRequirements) == 0)
            .Label($"options: {LoginPostureArbitraries.Describe(options)}; {first.Verdict} ({first.Unmet})");
    }

    [Fact]
    public void The_generators_reach_every_verdict_at_every_tier()
    {
        // Guards the properties above against vacuity: allowed tier-1 sessions must be common enough to test.
        var cases =
            from options in LoginPostureArbitraries.TierOptionsGen
            from operation in LoginPostureArbitraries.OperationGen
            from session in LoginPostureArbitraries.SessionGen
            select new TierPolicy(options).Evaluate(operation, session, Now);
        var verdicts = cases.Sample(2_000, LoginPostureArbitraries.FixedSeed(), 50)
            .GroupBy(d => (d.Tier, d.Verdict))
            .ToDictionary(g => g.Key, g => g.Count());

        foreach (var tier in Enum.GetValues<Tier>())
        {
            foreach (var verdict in Enum.GetValues<TierVerdict>())
            {
                if (tier == Tier.Monitoring && verdict == TierVerdict.Deny)
                {
                    continue; // Tier 3 only ever asks for reauthentication.
                }

                Assert.True(verdicts.GetValueOrDefault((tier, verdict)) >= 10, $"too few {tier}/{verdict} cases: {verdicts.GetValueOrDefault((tier, verdict))}");
            }
        }
    }
}
