using LoginPosture.Tiers;

namespace LoginPosture.Tests.Tiers;

/// <summary>One test per row and requirement of the three-tier checklist (DESIGN.md section 7).</summary>
public sealed class TierChecklistTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TierPolicy Policy = new(new TierPolicyOptions());

    private static readonly Operation Withdrawal = new(OperationKind.Withdrawal, 10_000m);
    private static readonly Operation SmallOrder = new(OperationKind.Order, 1_000m);
    private static readonly Operation View = new(OperationKind.PortfolioView);

    // Meets every tier-1 requirement under default options.
    private static readonly SessionContext Workstation = new()
    {
        Platform = ClientPlatform.Desktop,
        Factor = AuthenticatorKind.HardwareOtp,
        AuthenticatedAt = Now.AddMinutes(-1),
        TrustedNetwork = true,
        IdleTimeout = TimeSpan.FromMinutes(10),
    };

    // Meets every tier-2 requirement, but not tier 1's.
    private static readonly SessionContext IsolatedBrowser = new()
    {
        Platform = ClientPlatform.Web,
        Factor = AuthenticatorKind.AuthenticatorApp,
        AuthenticatedAt = Now.AddHours(-2),
        BrowserIsolation = true,
        IdleTimeout = TimeSpan.FromMinutes(20),
    };

    private static TierDecision Decide(Operation operation, SessionContext session) => Policy.Evaluate(operation, session, Now);

    private static void AssertDecision(TierDecision decision, TierVerdict verdict, TierRequirements unmet)
    {
        Assert.Equal(verdict, decision.Verdict);
        Assert.Equal(unmet, decision.Unmet);
    }

    [Fact]
    public void Tier1_allows_a_fresh_hardware_factor_on_a_trusted_desktop() =>
        AssertDecision(Decide(Withdrawal, Workstation), TierVerdict.Allow, TierRequirements.None);

    [Theory]
    [InlineData(AuthenticatorKind.SecurityKey)]
    [InlineData(AuthenticatorKind.DeviceBoundPasskey)]
    [InlineData(AuthenticatorKind.HardwareOtp)]
    public void Tier1_accepts_every_hardware_factor(AuthenticatorKind factor) =>
        Assert.True(Decide(Withdrawal, Workstation with { Factor = factor }).IsAllowed);

    [Theory]
    [InlineData(AuthenticatorKind.AuthenticatorApp)]
    [InlineData(AuthenticatorKind.SyncedPasskey)]
    [InlineData(AuthenticatorKind.PushWithNumberMatching)]
    [InlineData(AuthenticatorKind.Sms)]
    [InlineData(AuthenticatorKind.Email)]
    [InlineData(null)]
    public void Tier1_steps_up_a_software_or_missing_factor_to_hardware(AuthenticatorKind? factor)
    {
        var decision = Decide(Withdrawal, Workstation with { Factor = factor });

        AssertDecision(decision, TierVerdict.StepUp, TierRequirements.FactorStrength);
        Assert.Equal(FactorStrength.HardwareOtp, decision.RequiredStrength);
        Assert.Equal(TimeSpan.FromMinutes(5), decision.MaxAge);
    }

    [Fact]
    public void Tier1_steps_up_an_authentication_older_than_the_max_age()
    {
        AssertDecision(Decide(Withdrawal, Workstation with { AuthenticatedAt = Now.AddMinutes(-5) }), TierVerdict.Allow, TierRequirements.None);
        AssertDecision(Decide(Withdrawal, Workstation with { AuthenticatedAt = Now.AddMinutes(-5).AddTicks(-1) }), TierVerdict.StepUp, TierRequirements.FactorFreshness);
    }

    [Theory]
    [InlineData(ClientPlatform.Web)]
    [InlineData(ClientPlatform.Api)]
    public void Tier1_denies_browsers_and_api_clients(ClientPlatform platform) =>
        AssertDecision(Decide(Withdrawal, Workstation with { Platform = platform, BrowserIsolation = true, WorkflowNeedsApiKeys = true }), TierVerdict.Deny, TierRequirements.DesktopWorkstation);

    [Fact]
    public void Tier1_allows_a_phone_only_with_a_secondary_channel()
    {
        var phone = Workstation with { Platform = ClientPlatform.Mobile };

        AssertDecision(Decide(Withdrawal, phone), TierVerdict.Deny, TierRequirements.SecondaryChannel);
        AssertDecision(Decide(Withdrawal, phone with { SecondaryChannel = true }), TierVerdict.Allow, TierRequirements.None);
    }

    [Fact]
    public void Tier1_denies_an_untrusted_network() =>
        AssertDecision(Decide(Withdrawal, Workstation with { TrustedNetwork = false }), TierVerdict.Deny, TierRequirements.TrustedNetwork);

    [Fact]
    public void Tier1_denies_saved_credentials() =>
        AssertDecision(Decide(Withdrawal, Workstation with { SavedCredentials = true }), TierVerdict.Deny, TierRequirements.NoSavedCredentials);

    [Theory]
    [InlineData(AuthenticatorKind.PushApproveOnly)]
    [InlineData(AuthenticatorKind.PushWithNumberMatching)]
    [InlineData(AuthenticatorKind.Sms)]
    public void Tier1_never_accepts_push_or_weaker_when_the_phone_is_the_only_factor(AuthenticatorKind factor)
    {
        // Even where the operator lowers tier 1 to accept push, a sole phone must not authorise money out by push.
        var lenient = new TierPolicy(new TierPolicyOptions { CriticalMinimumFactor = FactorStrength.Weak, RoutineMinimumFactor = FactorStrength.Weak });
        var session = Workstation with { Factor = factor, PhoneIsOnlyFactor = true };

        var decision = lenient.Evaluate(Withdrawal, session, Now);

        AssertDecision(decision, TierVerdict.Deny, TierRequirements.NoPushOnSolePhone);
        Assert.True(lenient.Evaluate(Withdrawal, session with { PhoneIsOnlyFactor = false }, Now).IsAllowed);
    }

    [Fact]
    public void Tier1_includes_the_tier2_settings()
    {
        AssertDecision(Decide(Withdrawal, Workstation with { IdleTimeout = null }), TierVerdict.Deny, TierRequirements.IdleTimeout);
        AssertDecision(Decide(Withdrawal, Workstation with { IdleTimeout = TimeSpan.FromMinutes(20) }), TierVerdict.Deny, TierRequirements.IdleTimeout);
        AssertDecision(Decide(Withdrawal, Workstation with { ApiKeysEnabled = true }), TierVerdict.Deny, TierRequirements.ApiKeysDisabled);
        AssertDecision(Decide(Withdrawal, Workstation with { ApiKeysEnabled = true, WorkflowNeedsApiKeys = true }), TierVerdict.Allow, TierRequirements.None);
    }

    [Fact]
    public void Tier1_denies_when_settings_and_the_factor_both_fall_short_and_lists_both()
    {
        var decision = Decide(Withdrawal, Workstation with { Factor = AuthenticatorKind.Sms, TrustedNetwork = false });

        AssertDecision(decision, TierVerdict.Deny, TierRequirements.FactorStrength | TierRequirements.TrustedNetwork);
    }

    [Fact]
    public void Tier2_allows_an_authenticator_app_in_an_isolated_browser() =>
        AssertDecision(Decide(SmallOrder, IsolatedBrowser), TierVerdict.Allow, TierRequirements.None);

    [Fact]
    public void Tier2_does_not_ask_for_tier1_environment()
    {
        var relaxed = IsolatedBrowser with { TrustedNetwork = false, SavedCredentials = true };

        AssertDecision(Decide(SmallOrder, relaxed), TierVerdict.Allow, TierRequirements.None);
    }

    [Theory]
    [InlineData(AuthenticatorKind.PushApproveOnly)]
    [InlineData(AuthenticatorKind.Voice)]
    [InlineData(null)]
    public void Tier2_steps_up_factors_weaker_than_an_authenticator_app(AuthenticatorKind? factor)
    {
        var decision = Decide(SmallOrder, IsolatedBrowser with { Factor = factor });

        AssertDecision(decision, TierVerdict.StepUp, TierRequirements.FactorStrength);
        Assert.Equal(FactorStrength.AuthenticatorApp, decision.RequiredStrength);
        Assert.Equal(TimeSpan.FromHours(12), decision.MaxAge);
    }

    [Fact]
    public void Tier2_denies_a_browser_without_isolation() =>
        AssertDecision(Decide(SmallOrder, IsolatedBrowser with { BrowserIsolation = false }), TierVerdict.Deny, TierRequirements.BrowserIsolation);

    [Fact]
    public void Tier2_requires_an_idle_timeout_no_longer_than_the_maximum()
    {
        AssertDecision(Decide(SmallOrder, IsolatedBrowser with { IdleTimeout = TimeSpan.FromMinutes(30) }), TierVerdict.Allow, TierRequirements.None);
        AssertDecision(Decide(SmallOrder, IsolatedBrowser with { IdleTimeout = TimeSpan.FromMinutes(31) }), TierVerdict.Deny, TierRequirements.IdleTimeout);
        AssertDecision(Decide(SmallOrder, IsolatedBrowser with { IdleTimeout = null }), TierVerdict.Deny, TierRequirements.IdleTimeout);
    }

    [Fact]
    public void Tier2_requires_api_keys_disabled_unless_the_workflow_needs_them()
    {
        AssertDecision(Decide(SmallOrder, IsolatedBrowser with { ApiKeysEnabled = true }), TierVerdict.Deny, TierRequirements.ApiKeysDisabled);
        AssertDecision(Decide(SmallOrder, IsolatedBrowser with { ApiKeysEnabled = true, WorkflowNeedsApiKeys = true }), TierVerdict.Allow, TierRequirements.None);
    }

    [Fact]
    public void Tier2_lets_an_api_client_trade_only_for_a_declared_workflow()
    {
        var bot = IsolatedBrowser with { Platform = ClientPlatform.Api, ApiKeysEnabled = true, BrowserIsolation = false };

        AssertDecision(Decide(SmallOrder, bot), TierVerdict.Deny, TierRequirements.ApiKeysDisabled | TierRequirements.ApiWorkflowDeclared);
        AssertDecision(Decide(SmallOrder, bot with { WorkflowNeedsApiKeys = true }), TierVerdict.Allow, TierRequirements.None);
    }

    [Fact]
    public void Tier2_accepts_a_phone_backed_by_a_secondary_channel()
    {
        var phone = IsolatedBrowser with { Platform = ClientPlatform.Mobile, BrowserIsolation = false };

        AssertDecision(Decide(SmallOrder, phone), TierVerdict.Deny, TierRequirements.SecondaryChannel);
        AssertDecision(Decide(SmallOrder, phone with { SecondaryChannel = true }), TierVerdict.Allow, TierRequirements.None);
    }

    [Fact]
    public void Tier3_allows_any_authenticated_session()
    {
        var passwordOnlyPhone = new SessionContext { Platform = ClientPlatform.Mobile, AuthenticatedAt = Now.AddDays(-3) };

        var decision = Decide(View, passwordOnlyPhone);

        AssertDecision(decision, TierVerdict.Allow, TierRequirements.None);
    }

    [Fact]
    public void Tier3_asks_for_reauthentication_after_thirty_days()
    {
        var decision = Decide(View, new SessionContext { Platform = ClientPlatform.Web, AuthenticatedAt = Now.AddDays(-31) });

        AssertDecision(decision, TierVerdict.StepUp, TierRequirements.FactorFreshness);
        Assert.Equal(FactorStrength.None, decision.RequiredStrength);
        Assert.Equal(TimeSpan.FromDays(30), decision.MaxAge);
    }

    [Fact]
    public void Tier3_allows_push_and_restricted_factors_on_the_only_phone()
    {
        var pushOnSolePhone = new SessionContext
        {
            Platform = ClientPlatform.Mobile,
            Factor = AuthenticatorKind.PushApproveOnly,
            PhoneIsOnlyFactor = true,
            AuthenticatedAt = Now,
        };

        var decision = Decide(View, pushOnSolePhone);

        Assert.True(decision.IsAllowed);
        Assert.True(Decide(View, pushOnSolePhone with { Factor = AuthenticatorKind.Sms }).IsAllowed);
    }

    [Fact]
    public void A_step_up_renders_an_rfc9470_challenge()
    {
        var decision = Decide(Withdrawal, Workstation with { Factor = AuthenticatorKind.AuthenticatorApp });

        Assert.Equal(
            "Bearer error=\"insufficient_user_authentication\", acr_values=\"urn:loginposture:acr:hardware-otp\", max_age=\"300\"",
            decision.ToStepUpChallenge());
        Assert.Throws<InvalidOperationException>(() => Decide(Withdrawal, Workstation).ToStepUpChallenge());
    }

    [Fact]
    public void Every_requirement_has_a_description()
    {
        foreach (var requirement in Enum.GetValues<TierRequirements>().Where(r => r != TierRequirements.None))
        {
            Assert.False(string.IsNullOrWhiteSpace(requirement.Describe()));
        }

        Assert.Throws<ArgumentException>(() => (TierRequirements.IdleTimeout | TierRequirements.TrustedNetwork).Describe());
    }

    [Fact]
    public void Enumerate_splits_a_combination_in_declaration_order() =>
        Assert.Equal(
            [TierRequirements.FactorStrength, TierRequirements.TrustedNetwork, TierRequirements.ApiKeysDisabled],
            (TierRequirements.ApiKeysDisabled | TierRequirements.FactorStrength | TierRequirements.TrustedNetwork).Enumerate());

    [Fact]
    public void Evaluate_without_a_time_reads_the_policy_clock()
    {
        var policy = new TierPolicy(new TierPolicyOptions(), new FixedClock(Now.AddMinutes(10)));

        // Authenticated at Now - 1 min: fresh at Now, stale at the clock's Now + 10 min.
        Assert.Equal(TierVerdict.StepUp, policy.Evaluate(Withdrawal, Workstation).Verdict);
        Assert.Equal(TierVerdict.Allow, policy.Evaluate(Withdrawal, Workstation, Now).Verdict);
    }
}
