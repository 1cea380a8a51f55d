using FsCheck;
using FsCheck.Fluent;
using LoginPosture.ApiKeys;
using LoginPosture.Posture;
using LoginPosture.SecondFactors;
using LoginPosture.Tiers;

namespace LoginPosture.Tests.Generators;

/// <summary>
/// The shipped shrinkers land on minimal counterexamples: each test plants a bug (a property that fails for one
/// attribute), lets FsCheck find and shrink a failure, and checks that the final counterexample keeps only that attribute.
/// </summary>
public sealed class ShrinkingTests
{
    // Runs the property to failure and returns the last failing value, which is the shrunk counterexample.
    internal static T Shrunk<T>(Arbitrary<T> arbitrary, Func<T, bool> property)
    {
        var found = false;
        T last = default!;
        var prop = Prop.ForAll(arbitrary, value =>
        {
            var holds = property(value);
            if (!holds)
            {
                (found, last) = (true, value);
            }

            return holds;
        });
        var error = Record.Exception(() => prop.Check(Config.QuickThrowOnFailure.WithMaxTest(2_000).WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(LoginPostureArbitraries.FixedSeed(7), null)))));
        Assert.NotNull(error);
        Assert.True(found, "the planted bug was never hit");
        Assert.Contains("Shrunk", error.Message, StringComparison.Ordinal);
        return last;
    }

    [Fact]
    public void A_session_shrinks_to_the_ideal_session_but_for_the_attributes_that_fail()
    {
        var shrunk = Shrunk(LoginPostureArbitraries.Sessions(), s => !(s.Platform == ClientPlatform.Mobile && !s.TrustedNetwork));

        Assert.Equal(LoginPostureArbitraries.IdealSession with { Platform = ClientPlatform.Mobile, TrustedNetwork = false }, shrunk);
    }

    [Fact]
    public void Tier_options_shrink_to_the_defaults_but_for_the_weakened_setting()
    {
        var shrunk = Shrunk(LoginPostureArbitraries.TierOptions(), o => o.CriticalMaxFactorAge <= TimeSpan.FromHours(1));

        Assert.True(shrunk.CriticalMaxFactorAge > TimeSpan.FromHours(1));
        var rest = LoginPostureArbitraries.Copy(shrunk);
        rest.CriticalMaxFactorAge = new TierPolicyOptions().CriticalMaxFactorAge;
        rest.RoutineMaxFactorAge = new TierPolicyOptions().RoutineMaxFactorAge;
        rest.MonitoringMaxFactorAge = new TierPolicyOptions().MonitoringMaxFactorAge;
        Assert.Equal("defaults", LoginPostureArbitraries.Describe(rest));
    }

    [Fact]
    public void A_factor_set_shrinks_to_one_sms_factor_on_one_domain()
    {
        var shrunk = Shrunk(LoginPostureArbitraries.SecondFactorSets(), s => s.Authenticators.All(a => a.Kind != AuthenticatorKind.Sms));

        var only = Assert.Single(shrunk.Authenticators);
        Assert.Equal(AuthenticatorKind.Sms, only.Kind);
        Assert.Single(only.Domains);
        Assert.Null(only.LastRehearsed);
        Assert.Single(shrunk.Domains);
    }

    [Fact]
    public void An_api_key_shrinks_to_the_one_grant_that_fails()
    {
        var shrunk = Shrunk(LoginPostureArbitraries.ApiKeys(), k => (k.Grants & ApiKeyGrants.Withdraw) == 0);

        // Compared as text: a descriptor's allow-list is an ImmutableArray, which compares by reference.
        Assert.Equal(LoginPostureArbitraries.Describe(new ApiKeyDescriptor("gen-key", ApiKeyGrants.Withdraw)), LoginPostureArbitraries.Describe(shrunk));
    }

    [Fact]
    public void A_snapshot_shrinks_to_the_one_part_that_fails()
    {
        var shrunk = Shrunk(LoginPostureArbitraries.Snapshots(), s => s.ApiKeys.All(k => (k.Grants & ApiKeyGrants.Withdraw) == 0));

        Assert.Null(shrunk.SecondFactors);
        Assert.Empty(shrunk.SessionChecks);
        Assert.Empty(shrunk.Signals);
        Assert.Equal(ApiKeyGrants.Withdraw, Assert.Single(shrunk.ApiKeys).Grants);
    }
}
