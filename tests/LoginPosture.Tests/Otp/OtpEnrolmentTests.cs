using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.FsCheck;
using LoginPosture.Otp;
using Microsoft.FSharp.Core;

namespace LoginPosture.Tests.Otp;

/// <summary>
/// An enrolment described by its parameters is judged exactly as the key URI it came from, and both match the
/// rules written out here from RFC 4226, NIST SP 800-63B and the key-URI format.
/// </summary>
public sealed class OtpEnrolmentTests
{
    private static readonly Config Replayed = Config.QuickThrowOnFailure.WithMaxTest(2_000)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(LoginPostureArbitraries.FixedSeed(15), null)));

    // Parameters biased to every threshold: secrets of 15/16/19/20 bytes, digits 5/6/8/9, periods 30/60/61/120/121 s.
    private static Arbitrary<(OtpKeyType Type, OtpAlgorithm Algorithm, int Digits, int Seconds, int SecretBytes)> Parameters() =>
        (from type in Gen.Elements(OtpKeyType.Totp, OtpKeyType.Hotp)
         from algorithm in Gen.Elements(OtpAlgorithm.Sha1, OtpAlgorithm.Sha256, OtpAlgorithm.Sha512)
         from digits in Gen.Frequency((3, Gen.Elements(5, 6, 8, 9)), (1, Gen.Choose(1, 10)))
         from seconds in Gen.Frequency((3, Gen.Elements(1, 30, 60, 61, 120, 121)), (1, Gen.Choose(1, 86_400)))
         from bytes in Gen.Frequency((3, Gen.Elements(1, 15, 16, 19, 20, 64)), (1, Gen.Choose(1, 128)))
         select (type, algorithm, digits, seconds, bytes)).ToArbitrary();

    [Fact]
    public void A_key_uri_and_the_enrolment_of_its_parameters_get_the_same_issues_and_verdict()
    {
        var seed = 0;
        Prop.ForAll(Parameters(), p =>
        {
            var uri = TestSecrets.Uri(
                TestSecrets.Base32(TestSecrets.Bytes(p.SecretBytes, seed++)),
                string.Create(CultureInfo.InvariantCulture, $"&algorithm={p.Algorithm.ToString().ToUpperInvariant()}&digits={p.Digits}&period={p.Seconds}&counter=7"),
                p.Type == OtpKeyType.Totp ? "totp" : "hotp");
            using var key = OtpKeyUri.Parse(uri);
            var enrolment = new OtpEnrolment(p.Type, p.Algorithm, p.Digits, TimeSpan.FromSeconds(p.Seconds), p.SecretBytes * 8);
            var expected = Model(p.Type, p.Algorithm, p.Digits, p.Seconds, p.SecretBytes * 8);
            return (key.Issues == enrolment.Issues && key.Verdict == enrolment.Verdict && enrolment.Issues == expected
                    && (key.Enrolment.Type, key.Enrolment.Algorithm, key.Enrolment.Digits, key.Enrolment.Period, key.Enrolment.SecretBits)
                        == (p.Type, p.Algorithm, p.Digits, TimeSpan.FromSeconds(p.Seconds), p.SecretBytes * 8))
                .Label($"uri {key.Issues}/{key.Verdict}; enrolment {enrolment.Issues}/{enrolment.Verdict}; rules {expected}");
        }).Check(Replayed);
    }

    [Fact]
    public void The_generator_reaches_every_issue()
    {
        var seen = OtpKeyIssues.None;
        var verdicts = new HashSet<OtpKeyVerdict>();
        foreach (var p in Parameters().Generator.Sample(500, LoginPostureArbitraries.FixedSeed(15), 50))
        {
            var enrolment = new OtpEnrolment(p.Type, p.Algorithm, p.Digits, TimeSpan.FromSeconds(p.Seconds), p.SecretBytes * 8);
            seen |= enrolment.Issues;
            verdicts.Add(enrolment.Verdict);
        }

        Assert.Equal(Enum.GetValues<OtpKeyIssues>().Aggregate((a, b) => a | b), seen);
        Assert.Equal(3, verdicts.Count);
    }

    [Fact]
    public void The_enrolment_outlives_the_disposed_key_and_holds_no_secret()
    {
        var key = OtpKeyUri.Parse(TestSecrets.Uri(TestSecrets.Base32(TestSecrets.Bytes(20, 1))));
        var enrolment = key.Enrolment;
        key.Dispose();

        Assert.Equal((OtpKeyType.Totp, OtpAlgorithm.Sha1, 6, TimeSpan.FromSeconds(30), 160, OtpKeyVerdict.Acceptable), (enrolment.Type, enrolment.Algorithm, enrolment.Digits, enrolment.Period, enrolment.SecretBits, enrolment.Verdict));
        Assert.Equal("Totp Sha1, 6 digits, 30 s, 160-bit secret", enrolment.ToString());
        Assert.DoesNotContain(typeof(OtpEnrolment).GetProperties(), p => p.PropertyType == typeof(byte[]) || p.Name.Contains("Secret", StringComparison.Ordinal) && p.Name != nameof(OtpEnrolment.SecretBits));
    }

    [Theory]
    [InlineData(OtpKeyType.Totp, OtpAlgorithm.Sha1, 0, 30, 160, "digits")]
    [InlineData(OtpKeyType.Totp, OtpAlgorithm.Sha1, 11, 30, 160, "digits")]
    [InlineData(OtpKeyType.Totp, OtpAlgorithm.Sha1, 6, 0, 160, "period")]
    [InlineData(OtpKeyType.Totp, OtpAlgorithm.Sha1, 6, 86_401, 160, "period")]
    [InlineData(OtpKeyType.Totp, OtpAlgorithm.Sha1, 6, 30, 0, "secretBits")]
    [InlineData(OtpKeyType.Totp, OtpAlgorithm.Sha1, 6, 30, 130, "secretBits")]
    [InlineData((OtpKeyType)7, OtpAlgorithm.Sha1, 6, 30, 160, "type")]
    [InlineData(OtpKeyType.Totp, (OtpAlgorithm)9, 6, 30, 160, "algorithm")]
    public void Out_of_range_parameters_are_refused_naming_the_parameter(OtpKeyType type, OtpAlgorithm algorithm, int digits, int seconds, int bits, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OtpEnrolment(type, algorithm, digits, TimeSpan.FromSeconds(seconds), bits));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void An_hotp_enrolment_ignores_the_period()
    {
        var enrolment = new OtpEnrolment(OtpKeyType.Hotp, OtpAlgorithm.Sha1, 6, TimeSpan.Zero, 160);
        Assert.Equal(OtpKeyIssues.None, enrolment.Issues);
    }

    // The rules, written out independently of the library: OtpKeyIssues' documentation, flag by flag.
    private static OtpKeyIssues Model(OtpKeyType type, OtpAlgorithm algorithm, int digits, int seconds, int bits)
    {
        var totp = type == OtpKeyType.Totp;
        return (bits < 128 ? OtpKeyIssues.SecretBelow128Bits : 0)
            | (bits < 160 ? OtpKeyIssues.SecretBelow160Bits : 0)
            | (digits < 6 ? OtpKeyIssues.DigitsBelowSix : 0)
            | (digits > 8 ? OtpKeyIssues.DigitsAboveEight : 0)
            | (totp && seconds > 60 ? OtpKeyIssues.PeriodAbove60Seconds : 0)
            | (totp && seconds > 120 ? OtpKeyIssues.PeriodAbove120Seconds : 0)
            | (algorithm != OtpAlgorithm.Sha1 || digits != 6 || (totp && seconds != 30) ? OtpKeyIssues.NonDefaultParameters : 0);
    }
}
