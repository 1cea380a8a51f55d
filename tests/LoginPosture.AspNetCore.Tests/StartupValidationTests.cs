using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace LoginPosture.AspNetCore.Tests;

/// <summary>Bad mapping settings stop the application at startup, every error listed with its path and fix.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public void Every_invalid_session_setting_is_listed_at_startup()
    {
        using var factory = new SampleApp().WithWebHostBuilder(builder => builder
            .UseSetting("LoginPosture:Session:TrustedNetworks:0", "10.1.0.0/8")
            .UseSetting("LoginPosture:Session:TrustedNetworks:1", "office")
            .UseSetting("LoginPosture:Session:AcrClaim", "amr")
            .UseSetting("LoginPosture:Session:AuthTimeClaim", " "));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Equal(
            [
                "Session:AuthTimeClaim is empty; set the claim type to read, such as auth_time.",
                "Session:AcrClaim reads claim 'amr', which AmrClaim reads too; give each session fact its own claim.",
                "Session:TrustedNetworks[0] is '10.1.0.0/8', which is not a network in CIDR notation with its host bits zero; write it like 10.0.0.0/8, 203.0.113.7/32 or 2001:db8::/32.",
                "Session:TrustedNetworks[1] is 'office', which is not a network in CIDR notation with its host bits zero; write it like 10.0.0.0/8, 203.0.113.7/32 or 2001:db8::/32.",
            ],
            error.Failures);
    }

    [Fact]
    public void The_tier_thresholds_bound_from_the_same_section_are_validated_too()
    {
        using var factory = new SampleApp().WithWebHostBuilder(builder => builder
            .UseSetting("LoginPosture:Tiers:LargeOrderNotional", "-5"));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Equal(["Tiers:LargeOrderNotional is -5; set a positive amount in the account's base currency."], error.Failures);
    }

    [Fact]
    public void Valid_mapping_options_pass_and_the_validator_reports_each_bad_value()
    {
        var options = new SessionClaimsOptions { TrustedNetworks = ["203.0.113.7/32", "2001:db8::/32"] };
        options.AmrValues["dsc"] = LoginPosture.AuthenticatorKind.HardwareOtp;
        Assert.True(new SessionClaimsOptionsValidator().Validate(null, options).Succeeded);

        options.AmrValues["bad"] = (LoginPosture.AuthenticatorKind)42;
        options.UnknownPlatform = (LoginPosture.Tiers.ClientPlatform)9;
        options.SavedCredentials = null!;
        var result = new SessionClaimsOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Session:SavedCredentials is null; remove the assignment or set a new ClaimFlag().",
                "Session:AmrValues:bad is 42, which is not a AuthenticatorKind; use one of: SecurityKey, DeviceBoundPasskey, SyncedPasskey, HardwareOtp, AuthenticatorApp, PushWithNumberMatching, PushApproveOnly, Sms, Voice, Email, RecoveryCodes.",
                "Session:UnknownPlatform is 9, which is not a ClientPlatform; use one of: Desktop, Web, Mobile, Api.",
            ],
            result.Failures);
    }
}
