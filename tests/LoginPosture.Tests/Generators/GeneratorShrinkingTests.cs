using FsCheck;
using FsCheck.Fluent;
using LoginPosture.ApiKeys;
using LoginPosture.Otp;
using Microsoft.FSharp.Core;

namespace LoginPosture.Tests.Generators;

/// <summary>
/// Planted bugs in readers of the platform, key-URI and log-line generators' output: FsCheck finds each and shrinks
/// it to the plainest input that still shows it.
/// </summary>
public sealed class GeneratorShrinkingTests
{
    private static T Shrunk<T>(Arbitrary<T> arbitrary, Func<T, bool> property) => ShrinkingTests.Shrunk(arbitrary, property);

    [Fact]
    public void A_reader_that_misses_binance_withdrawals_shrinks_to_the_plainest_withdrawal_body()
    {
        // The planted bug: a reader that treats an enabled withdrawal as read-only.
        var shrunk = Shrunk(LoginPostureArbitraries.PlatformKeys(), k => k.Platform != KeyJsonPlatform.Binance || (k.Read().Grants & ApiKeyGrants.Withdraw) == 0);

        Assert.Equal(
            """{"ipRestrict":false, "createTime":0, "enableReading":false, "enableWithdrawals":true, "enableInternalTransfer":false, "enableMargin":false, "enableFutures":false, "permitsUniversalTransfer":false, "enableVanillaOptions":false, "enableSpotAndMarginTrading":false}""",
            shrunk.Json);
        Assert.Equal(ApiKeyGrants.Withdraw, shrunk.Expected.Grants);
    }

    [Fact]
    public void A_reader_that_drops_kraken_allow_lists_shrinks_to_one_entry()
    {
        var shrunk = Shrunk(LoginPostureArbitraries.PlatformKeys(), k => k.Platform != KeyJsonPlatform.Kraken || k.Expected.IpAllowList.IsEmpty);

        Assert.Single(shrunk.Expected.IpAllowList);
        Assert.Equal(ApiKeyGrants.None, shrunk.Expected.Grants);
        Assert.Null(shrunk.Expected.Expires);
        Assert.DoesNotContain("\"result\"", shrunk.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verifier_that_fails_on_sha512_shrinks_to_a_default_uri_naming_only_sha512()
    {
        var shrunk = Shrunk(LoginPostureArbitraries.OtpKeyUris(), u => u.Algorithm != OtpAlgorithm.Sha512);

        Assert.StartsWith("otpauth://totp/alice%40example.com?secret=", shrunk.Uri, StringComparison.Ordinal);
        Assert.EndsWith("&algorithm=SHA512", shrunk.Uri, StringComparison.Ordinal);
        Assert.Equal((6, 160), (shrunk.Digits, shrunk.SecretBits));
    }

    [Fact]
    public void A_parser_that_accepts_md5_shrinks_to_the_plainest_uri_with_that_defect()
    {
        var shrunk = Shrunk(LoginPostureArbitraries.MalformedOtpKeyUris(), u => u.Part != "algorithm");

        Assert.Equal("algorithm", shrunk.Part);
        Assert.StartsWith("otpauth://totp/alice%40example.com?secret=", shrunk.Uri, StringComparison.Ordinal);
        Assert.EndsWith("&algorithm=MD5", shrunk.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_classifier_that_chokes_on_ibeam_errors_shrinks_to_the_bare_ibeam_line()
    {
        var shrunk = Shrunk(LoginPostureArbitraries.RawLogLines(), l => !(l.Tool == "IBeam" && l.Level == LogLineLevel.Error));

        Assert.Equal("2026-11-22 12:00:00,000|E| Gateway session not authenticated yet", shrunk.Line);
    }
}
