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
        Assert.Contains("'LoginPosture:Tiers:CriticalMinimumFactor'", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
