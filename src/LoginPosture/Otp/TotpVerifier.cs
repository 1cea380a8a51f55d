namespace LoginPosture.Otp;

/// <summary>
/// Checks RFC 6238 codes within a drift window, in constant time, and refuses a code whose step was already accepted.
/// Holds settings only, never a secret: the caller passes the secret and the last accepted step on each call.
/// Immutable and safe to call from many threads.
/// </summary>
/// <remarks>
/// <para>Codes come from Otp.NET over the platform's HMAC. Unlike Otp.NET's <c>Totp.VerifyTotp</c>, which stops at
/// the first matching step, every step of the window is computed and compared (in constant time) whatever the
/// outcome, so the time taken does not reveal which step matched.</para>
/// <para>Replay refusal follows RFC 6238 §5.2 and NIST SP 800-63B rev 4 §3.1.4.2 ("accept a given OTP only once while
/// it is valid"): a code for a step at or before the last accepted step is refused. Where adjacent steps of the
/// window give the same code, the newest is accepted, so the same code cannot pass a second time as the newer step.</para>
/// <para>Each verification allocates a little short-lived state (the platform HMAC, Otp.NET's counter bytes, MACs
/// and code strings); the MACs are zeroed and the platform HMAC, with its copy of the key, is released before
/// returning.</para>
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
        options.Validate(errors);
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

        if (!OtpWindow.IsWellFormed(code, _digits))
        {
            return new TotpVerification(TotpOutcome.Malformed, -1, 0);
        }

        // No step exists before T0, so the window never starts before step 0.
        var current = seconds / _periodSeconds;
        using var key = new PlatformHmacKey(secret, _algorithm);
        var (fresh, stale) = OtpWindow.Search(
            key, key.Mode, _digits, code, Math.Max(current - _window, 0), current + _window, lastAcceptedStep ?? long.MinValue);
        return fresh >= 0 ? new TotpVerification(TotpOutcome.Accepted, fresh, (int)(fresh - current))
            : stale >= 0 ? new TotpVerification(TotpOutcome.Replayed, stale, (int)(stale - current))
            : new TotpVerification(TotpOutcome.Rejected, -1, 0);
    }
}
