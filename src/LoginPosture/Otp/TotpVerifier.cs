using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace LoginPosture.Otp;

/// <summary>
/// Checks RFC 6238 codes within a drift window, in constant time, and refuses a code whose step was already accepted.
/// Holds settings only, never a secret: the caller passes the secret and the last accepted step on each call.
/// Immutable and safe to call from many threads; verification allocates nothing.
/// </summary>
/// <remarks>
/// Every step of the window is computed and compared whatever the outcome, so the time taken does not reveal which
/// step matched. Replay refusal follows RFC 6238 §5.2 and NIST SP 800-63B rev 4 §3.1.4.2 ("accept a given OTP only
/// once while it is valid"): a code for a step at or before the last accepted step is refused.
/// </remarks>
public sealed class TotpVerifier
{
    private readonly TimeProvider _time;
    private readonly OtpAlgorithm _algorithm;
    private readonly int _digits;
    private readonly long _periodSeconds;
    private readonly int _window;

    /// <summary>Creates a verifier from validated options.</summary>
    /// <param name="options">The settings; read once here.</param>
    /// <param name="timeProvider">The clock for the overloads without an instant; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the exception lists every one.</exception>
    public TotpVerifier(OtpOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options);
        var errors = new List<string>();
        options.Validate(errors, "Otp:");
        OptionsErrors.ThrowIfAny<OtpOptions>(errors);

        _time = timeProvider ?? TimeProvider.System;
        _algorithm = options.Algorithm;
        _digits = options.Digits;
        _periodSeconds = (long)options.Period.TotalSeconds;
        _window = options.AllowedDriftSteps;
    }

    /// <summary>The number of digits a code must have.</summary>
    public int Digits => _digits;

    /// <summary>Checks a code at the current time of the verifier's clock.</summary>
    /// <param name="secret">The shared secret (raw bytes). Not kept.</param>
    /// <param name="code">The code as typed: exactly <see cref="Digits"/> ASCII digits.</param>
    /// <param name="lastAcceptedStep">The step last accepted for this secret, or null if none; codes for it or earlier steps are refused.</param>
    /// <returns>The outcome and, on acceptance, the step to store.</returns>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public TotpVerification Verify(ReadOnlySpan<byte> secret, ReadOnlySpan<char> code, long? lastAcceptedStep) =>
        Verify(secret, code, lastAcceptedStep, _time.GetUtcNow());

    /// <summary>Checks a code at a given instant (deterministic: no clock is read).</summary>
    /// <param name="secret">The shared secret (raw bytes). Not kept.</param>
    /// <param name="code">The code as typed: exactly <see cref="Digits"/> ASCII digits.</param>
    /// <param name="lastAcceptedStep">The step last accepted for this secret, or null if none; codes for it or earlier steps are refused.</param>
    /// <param name="now">The instant of verification; on or after the Unix epoch.</param>
    /// <returns>The outcome and, on acceptance, the step to store.</returns>
    /// <exception cref="ArgumentException">The secret is empty or the instant precedes the Unix epoch.</exception>
    public TotpVerification Verify(ReadOnlySpan<byte> secret, ReadOnlySpan<char> code, long? lastAcceptedStep, DateTimeOffset now)
    {
        OneTimePassword.ValidateSecret(secret);
        var seconds = now.ToUnixTimeSeconds();
        if (seconds < 0)
        {
            Guard.ThrowOutOfRange(nameof(now), now, "now must not precede the Unix epoch (1970-01-01T00:00:00Z), RFC 6238's T0.");
        }

        if (!TryParse(code, _digits, out var submitted))
        {
            return new TotpVerification(TotpOutcome.Malformed, -1, 0);
        }

        var current = seconds / _periodSeconds;
        var last = lastAcceptedStep ?? long.MinValue;
        long fresh = -1, stale = -1;

        // SHA-1 keys the HMAC once for the whole window and then hashes up to four steps at once; other algorithms
        // use the platform's one-shot HMAC per step. No step exists before T0, so the window never starts before step 0.
        Span<uint> pads = stackalloc uint[2 * HmacSha1Lanes.StateWords];
        if (_algorithm == OtpAlgorithm.Sha1)
        {
            HmacSha1Lanes.Key(secret, pads);
        }

        Span<long> steps = stackalloc long[HmacSha1Lanes.Lanes];
        Span<int> candidates = stackalloc int[HmacSha1Lanes.Lanes];
        for (var first = Math.Max(current - _window, 0); first <= current + _window; first += HmacSha1Lanes.Lanes)
        {
            var count = (int)Math.Min(HmacSha1Lanes.Lanes, current + _window - first + 1);
            for (var lane = 0; lane < count; lane++)
            {
                steps[lane] = first + lane;
            }

            Codes(secret, pads, steps[..count], candidates);
            for (var lane = 0; lane < count; lane++)
            {
                if (EqualsInConstantTime(candidates[lane], submitted))
                {
                    // Keep the earliest fresh match; the branch is taken at most a few times and leaks no comparison detail.
                    var step = steps[lane];
                    if (step > last)
                    {
                        fresh = fresh < 0 ? step : fresh;
                    }
                    else
                    {
                        stale = step;
                    }
                }
            }
        }

        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(pads));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(candidates));
        return fresh >= 0 ? new TotpVerification(TotpOutcome.Accepted, fresh, (int)(fresh - current))
            : stale >= 0 ? new TotpVerification(TotpOutcome.Replayed, stale, (int)(stale - current))
            : new TotpVerification(TotpOutcome.Rejected, -1, 0);
    }

    // The codes of one batch of steps: in vector lanes for SHA-1 (pads already keyed), one by one otherwise.
    private void Codes(ReadOnlySpan<byte> secret, ReadOnlySpan<uint> pads, ReadOnlySpan<long> steps, Span<int> codes)
    {
        if (_algorithm == OtpAlgorithm.Sha1)
        {
            OneTimePassword.ComputeSha1(pads, steps, _digits, codes);
            return;
        }

        for (var i = 0; i < steps.Length; i++)
        {
            codes[i] = OneTimePassword.Compute(secret, steps[i], _digits, _algorithm);
        }
    }

    private static bool TryParse(ReadOnlySpan<char> code, int digits, out int value)
    {
        value = 0;
        if (code.Length != digits)
        {
            return false;
        }

        foreach (var c in code)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static bool EqualsInConstantTime(int expected, int actual) =>
        CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in expected)),
            MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in actual)));
}
