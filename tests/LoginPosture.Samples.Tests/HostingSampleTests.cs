namespace LoginPosture.Samples.Tests;

public sealed class HostingSampleTests
{
    [Fact]
    public void Options_bound_from_appsettings_drive_the_engines()
    {
        var run = SampleProcess.Hosting();

        // appsettings.json lowers the large-order notional to 25,000, so a 30,000 order is tier 1.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("tier 1, StepUp", run.Out, StringComparison.Ordinal);
        Assert.Contains("acr_values=\"urn:loginposture:acr:hardware-otp\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_setting_stops_startup_listing_every_error()
    {
        var run = SampleProcess.Hosting("--LoginPosture:Tiers:CriticalMaxFactorAge=2.00:00:00", "--LoginPosture:Tiers:LargeOrderNotional=-5");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "LoginPosture settings in section 'LoginPosture' are invalid; startup stopped:",
                "  - LoginPosture:Tiers:LargeOrderNotional is -5; set a positive amount in the account's base currency.",
                "  - LoginPosture:Tiers:CriticalMaxFactorAge (2.00:00:00) is longer than RoutineMaxFactorAge (12:00:00); tier 1 must demand an authentication at least as fresh as tier 2.",
            ],
            run.ErrorLines);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_value_of_the_wrong_type_stops_startup_naming_the_key()
    {
        var run = SampleProcess.Hosting("--LoginPosture:Tiers:CriticalMinimumFactor=Banana");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "LoginPosture settings in section 'LoginPosture' are invalid; startup stopped:",
                "  - LoginPosture:Tiers:CriticalMinimumFactor is 'Banana', not a FactorStrength; use one of: None, Weak, Push, AuthenticatorApp, HardwareOtp, HardwareCryptographic.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void A_malformed_rule_element_a_misspelt_option_and_every_conversion_error_are_listed()
    {
        var run = SampleProcess.Hosting(
            "--LoginPosture:Layers:Entries:0:Layer=Identty",
            "--LoginPosture:Layers:Entries:0:Code=twelve",
            "--LoginPosture:Tiers:CriticalMaxFactorAg=00:05:00",
            "--LoginPosture:Tiers:RoutineMaxIdleTimeout=soon");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("LoginPosture settings in section 'LoginPosture' are invalid; startup stopped:", run.ErrorLines[0]);
        Assert.Equal(5, run.ErrorLines.Length);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("  - LoginPosture:Layers:Entries:0:Layer is 'Identty', not a Layer;", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("  - LoginPosture:Layers:Entries:0:Code is 'twelve', not a valid Int32;", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("  - LoginPosture:Tiers:CriticalMaxFactorAg is not a setting of TierPolicyOptions; known settings:", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("  - LoginPosture:Tiers:RoutineMaxIdleTimeout is 'soon', not a duration;", StringComparison.Ordinal));
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("--LoginPosture:Tierz:LargeOrderNotional=1", "LoginPosture:Tierz is not a setting of LoginPostureOptions")]
    [InlineData("--LoginPosture:Layers:Entries:first:Layer=Identity", "LoginPosture:Layers:Entries:first is not a list index")]
    [InlineData("--LoginPosture:Tiers=strict", "LoginPosture:Tiers is 'strict', but it is a section of TierPolicyOptions settings")]
    public void Any_key_the_binder_would_ignore_stops_startup(string arg, string expected)
    {
        var run = SampleProcess.Hosting(arg);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"  - {expected}", run.ErrorLines[1], StringComparison.Ordinal);
    }
}
