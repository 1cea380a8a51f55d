using LoginPosture.Otp;

namespace LoginPosture.Tests.Otp;

public sealed class OtpKeyUriTests
{
    [Fact]
    public void A_default_20_byte_TOTP_key_is_acceptable_and_decodes_its_secret()
    {
        var secret = TestSecrets.Bytes(20, 1);
        using var key = OtpKeyUri.Parse(TestSecrets.Uri(TestSecrets.Base32(secret), "&issuer=Example"));

        Assert.Equal(OtpKeyType.Totp, key.Type);
        Assert.Equal("Example", key.Issuer);
        Assert.Equal("alice@example.com", key.AccountName);
        Assert.Equal(OtpAlgorithm.Sha1, key.Algorithm);
        Assert.Equal(6, key.Digits);
        Assert.Equal(TimeSpan.FromSeconds(30), key.Period);
        Assert.Equal(160, key.SecretBits);
        Assert.Equal(secret, key.Secret.ToArray());
        Assert.Equal(OtpKeyIssues.None, key.Issues);
        Assert.Equal(OtpKeyVerdict.Acceptable, key.Verdict);
    }

    [Theory]
    [InlineData(10, OtpKeyIssues.SecretBelow128Bits | OtpKeyIssues.SecretBelow160Bits, OtpKeyVerdict.Unacceptable)]
    [InlineData(15, OtpKeyIssues.SecretBelow128Bits | OtpKeyIssues.SecretBelow160Bits, OtpKeyVerdict.Unacceptable)]
    [InlineData(16, OtpKeyIssues.SecretBelow160Bits, OtpKeyVerdict.Weak)]
    [InlineData(19, OtpKeyIssues.SecretBelow160Bits, OtpKeyVerdict.Weak)]
    [InlineData(20, OtpKeyIssues.None, OtpKeyVerdict.Acceptable)]
    [InlineData(64, OtpKeyIssues.None, OtpKeyVerdict.Acceptable)]
    public void Secret_length_is_judged_against_RFC_4226_R6(int bytes, OtpKeyIssues issues, OtpKeyVerdict verdict)
    {
        using var key = OtpKeyUri.Parse(TestSecrets.Uri(TestSecrets.Base32(TestSecrets.Bytes(bytes, bytes))));
        Assert.Equal(bytes * 8, key.SecretBits);
        Assert.Equal(issues, key.Issues);
        Assert.Equal(verdict, key.Verdict);
    }

    [Theory]
    [InlineData("&digits=4", OtpKeyIssues.DigitsBelowSix | OtpKeyIssues.NonDefaultParameters, OtpKeyVerdict.Unacceptable)]
    [InlineData("&digits=8", OtpKeyIssues.NonDefaultParameters, OtpKeyVerdict.Acceptable)]
    [InlineData("&digits=10", OtpKeyIssues.DigitsAboveEight | OtpKeyIssues.NonDefaultParameters, OtpKeyVerdict.Unacceptable)]
    [InlineData("&period=60", OtpKeyIssues.NonDefaultParameters, OtpKeyVerdict.Acceptable)]
    [InlineData("&period=90", OtpKeyIssues.PeriodAbove60Seconds | OtpKeyIssues.NonDefaultParameters, OtpKeyVerdict.Weak)]
    [InlineData("&period=300", OtpKeyIssues.PeriodAbove60Seconds | OtpKeyIssues.PeriodAbove120Seconds | OtpKeyIssues.NonDefaultParameters, OtpKeyVerdict.Unacceptable)]
    [InlineData("&algorithm=SHA256", OtpKeyIssues.NonDefaultParameters, OtpKeyVerdict.Acceptable)]
    [InlineData("&algorithm=sha512&digits=8", OtpKeyIssues.NonDefaultParameters, OtpKeyVerdict.Acceptable)]
    public void Digits_period_and_algorithm_are_judged(string parameters, OtpKeyIssues issues, OtpKeyVerdict verdict)
    {
        using var key = OtpKeyUri.Parse(TestSecrets.Uri(TestSecrets.Base32(TestSecrets.Bytes(20, 2)), parameters));
        Assert.Equal(issues, key.Issues);
        Assert.Equal(verdict, key.Verdict);
    }

