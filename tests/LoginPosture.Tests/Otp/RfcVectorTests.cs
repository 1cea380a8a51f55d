using System.Text;
using LoginPosture.Otp;

namespace LoginPosture.Tests.Otp;

/// <summary>Every published test vector of RFC 4226 Appendix D and RFC 6238 Appendix B.</summary>
public sealed class RfcVectorTests
{
    // The RFCs' own ASCII test seeds: public vectors, not secrets.
    private static readonly byte[] Seed20 = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Seed32 = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Seed64 = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    [Theory]
    [InlineData(0, "755224")]
    [InlineData(1, "287082")]
    [InlineData(2, "359152")]
    [InlineData(3, "969429")]
    [InlineData(4, "338314")]
    [InlineData(5, "254676")]
    [InlineData(6, "287922")]
    [InlineData(7, "162583")]
    [InlineData(8, "399871")]
    [InlineData(9, "520489")]
    public void Hotp_matches_RFC_4226_appendix_D(long counter, string expected) =>
        Assert.Equal(expected, OneTimePassword.Format(OneTimePassword.Hotp(Seed20, counter), 6));

    [Theory]
    [InlineData(59L, "94287082", "46119246", "90693936")]
    [InlineData(1111111109L, "07081804", "68084774", "25091201")]
    [InlineData(1111111111L, "14050471", "67062674", "99943326")]
    [InlineData(1234567890L, "89005924", "91819424", "93441116")]
    [InlineData(2000000000L, "69279037", "90698825", "38618901")]
    [InlineData(20000000000L, "65353130", "77737706", "47863826")]
    public void Totp_matches_RFC_6238_appendix_B(long unixSeconds, string sha1, string sha256, string sha512)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        var period = TimeSpan.FromSeconds(30);
        Assert.Equal(sha1, OneTimePassword.Format(OneTimePassword.Totp(Seed20, time, period, 8, OtpAlgorithm.Sha1), 8));
        Assert.Equal(sha256, OneTimePassword.Format(OneTimePassword.Totp(Seed32, time, period, 8, OtpAlgorithm.Sha256), 8));
        Assert.Equal(sha512, OneTimePassword.Format(OneTimePassword.Totp(Seed64, time, period, 8, OtpAlgorithm.Sha512), 8));
    }

    [Theory]
    [InlineData(59L, 1L)]
    [InlineData(1111111109L, 0x23523EC)]
    [InlineData(1111111111L, 0x23523ED)]
    [InlineData(1234567890L, 0x273EF07)]
    [InlineData(2000000000L, 0x3F940AA)]
    [InlineData(20000000000L, 0x27BC86AA)]
    public void Time_steps_match_RFC_6238_appendix_B(long unixSeconds, long expectedStep) =>
        Assert.Equal(expectedStep, OneTimePassword.TimeStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), TimeSpan.FromSeconds(30)));

    [Fact]
    public void Seven_digit_codes_are_the_last_seven_digits_of_the_truncated_value()
    {
        // RFC 4226 appendix D lists the truncated decimal value 1284755224 for count 0.
        Assert.Equal(4755224, OneTimePassword.Hotp(Seed20, 0, 7));
        Assert.Equal(84755224, OneTimePassword.Hotp(Seed20, 0, 8));
    }

    [Fact]
    public void Out_of_range_settings_name_the_parameter()
    {
        var period = TimeSpan.FromSeconds(30);
        Assert.Equal("digits", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.Hotp(Seed20, 0, 5)).ParamName);
        Assert.Equal("digits", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.Hotp(Seed20, 0, 9)).ParamName);
        Assert.Equal("counter", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.Hotp(Seed20, -1)).ParamName);
        Assert.Equal("secret", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.Hotp([], 0)).ParamName);
        Assert.Equal("algorithm", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.Hotp(Seed20, 0, 6, (OtpAlgorithm)7)).ParamName);
        Assert.Equal("period", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.Totp(Seed20, DateTimeOffset.UnixEpoch, TimeSpan.Zero)).ParamName);
        Assert.Equal("period", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.Totp(Seed20, DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(1500))).ParamName);
        Assert.Equal("time", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.Totp(Seed20, DateTimeOffset.UnixEpoch.AddSeconds(-1), period)).ParamName);
        Assert.Equal("code", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.Format(1_000_000, 6)).ParamName);
    }

    [Fact]
    public void Any_whole_second_period_divides_time_into_steps()
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(1_000);
        Assert.Equal(1_000, OneTimePassword.TimeStep(time, TimeSpan.FromSeconds(1)));
        Assert.Equal(16, OneTimePassword.TimeStep(time, TimeSpan.FromSeconds(60)));
        Assert.Equal(OneTimePassword.Hotp(Seed20, 16), OneTimePassword.Totp(Seed20, time, TimeSpan.FromSeconds(60)));
    }
}
