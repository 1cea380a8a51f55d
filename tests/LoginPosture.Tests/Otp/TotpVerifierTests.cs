using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Otp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginPosture.Tests.Otp;

public sealed class TotpVerifierTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private static readonly byte[] Secret = TestSecrets.Bytes(20, 11);
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_015);

    private static string CodeAt(DateTimeOffset time, byte[]? secret = null) =>
        OneTimePassword.Format(OneTimePassword.Totp(secret ?? Secret, time, Period), 6);

    [Fact]
    public void Accepts_the_current_code_and_returns_its_step()
    {
        var verifier = new TotpVerifier(new OtpOptions());
        var result = verifier.Verify(Secret, CodeAt(Now), null, Now);
        Assert.Equal(TotpOutcome.Accepted, result.Outcome);
        Assert.Equal(OneTimePassword.TimeStep(Now, Period), result.MatchedStep);
        Assert.Equal(0, result.Drift);
    }

    [Theory]
    [InlineData(1, -1, TotpOutcome.Accepted)]
    [InlineData(1, 1, TotpOutcome.Accepted)]
    [InlineData(1, -2, TotpOutcome.Rejected)]
    [InlineData(1, 2, TotpOutcome.Rejected)]
    [InlineData(0, 1, TotpOutcome.Rejected)]
    [InlineData(3, -3, TotpOutcome.Accepted)]
    public void The_drift_window_is_configurable(int window, int stepsAway, TotpOutcome expected)
    {
        var verifier = new TotpVerifier(new OtpOptions { AllowedDriftSteps = window });
        var result = verifier.Verify(Secret, CodeAt(Now + (Period * stepsAway)), null, Now);
        Assert.Equal(expected, result.Outcome);
        if (expected == TotpOutcome.Accepted)
        {
            Assert.Equal(stepsAway, result.Drift);
        }
    }

    [Fact]
    public void A_code_is_accepted_once_and_older_steps_are_refused_after_it()
    {
        var verifier = new TotpVerifier(new OtpOptions());
        var first = verifier.Verify(Secret, CodeAt(Now), null, Now);
        Assert.True(first.IsAccepted);

        var again = verifier.Verify(Secret, CodeAt(Now), first.MatchedStep, Now);
        Assert.Equal(TotpOutcome.Replayed, again.Outcome);

        var older = verifier.Verify(Secret, CodeAt(Now - Period), first.MatchedStep, Now);
        Assert.Equal(TotpOutcome.Replayed, older.Outcome);

        var next = verifier.Verify(Secret, CodeAt(Now + Period), first.MatchedStep, Now + Period);
        Assert.True(next.IsAccepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12 456")]
    [InlineData("12a456")]
    [InlineData("١٢٣٤٥٦")]
    public void Malformed_codes_are_reported_not_thrown(string code) =>
        Assert.Equal(TotpOutcome.Malformed, new TotpVerifier(new OtpOptions()).Verify(Secret, code, null, Now).Outcome);

    [Fact]
    public void A_wrong_secret_is_rejected()
    {
        var other = TestSecrets.Bytes(20, 12);
        Assert.Equal(TotpOutcome.Rejected, new TotpVerifier(new OtpOptions()).Verify(Secret, CodeAt(Now, other), null, Now).Outcome);
    }

    [Fact]
    public void The_clock_comes_from_the_time_provider()
    {
        var clock = new FixedClock(Now);
        var verifier = new TotpVerifier(new OtpOptions(), clock);
        Assert.True(verifier.Verify(Secret, CodeAt(Now), null).IsAccepted);
        clock.Now = Now + (Period * 3);
        Assert.False(verifier.Verify(Secret, CodeAt(Now), null).IsAccepted);
    }

    [Fact]
    public void Invalid_options_are_all_reported_with_their_names()
    {
        var options = new OtpOptions { Digits = 5, Period = TimeSpan.FromMilliseconds(500), AllowedDriftSteps = 11, Algorithm = (OtpAlgorithm)9 };
        var error = Assert.Throws<OptionsValidationException>(() => new TotpVerifier(options));
        Assert.Equal(4, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Digits", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Period", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("AllowedDriftSteps", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Algorithm", StringComparison.Ordinal));
    }

    [Fact]
    public void The_verifier_is_registered_and_its_options_validated_through_di()
    {
        using var good = new ServiceCollection().AddLoginPosture(o => o.Otp.Digits = 8).BuildServiceProvider();
        Assert.Equal(8, good.GetRequiredService<TotpVerifier>().Digits);

        using var bad = new ServiceCollection().AddLoginPosture(o => o.Otp.Digits = 9).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<TotpVerifier>());
        Assert.Contains(error.Failures, f => f.StartsWith("Otp:Digits", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        var verifier = new TotpVerifier(new OtpOptions());
        Assert.Equal("secret", Assert.ThrowsAny<ArgumentException>(() => verifier.Verify([], "123456", null, Now)).ParamName);
        Assert.Equal("now", Assert.ThrowsAny<ArgumentException>(() => verifier.Verify(Secret, "123456", null, DateTimeOffset.UnixEpoch.AddDays(-1))).ParamName);
    }

    [Property(MaxTest = 200)]
    public Property A_generated_code_verifies_within_the_window_and_never_twice()
    {
        var cases =
            from algorithm in Gen.Elements(OtpAlgorithm.Sha1, OtpAlgorithm.Sha256, OtpAlgorithm.Sha512)
            from digits in Gen.Choose(6, 8)
            from periodSeconds in Gen.Elements(1, 15, 30, 60, 3600)
            from window in Gen.Choose(0, 10)
            from drift in Gen.Choose(-window, window)
            from secretLength in Gen.Elements(1, 16, 20, 32, 64, 100)
            from seed in Gen.Choose(0, int.MaxValue)
            from seconds in Gen.Elements(0L, 59L, 1_111_111_109L, 20_000_000_000L, 253_402_100_000L).SelectMany(s => Gen.Choose(0, 100_000).Select(d => s + d))
            select (algorithm, digits, periodSeconds, window, drift, secretLength, seed, seconds);

        return Prop.ForAll(Arb.From(cases), c =>
        {
            var period = TimeSpan.FromSeconds(c.periodSeconds);
            var now = DateTimeOffset.FromUnixTimeSeconds(c.seconds);
            var codeTime = now + (period * c.drift);
            if (codeTime < DateTimeOffset.UnixEpoch)
            {
                return true; // no step exists before T0
            }

            var secret = TestSecrets.Bytes(c.secretLength, c.seed);
            var verifier = new TotpVerifier(new OtpOptions { Algorithm = c.algorithm, Digits = c.digits, Period = period, AllowedDriftSteps = c.window });
            var code = OneTimePassword.Format(OneTimePassword.Totp(secret, codeTime, period, c.digits, c.algorithm), c.digits);

            // The newest step giving this code is accepted, so it lies at or after the code's own step.
            var first = verifier.Verify(secret, code, null, now);
            var second = verifier.Verify(secret, code, first.MatchedStep, now);
            return first.IsAccepted
                && first.MatchedStep >= OneTimePassword.TimeStep(codeTime, period)
                && OneTimePassword.Format(OneTimePassword.Hotp(secret, first.MatchedStep, c.digits, c.algorithm), c.digits) == code
                && second.Outcome == TotpOutcome.Replayed;
        });
    }

    [Property(MaxTest = 300)]
    public Property The_outcome_matches_a_step_by_step_reference_whatever_the_window()
    {
        // The reference walks the window one step at a time with the public HOTP function and applies the rules
        // directly: newest fresh match accepted, else newest stale match is a replay. A pre-epoch step counted, a
        // step skipped, or the older of two equal codes taken shows up as a different outcome. Adjacent six-digit
        // codes collide about once in a million, so OtpWindowTests forces collisions to exercise that rule.
        var cases =
            from algorithm in Gen.Elements(OtpAlgorithm.Sha1, OtpAlgorithm.Sha1, OtpAlgorithm.Sha256, OtpAlgorithm.Sha512)
            from window in Gen.Choose(0, 10)
            from seconds in Gen.Elements(0L, 1_700_000_000L).SelectMany(s => Gen.Choose(0, 400).Select(d => s + d))
            from offset in Gen.Choose(-window - 2, window + 2)
            from validCode in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            from randomCode in Gen.Choose(0, 999_999)
            from lastOffset in Gen.Choose(-window - 2, window + 2)
            from hasLast in Gen.Elements(true, false)
            from seed in Gen.Choose(0, int.MaxValue)
            select (algorithm, window, seconds, offset, validCode, randomCode, lastOffset, hasLast, seed);

        return Prop.ForAll(Arb.From(cases), c =>
        {
            var secret = TestSecrets.Bytes(20, c.seed);
            var current = c.seconds / 30;
            var codeStep = Math.Max(current + c.offset, 0);
            var code = c.validCode ? OneTimePassword.Hotp(secret, codeStep, 6, c.algorithm) : c.randomCode;
            long? last = c.hasLast ? current + c.lastOffset : null;

            long fresh = -1, stale = -1;
            for (var step = Math.Max(current - c.window, 0); step <= current + c.window; step++)
            {
                if (OneTimePassword.Hotp(secret, step, 6, c.algorithm) == code)
                {
                    if (step > (last ?? long.MinValue))
                    {
                        fresh = step;
                    }
                    else
                    {
                        stale = step;
                    }
                }
            }

            var expected = fresh >= 0 ? (TotpOutcome.Accepted, fresh) : stale >= 0 ? (TotpOutcome.Replayed, stale) : (TotpOutcome.Rejected, -1L);
            var verifier = new TotpVerifier(new OtpOptions { Algorithm = c.algorithm, AllowedDriftSteps = c.window });
            var actual = verifier.Verify(secret, OneTimePassword.Format(code, 6), last, DateTimeOffset.FromUnixTimeSeconds(c.seconds));
            return actual.Outcome == expected.Item1 && actual.MatchedStep == expected.Item2
                && (actual.Outcome == TotpOutcome.Rejected || actual.Drift == actual.MatchedStep - current);
        });
    }
}