    [Fact]
    public void Hotp_keys_carry_their_counter_and_ignore_period()
    {
        using var key = OtpKeyUri.Parse(TestSecrets.Uri(TestSecrets.Base32(TestSecrets.Bytes(20, 3)), "&counter=42&period=600", "hotp"));
        Assert.Equal(OtpKeyType.Hotp, key.Type);
        Assert.Equal(42, key.Counter);
        Assert.Equal(OtpKeyVerdict.Acceptable, key.Verdict);
        Assert.Throws<InvalidOperationException>(() => key.CreateVerifier());
    }

    [Fact]
    public void Labels_are_percent_decoded_and_keep_plus_signs()
    {
        var uri = "otpauth://totp/Big%20Broker:%20alice+trading@example.com?issuer=Big%20Broker&" + "sec" + "ret=" + TestSecrets.Base32(TestSecrets.Bytes(20, 8));
        using var key = OtpKeyUri.Parse(uri);
        Assert.Equal("Big Broker", key.Issuer);
        Assert.Equal("alice+trading@example.com", key.AccountName);
    }

    [Fact]
    public void Padded_lower_case_base32_decodes_the_same()
    {
        var secret = TestSecrets.Bytes(21, 4);
        using var key = OtpKeyUri.Parse(TestSecrets.Uri(TestSecrets.Base32(secret, pad: true).ToLowerInvariant()));
        Assert.Equal(secret, key.Secret.ToArray());
    }

    [Theory]
    [InlineData("http://totp/a?secret=AAAA", "scheme")]
    [InlineData("otpauth://xotp/a?secret=AAAA", "type")]
    [InlineData("otpauth://totp", "type")]
    [InlineData("otpauth://totp/?secret=AAAA", "label")]
    [InlineData("otpauth://totp/Example:?secret=AAAA", "label")]
    [InlineData("otpauth://totp/a", "secret")]
    [InlineData("otpauth://totp/a?secret=", "secret")]
    [InlineData("otpauth://totp/a?secret=AB1D", "secret")]
    [InlineData("otpauth://totp/a?secret=ABC", "secret")]
    [InlineData("otpauth://totp/a?secret=AB=CD", "secret")]
    [InlineData("otpauth://totp/a?secret=AAAA&secret=BBBB", "secret")]
    [InlineData("otpauth://totp/a?secret=AAAA&algorithm=MD5", "algorithm")]
    [InlineData("otpauth://totp/a?secret=AAAA&digits=six", "digits")]
    [InlineData("otpauth://totp/a?secret=AAAA&digits=0", "digits")]
    [InlineData("otpauth://totp/a?secret=AAAA&period=-30", "period")]
    [InlineData("otpauth://totp/a?secret=AAAA&period=0", "period")]
    [InlineData("otpauth://hotp/a?secret=AAAA", "counter")]
    [InlineData("otpauth://hotp/a?secret=AAAA&counter=x", "counter")]
    [InlineData("otpauth://totp/Acme:a?secret=AAAA&issuer=Other", "issuer")]
    public void Malformed_uris_name_the_part_at_fault(string uri, string part)
    {
        var error = Assert.Throws<FormatException>(() => OtpKeyUri.Parse(uri));
        Assert.StartsWith(part, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_zeroes_the_secret_and_blocks_further_reads()
    {
        var key = OtpKeyUri.Parse(TestSecrets.Uri(TestSecrets.Base32(TestSecrets.Bytes(20, 5))));
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Secret.Length);
    }

    [Fact]
    public void An_acceptable_key_yields_a_verifier_with_its_settings()
    {
        var secret = TestSecrets.Bytes(32, 6);
        using var key = OtpKeyUri.Parse(TestSecrets.Uri(TestSecrets.Base32(secret), "&algorithm=SHA256&digits=8&period=60"));
        var verifier = key.CreateVerifier();
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var code = OneTimePassword.Format(OneTimePassword.Totp(secret, now, TimeSpan.FromSeconds(60), 8, OtpAlgorithm.Sha256), 8);
        Assert.True(verifier.Verify(key.Secret, code, null, now).IsAccepted);
    }

    [Fact]
    public void An_unacceptable_key_gets_no_verifier()
    {
        using var key = OtpKeyUri.Parse(TestSecrets.Uri(TestSecrets.Base32(TestSecrets.Bytes(10, 7))));
        Assert.Throws<InvalidOperationException>(() => key.CreateVerifier());
    }
}
