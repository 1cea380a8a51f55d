using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Otp;

namespace LoginPosture.Tests.Otp;

/// <summary>HOTP generation against an independent RFC 4226 reference, and the constant-time HOTP check.</summary>
public sealed class HotpTests
{
    private static readonly byte[] Seed20 = Encoding.ASCII.GetBytes("12345678901234567890");

    // RFC 4226 §5.3 written out over the platform HMAC: an oracle independent of Otp.NET.
    private static int Reference(byte[] secret, long counter, int digits, OtpAlgorithm algorithm)
    {
        var message = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var mac = algorithm switch
        {
            OtpAlgorithm.Sha256 => HMACSHA256.HashData(secret, message),
            OtpAlgorithm.Sha512 => HMACSHA512.HashData(secret, message),
            _ => HMACSHA1.HashData(secret, message),
        };
        var offset = mac[^1] & 0x0F;
        var binary = ((mac[offset] & 0x7F) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
        return binary % (int)Math.Pow(10, digits);
    }

    [Property(MaxTest = 300)]
    public Property Codes_match_an_independent_RFC_4226_reference_for_any_key_counter_digits_and_algorithm()
    {
        var counter = Gen.Elements(0L, 1L << 32, long.MaxValue).SelectMany(c => Gen.Choose(0, 1 << 30).Select(d => c == 0 ? d : c - d));
        var cases =
            from length in Gen.Frequency((3, Gen.Choose(1, 70)), (1, Gen.Choose(1, 300)))
            from seed in Gen.Choose(0, int.MaxValue)
            from n in counter
            from digits in Gen.Choose(6, 8)
            from algorithm in Gen.Elements(OtpAlgorithm.Sha1, OtpAlgorithm.Sha256, OtpAlgorithm.Sha512)
            select (length, seed, n, digits, algorithm);

        return Prop.ForAll(Arb.From(cases), c =>
        {
            var secret = TestSecrets.Bytes(c.length, c.seed);
            return OneTimePassword.Hotp(secret, c.n, c.digits, c.algorithm) == Reference(secret, c.n, c.digits, c.algorithm);
        });
    }

    [Theory]
    [InlineData(0, "755224")]
    [InlineData(1, "287082")]
    [InlineData(5, "254676")]
    [InlineData(9, "520489")]
    public void The_HOTP_check_accepts_the_RFC_4226_codes_for_their_counter_only(long counter, string code)
    {
        Assert.True(OneTimePassword.VerifyHotp(Seed20, code, counter));
        Assert.False(OneTimePassword.VerifyHotp(Seed20, code, counter + 1));
        Assert.False(OneTimePassword.VerifyHotp(Seed20, code, counter, 6, OtpAlgorithm.Sha256));
    }

    [Theory]
    [InlineData("")]
    [InlineData("75522")]
    [InlineData("7552240")]
    [InlineData(" 55224")]
    [InlineData("75522a")]
    public void The_HOTP_check_fails_malformed_codes(string code) =>
        Assert.False(OneTimePassword.VerifyHotp(Seed20, code, 0));

    [Property(MaxTest = 200)]
    public Property The_HOTP_check_agrees_with_generation_for_any_code()
    {
        var cases =
            from seed in Gen.Choose(0, int.MaxValue)
            from counter in Gen.Choose(0, 1_000_000)
            from digits in Gen.Choose(6, 8)
            from ownCode in Gen.Elements(true, false)
            from other in Gen.Choose(0, 99_999_999)
            select (seed, counter, digits, ownCode, other);

        return Prop.ForAll(Arb.From(cases), c =>
        {
            var secret = TestSecrets.Bytes(20, c.seed);
            var actual = OneTimePassword.Hotp(secret, c.counter, c.digits);
            var code = c.ownCode ? actual : c.other % (int)Math.Pow(10, c.digits);
            return OneTimePassword.VerifyHotp(secret, OneTimePassword.Format(code, c.digits), c.counter, c.digits) == (code == actual);
        });
    }

    [Fact]
    public void The_HOTP_check_names_bad_arguments()
    {
        Assert.Equal("secret", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.VerifyHotp([], "755224", 0)).ParamName);
        Assert.Equal("counter", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.VerifyHotp(Seed20, "755224", -1)).ParamName);
        Assert.Equal("digits", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.VerifyHotp(Seed20, "755224", 0, 9)).ParamName);
        Assert.Equal("algorithm", Assert.ThrowsAny<ArgumentException>(() => OneTimePassword.VerifyHotp(Seed20, "755224", 0, 6, (OtpAlgorithm)5)).ParamName);
    }
}
