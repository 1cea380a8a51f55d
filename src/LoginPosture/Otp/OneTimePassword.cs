using System.Globalization;
using System.Runtime.CompilerServices;

namespace LoginPosture.Otp;

/// <summary>
/// HOTP (RFC 4226) and TOTP (RFC 6238) codes: HMAC-SHA-1/256/512, 6 to 8 digits, any whole-second period.
/// </summary>
/// <remarks>
/// Codes come from Otp.NET's <c>Hotp</c> (a TOTP code is the HOTP code of the time step, RFC 6238 §4) over the
/// platform's HMAC, never a hash of this library's own; every MAC is zeroed once truncated. What is added here is
/// input validation with named parameters, and a constant-time HOTP check.
/// </remarks>
public static class OneTimePassword
{
    /// <summary>The fewest digits a code may have (RFC 4226 §5.3 and NIST SP 800-63B rev 4 §3.1.4.1: at least six).</summary>
    public const int MinDigits = 6;

    /// <summary>The most digits a code may have (RFC 4226 §5.3 defines 6, 7 and 8).</summary>
    public const int MaxDigits = 8;

    private static readonly int[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>Computes an RFC 4226 HOTP code.</summary>
    /// <param name="secret">The shared secret (raw bytes, not base32). Not kept.</param>
    /// <param name="counter">The moving factor: a counter of zero or more.</param>
    /// <param name="digits">How many decimal digits the code has, 6 to 8.</param>
    /// <param name="algorithm">The HMAC hash function.</param>
    /// <returns>The code as a number; format it with <see cref="Format"/> to keep leading zeros.</returns>
    /// <exception cref="ArgumentException">The secret is empty, or a setting is out of range; the message names it.</exception>
    public static int Hotp(ReadOnlySpan<byte> secret, long counter, int digits = 6, OtpAlgorithm algorithm = OtpAlgorithm.Sha1)
    {
        ValidateSecret(secret);
        ValidateDigits(digits);
        ValidateAlgorithm(algorithm);
        ValidateCounter(counter);
        return Compute(secret, counter, digits, algorithm);
    }

    /// <summary>Computes an RFC 6238 TOTP code for an instant.</summary>
    /// <param name="secret">The shared secret (raw bytes, not base32). Not kept.</param>
    /// <param name="time">The instant; on or after the Unix epoch.</param>
    /// <param name="period">The time step: a whole number of seconds, at least one (RFC 6238 default 30 s).</param>
    /// <param name="digits">How many decimal digits the code has, 6 to 8.</param>
    /// <param name="algorithm">The HMAC hash function.</param>
    /// <returns>The code as a number; format it with <see cref="Format"/> to keep leading zeros.</returns>
    /// <exception cref="ArgumentException">The secret is empty, or a setting or the time is out of range; the message names it.</exception>
    public static int Totp(ReadOnlySpan<byte> secret, DateTimeOffset time, TimeSpan period, int digits = 6, OtpAlgorithm algorithm = OtpAlgorithm.Sha1)
    {
        ValidateSecret(secret);
        ValidateDigits(digits);
        ValidateAlgorithm(algorithm);
        return Compute(secret, TimeStep(time, period), digits, algorithm);
    }

    /// <summary>Returns the RFC 6238 time step (T) of an instant: whole periods since the Unix epoch (T0 = 0).</summary>
    /// <param name="time">The instant; on or after the Unix epoch.</param>
    /// <param name="period">The time step: a whole number of seconds, at least one.</param>
    /// <returns>The time step counter.</returns>
    /// <exception cref="ArgumentException">The period is not a positive whole number of seconds, or the time precedes the epoch.</exception>
    public static long TimeStep(DateTimeOffset time, TimeSpan period)
    {
        ValidatePeriod(period);
        var seconds = time.ToUnixTimeSeconds();
        if (seconds < 0)
        {
            Guard.ThrowOutOfRange(nameof(time), time, "time must not precede the Unix epoch (1970-01-01T00:00:00Z), RFC 6238's T0.");
        }

        return seconds / (long)period.TotalSeconds;
    }

    /// <summary>Formats a code with leading zeros, as a user types it.</summary>
    /// <param name="code">A code from <see cref="Hotp"/> or <see cref="Totp"/>.</param>
    /// <param name="digits">How many digits the code has, 6 to 8.</param>
    /// <returns>The code, zero-padded to <paramref name="digits"/> characters.</returns>
    /// <exception cref="ArgumentException">The digits are out of range, or the code does not fit in them.</exception>
    public static string Format(int code, int digits)
    {
        ValidateDigits(digits);
        if (code < 0 || code >= PowersOfTen[digits])
        {
            Guard.ThrowOutOfRange(nameof(code), code, $"code must be from 0 to {PowersOfTen[digits] - 1} for {digits} digits.");
        }

        return code.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// Checks an RFC 4226 HOTP code for one counter value, comparing in constant time (Otp.NET's own
    /// <c>VerifyHotp</c> is a plain string equality). On success, store <c>counter + 1</c> as the next counter so that
    /// the code cannot be used again (RFC 4226 §7.2).
    /// </summary>
    /// <param name="secret">The shared secret (raw bytes, not base32). Not kept.</param>
    /// <param name="code">The code as typed: exactly <paramref name="digits"/> ASCII digits; anything else fails.</param>
    /// <param name="counter">The counter value the code must belong to: zero or more.</param>
    /// <param name="digits">How many decimal digits the code has, 6 to 8.</param>
    /// <param name="algorithm">The HMAC hash function.</param>
    /// <returns>Whether the code is the one for <paramref name="counter"/>.</returns>
    /// <exception cref="ArgumentException">The secret is empty, or a setting is out of range; the message names it.</exception>
    public static bool VerifyHotp(ReadOnlySpan<byte> secret, ReadOnlySpan<char> code, long counter, int digits = 6, OtpAlgorithm algorithm = OtpAlgorithm.Sha1)
    {
        ValidateSecret(secret);
        ValidateDigits(digits);
        ValidateAlgorithm(algorithm);
        ValidateCounter(counter);
        if (!OtpWindow.IsWellFormed(code, digits))
        {
            return false;
        }

        using var key = new PlatformHmacKey(secret, algorithm);
        return OtpWindow.Search(key, key.Mode, digits, code, counter, counter, long.MinValue).Fresh == counter;
    }

    /// <summary>RFC 4226 §5.3 on validated inputs: Otp.NET's HOTP (HMAC, dynamic truncation, modulo 10^digits) over the platform HMAC.</summary>
    private static int Compute(ReadOnlySpan<byte> secret, long counter, int digits, OtpAlgorithm algorithm)
    {
        using var key = new PlatformHmacKey(secret, algorithm);
        var code = new OtpNet.Hotp(key, key.Mode, digits).ComputeHOTP(counter);
        return int.Parse(code, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ValidateSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.IsEmpty)
        {
            Guard.Throw(nameof(secret), "secret is empty; pass the decoded shared secret (RFC 4226 asks for at least 16 bytes).");
        }
    }

    private static void ValidateCounter(long counter)
    {
        if (counter < 0)
        {
            Guard.ThrowOutOfRange(nameof(counter), counter, "counter must be zero or more; RFC 4226 counts from 0.");
        }
    }

    internal static void ValidateDigits(int digits)
    {
        if (digits is < MinDigits or > MaxDigits)
        {
            Guard.ThrowOutOfRange(nameof(digits), digits, $"digits must be from {MinDigits} to {MaxDigits} (RFC 4226 §5.3).");
        }
    }

    internal static void ValidateAlgorithm(OtpAlgorithm algorithm)
    {
        if ((uint)algorithm > (uint)OtpAlgorithm.Sha512)
        {
            Guard.ThrowUndefined(algorithm, nameof(algorithm));
        }
    }

    internal static void ValidatePeriod(TimeSpan period)
    {
        if (period < TimeSpan.FromSeconds(1) || period.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            Guard.ThrowOutOfRange(nameof(period), period, "period must be a whole number of seconds, at least 1 (RFC 6238 recommends 30).");
        }
    }
}
