using LoginPosture.SecondFactors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginPosture.Tests.SecondFactors;

/// <summary>Hand-worked accounts: every expected number is computed in the comment from the documented formula.</summary>
public sealed class SecondFactorScenarioTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastMonth = Now.AddDays(-30);
    private static readonly SecondFactorScorer Scorer = new(new SecondFactorOptions());

    private static FailureDomain Device(string name) => new(name, FailureDomainKind.Device);

    private static FailureDomain Offline(string name) => new(name, FailureDomainKind.OfflinePlace);

    private static string[] Ids(SecondFactorReport report) => report.Findings.Select(f => f.Id).ToArray();

    [Fact]
    public void Push_alone_on_one_phone_is_a_D_with_single_device_findings()
    {
        var set = new SecondFactorSet([Device("phone")], [new Authenticator("IBKR Mobile", AuthenticatorKind.PushWithNumberMatching, ["phone"], LastMonth)]);
        var report = Scorer.Score(set, Now);

        // Takeover (100+99+90+100+0+5)/10 = 39; lockout r=1 -> 5; hygiene: rehearsed 5 + conformant 4 = 9.
        Assert.Equal(53, report.Score);
        Assert.Equal(Grade.D, report.Grade);
        Assert.Equal(1, report.LockoutResilience);
        Assert.Equal(["phone"], report.LockoutDomains);
        Assert.Equal(new TakeoverPath(AttackClass.TargetedPhishing, 90, "IBKR Mobile"), report.Weakest(AttackClass.TargetedPhishing));
        Assert.Equal(0, report.TakeoverResistance);
        Assert.False(report.HasPhishingResistantFactor);
        Assert.Equal(["SF004", "SF005", "SF003", "SF007", "SF012"], Ids(report));
    }

    [Fact]
    public void Two_keys_and_offline_codes_rehearsed_score_an_A_with_no_findings()
    {
        var set = new SecondFactorSet(
            [Device("keyring"), Offline("safe"), Offline("drawer")],
            [
                new Authenticator("YubiKey", AuthenticatorKind.SecurityKey, ["keyring"], LastMonth),
                new Authenticator("Spare key", AuthenticatorKind.SecurityKey, ["safe"], LastMonth),
                new Authenticator("Codes", AuthenticatorKind.RecoveryCodes, ["drawer"], LastMonth),
            ]);
        var report = Scorer.Score(set, Now);

        // Takeover: the codes are weakest, (100+96+76+100+100+5)/10 = 47; lockout r=3 -> 30; hygiene 6+5+5+4 = 20.
        Assert.Equal(97, report.Score);
        Assert.Equal(Grade.A, report.Grade);
        Assert.Equal(3, report.LockoutResilience);
        Assert.Equal(["drawer", "keyring", "safe"], report.LockoutDomains);
        Assert.Equal("Codes", report.Weakest(AttackClass.TargetedPhishing).Authenticator);
        Assert.True(report.HasPhishingResistantFactor);
        Assert.False(report.PhishingResistant);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Sms_beside_an_app_is_a_D_led_by_the_restricted_factor()
    {
        var set = new SecondFactorSet(
            [Device("phone"), new FailureDomain("number", FailureDomainKind.PhoneNumber)],
            [
                new Authenticator("Authy", AuthenticatorKind.AuthenticatorApp, ["phone"]),
                new Authenticator("Text message", AuthenticatorKind.Sms, ["number"]),
            ]);
        var report = Scorer.Score(set, Now);

        // Takeover (100+96+76+22+0+5)/10 = 29; lockout r=2 -> 22; hygiene 0 (no hardware, no offline, never rehearsed, SMS).
        Assert.Equal(51, report.Score);
        Assert.Equal(Grade.D, report.Grade);
        Assert.Equal(2, report.LockoutResilience);
        Assert.Equal(["number", "phone"], report.LockoutDomains);
        Assert.Equal(new TakeoverPath(AttackClass.SimSwap, 22, "Text message"), report.Weakest(AttackClass.SimSwap));
        Assert.Equal(["SF001", "SF003", "SF007", "SF008", "SF008", "SF012"], Ids(report));
        Assert.Contains("Authy", report.Findings[3].Message, StringComparison.Ordinal);
        Assert.Contains("Text message", report.Findings[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_enrolled_scores_zero_with_one_critical_finding()
    {
        var report = Scorer.Score(new SecondFactorSet([Device("phone")], []), Now);
        Assert.Equal(0, report.Score);
        Assert.Equal(Grade.F, report.Grade);
        Assert.Equal(0, report.LockoutResilience);
        Assert.Empty(report.LockoutDomains);
        Assert.All(report.TakeoverPaths, p => Assert.Equal((0, (string?)null), (p.BlockRate, p.Authenticator)));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("SF011", Severity.Critical), (finding.Id, finding.Severity));
    }

    [Fact]
    public void Adding_sms_to_a_security_key_weakens_the_account()
    {
        FailureDomain[] domains = [Device("keyring"), new FailureDomain("number", FailureDomainKind.PhoneNumber)];
        var key = new Authenticator("YubiKey", AuthenticatorKind.SecurityKey, ["keyring"], LastMonth);
        var alone = Scorer.Score(new SecondFactorSet(domains, [key]), Now);
        var withSms = Scorer.Score(new SecondFactorSet(domains, [key, new Authenticator("SMS", AuthenticatorKind.Sms, ["number"], LastMonth)]), Now);

        Assert.Equal(100, alone.TakeoverResistance);
        Assert.Equal(76, withSms.Weakest(AttackClass.TargetedPhishing).BlockRate);
        Assert.Equal(22, withSms.Weakest(AttackClass.SimSwap).BlockRate);
        Assert.True(withSms.LockoutResilience > alone.LockoutResilience);
    }

    [Theory]
    [InlineData(AuthenticatorKind.Email, "SF002", Severity.High)]
    [InlineData(AuthenticatorKind.Voice, "SF001", Severity.High)]
    [InlineData(AuthenticatorKind.PushApproveOnly, "SF006", Severity.Medium)]
    public void Weak_kinds_are_named_with_fix_and_anchor(AuthenticatorKind kind, string id, Severity severity)
    {
        var set = new SecondFactorSet(
            [Device("keyring"), new FailureDomain("cloud", FailureDomainKind.SyncAccount)],
            [new Authenticator("Key", AuthenticatorKind.SecurityKey, ["keyring"], LastMonth), new Authenticator("Weak one", kind, ["cloud"], LastMonth)]);
        var finding = Assert.Single(Scorer.Score(set, Now).Findings, f => f.Id == id);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(Layer.Identity, finding.Layer);
        Assert.Contains("Weak one", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Weak one", finding.Fix, StringComparison.Ordinal);
        Assert.Contains("NIST SP 800-63B rev 4", finding.Anchor, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_sync_account_is_a_single_point_of_lockout()
    {
        var set = new SecondFactorSet(
            [new FailureDomain("iCloud", FailureDomainKind.SyncAccount), Device("phone"), Device("laptop")],
            [
                new Authenticator("Phone passkey", AuthenticatorKind.SyncedPasskey, ["iCloud", "phone"], LastMonth),
                new Authenticator("Laptop passkey", AuthenticatorKind.SyncedPasskey, ["iCloud", "laptop"], LastMonth),
            ]);
        var report = Scorer.Score(set, Now);
        Assert.Equal(1, report.LockoutResilience);
        Assert.Equal(["iCloud"], report.LockoutDomains);
        Assert.True(report.PhishingResistant);
        var finding = Assert.Single(report.Findings, f => f.Id == "SF010");
        Assert.Contains("sync account 'iCloud'", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.Id is "SF004" or "SF005" or "SF012");
    }

    [Fact]
    public void Stale_rehearsals_follow_the_configured_age_and_the_time_provider()
    {
        var clock = new FixedClock(Now);
        var scorer = new SecondFactorScorer(new SecondFactorOptions { RehearsalMaxAge = TimeSpan.FromDays(20) }, clock);
        var set = new SecondFactorSet([Device("keyring")], [new Authenticator("YubiKey", AuthenticatorKind.SecurityKey, ["keyring"], LastMonth)]);

        var stale = Assert.Single(scorer.Score(set).Findings, f => f.Id == "SF009");
        Assert.Equal(Severity.Low, stale.Severity);
        Assert.Contains("2026-05-02", stale.Message, StringComparison.Ordinal);

        clock.Now = LastMonth.AddDays(10);
        Assert.DoesNotContain(scorer.Score(set).Findings, f => f.Id == "SF009");
    }

    [Fact]
    public void Every_finding_cites_an_anchor_and_a_fix()
    {
        var set = new SecondFactorSet(
            [Device("phone"), new FailureDomain("number", FailureDomainKind.PhoneNumber), new FailureDomain("mail", FailureDomainKind.SyncAccount)],
            [
                new Authenticator("Push", AuthenticatorKind.PushApproveOnly, ["phone", "number"]),
                new Authenticator("SMS", AuthenticatorKind.Sms, ["phone", "number"], Now.AddYears(-3)),
                new Authenticator("Mail", AuthenticatorKind.Email, ["phone", "mail"]),
            ]);
        var findings = Scorer.Score(set, Now).Findings;
        Assert.Equal(["SF001", "SF002", "SF004", "SF003", "SF006", "SF007", "SF008", "SF008", "SF012", "SF009"], findings.Select(f => f.Id));
        Assert.All(findings, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Anchor));
            Assert.False(string.IsNullOrWhiteSpace(f.Fix));
            Assert.Matches("NIST|Seed 001|Google|Lee et al|CISA", f.Anchor);
        });
    }

    [Fact]
    public void Published_block_rates_are_the_study_figures()
    {
        AttackClass[] phishing = [AttackClass.Bots, AttackClass.BulkPhishing, AttackClass.TargetedPhishing];
        Assert.Equal([100, 100, 100], phishing.Select(a => SecondFactorScorer.BlockRate(AuthenticatorKind.SecurityKey, a)));
        Assert.Equal([100, 99, 90], phishing.Select(a => SecondFactorScorer.BlockRate(AuthenticatorKind.PushWithNumberMatching, a)));
        Assert.Equal([100, 96, 76], phishing.Select(a => SecondFactorScorer.BlockRate(AuthenticatorKind.Sms, a)));
        Assert.Equal(100 - (39 * 100 / 50), SecondFactorScorer.BlockRate(AuthenticatorKind.Sms, AttackClass.SimSwap));
        Assert.Equal("kind", Assert.ThrowsAny<ArgumentException>(() => SecondFactorScorer.BlockRate((AuthenticatorKind)99, AttackClass.Bots)).ParamName);
        Assert.Equal("attack", Assert.ThrowsAny<ArgumentException>(() => SecondFactorScorer.BlockRate(AuthenticatorKind.Sms, (AttackClass)9)).ParamName);
    }

    [Fact]
    public void Invalid_input_names_the_field()
    {
        Assert.Equal("label", Assert.ThrowsAny<ArgumentException>(() => new Authenticator(" ", AuthenticatorKind.Sms, ["a"])).ParamName);
        Assert.Equal("kind", Assert.ThrowsAny<ArgumentException>(() => new Authenticator("x", (AuthenticatorKind)42, ["a"])).ParamName);
        Assert.Equal("domains", Assert.ThrowsAny<ArgumentException>(() => new Authenticator("x", AuthenticatorKind.Sms, [])).ParamName);
        Assert.Equal("domains", Assert.ThrowsAny<ArgumentException>(() => new Authenticator("x", AuthenticatorKind.Sms, ["a", "a"])).ParamName);
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => new FailureDomain("", FailureDomainKind.Device)).ParamName);
        Assert.Equal("kind", Assert.ThrowsAny<ArgumentException>(() => new FailureDomain("a", (FailureDomainKind)8)).ParamName);

        var unknown = Assert.ThrowsAny<ArgumentException>(() => new SecondFactorSet([Device("phone")], [new Authenticator("x", AuthenticatorKind.Sms, ["fone"])]));
        Assert.Contains("'fone'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("'x'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("domains", Assert.ThrowsAny<ArgumentException>(() => new SecondFactorSet([Device("a"), Device("a")], [])).ParamName);
        Assert.Equal("authenticators", Assert.ThrowsAny<ArgumentException>(() => new SecondFactorSet([Device("a")], [new Authenticator("x", AuthenticatorKind.Sms, ["a"]), new Authenticator("x", AuthenticatorKind.Email, ["a"])])).ParamName);
        Assert.Equal("domains", Assert.ThrowsAny<ArgumentException>(() => new SecondFactorSet(Enumerable.Range(0, 33).Select(i => Device($"d{i}")), [])).ParamName);
    }

    [Fact]
    public void Invalid_options_fail_at_construction_and_through_di()
    {
        var direct = Assert.Throws<OptionsValidationException>(() => new SecondFactorScorer(new SecondFactorOptions { RehearsalMaxAge = TimeSpan.Zero }));
        Assert.StartsWith("RehearsalMaxAge", Assert.Single(direct.Failures), StringComparison.Ordinal);

        using var bad = new ServiceCollection().AddLoginPosture(o => o.SecondFactors.RehearsalMaxAge = TimeSpan.FromDays(-1)).BuildServiceProvider();
        var viaDi = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<SecondFactorScorer>());
        Assert.Contains(viaDi.Failures, f => f.StartsWith("SecondFactors:RehearsalMaxAge", StringComparison.Ordinal));

        using var good = new ServiceCollection().AddLoginPosture().BuildServiceProvider();
        Assert.Same(good.GetRequiredService<SecondFactorScorer>(), good.GetRequiredService<SecondFactorScorer>());
        Assert.NotNull(good.GetRequiredService<LoginPosture.Otp.TotpVerifier>());
    }
}
