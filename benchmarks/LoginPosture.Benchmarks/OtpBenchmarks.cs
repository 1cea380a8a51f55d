using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LoginPosture.Otp;
using OtpNet;

namespace LoginPosture.Benchmarks;

/// <summary>
/// TOTP verification on the default ±1 step window: this library's verifier beside Otp.NET's own
/// <c>Totp.VerifyTotp</c> with the same window, key and instant, for a matching code and a wrong one. Target: at
/// most 15% slower than Otp.NET, allocations stated.
/// </summary>
/// <remarks>
/// Otp.NET stops at the first matching step and checks the current step first, so a current code costs it one HMAC;
/// the verifier always computes all three steps (constant time, newest match, replay refusal).
/// </remarks>
[MemoryDiagnoser]
[ShortRunJob]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OtpBenchmarks
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_015);
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private readonly TotpVerifier _verifier = new(new OtpOptions());
    private readonly byte[] _secret = new byte[20];
    private Totp _otpNet = null!;
    private string _current = null!;
    private string _wrong = null!;
    private long _previousStep;

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(_secret);
        _otpNet = new Totp(_secret);
        var code = OneTimePassword.Totp(_secret, Now, Period);
        _current = OneTimePassword.Format(code, 6);
        _wrong = OneTimePassword.Format((code + 1) % 1_000_000, 6);
        _previousStep = OneTimePassword.TimeStep(Now, Period) - 1;
    }

    /// <summary>Otp.NET as a server uses it per user: a Totp over the stored secret, then VerifyTotp with the RFC window.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Matching code")]
    public bool OtpNet_VerifyTotp_Matching() =>
        new Totp(_secret).VerifyTotp(Now.UtcDateTime, _current, out _, VerificationWindow.RfcSpecifiedNetworkDelay);

    /// <summary>Otp.NET with a Totp built once and reused (its fastest use; it keeps its own copy of the key).</summary>
    [Benchmark]
    [BenchmarkCategory("Matching code")]
    public bool OtpNet_ReusedTotp_Matching() =>
        _otpNet.VerifyTotp(Now.UtcDateTime, _current, out _, VerificationWindow.RfcSpecifiedNetworkDelay);

    /// <summary>This library: all three steps, constant-time comparison, replay check against the previous step.</summary>
    [Benchmark]
    [BenchmarkCategory("Matching code")]
    public bool TotpVerifier_Matching() => _verifier.Verify(_secret, _current, _previousStep, Now).IsAccepted;

    /// <summary>A wrong code: Otp.NET computes and compares all three steps too.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Wrong code")]
    public bool OtpNet_VerifyTotp_Wrong() =>
        new Totp(_secret).VerifyTotp(Now.UtcDateTime, _wrong, out _, VerificationWindow.RfcSpecifiedNetworkDelay);

    /// <summary>A wrong code through a reused Otp.NET Totp.</summary>
    [Benchmark]
    [BenchmarkCategory("Wrong code")]
    public bool OtpNet_ReusedTotp_Wrong() =>
        _otpNet.VerifyTotp(Now.UtcDateTime, _wrong, out _, VerificationWindow.RfcSpecifiedNetworkDelay);

    /// <summary>A wrong code through this library: the same work as a matching one.</summary>
    [Benchmark]
    [BenchmarkCategory("Wrong code")]
    public bool TotpVerifier_Wrong() => _verifier.Verify(_secret, _wrong, _previousStep, Now).IsAccepted;
}
