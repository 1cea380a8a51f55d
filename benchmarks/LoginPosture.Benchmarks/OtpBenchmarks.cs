using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using LoginPosture.Otp;

namespace LoginPosture.Benchmarks;

/// <summary>TOTP verification with the default ±1 step window (target ≤ 1.5 µs, 0 bytes allocated).</summary>
[MemoryDiagnoser]
public class OtpBenchmarks
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_015);
    private readonly TotpVerifier _verifier = new(new OtpOptions());
    private readonly byte[] _secret = new byte[20];
    private string _current = null!;
    private string _wrong = null!;
    private long _previousStep;

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(_secret);
        var code = OneTimePassword.Totp(_secret, Now, TimeSpan.FromSeconds(30));
        _current = OneTimePassword.Format(code, 6);
        _wrong = OneTimePassword.Format((code + 1) % 1_000_000, 6);
        _previousStep = OneTimePassword.TimeStep(Now, TimeSpan.FromSeconds(30)) - 1;
    }

    /// <summary>One HMAC-SHA-1 code: the unit of work verification repeats per window step.</summary>
    [Benchmark(Baseline = true)]
    public int GenerateCode() => OneTimePassword.Totp(_secret, Now, TimeSpan.FromSeconds(30));

    /// <summary>
    /// What a ±1 window costs with the platform's one-shot HMAC: three keyed HMACSHA1 calls (the verifier's own
    /// SHA-1 path keys once, then hashes up to four steps together in two vector-lane compressions).
    /// </summary>
    [Benchmark]
    public int PlatformHmacWindow()
    {
        Span<byte> message = stackalloc byte[8];
        Span<byte> hash = stackalloc byte[20];
        var sum = 0;
        for (var step = 0; step < 3; step++)
        {
            message[7] = (byte)step;
            HMACSHA1.HashData(_secret, message, hash);
            sum += hash[19];
        }

        return sum;
    }

    /// <summary>A valid code, checked against all three steps of the window.</summary>
    [Benchmark]
    public bool VerifyAccepted() => _verifier.Verify(_secret, _current, _previousStep, Now).IsAccepted;

    /// <summary>A wrong code: same work, since every step is always compared.</summary>
    [Benchmark]
    public bool VerifyRejected() => _verifier.Verify(_secret, _wrong, _previousStep, Now).IsAccepted;
}
