using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace LoginPosture.Otp;

/// <summary>
/// HOTP (RFC 4226) and TOTP (RFC 6238) code generation: HMAC-SHA-1/256/512, 6 to 8 digits, any whole-second period.
/// Nothing here allocates, and every intermediate hash is zeroed before returning.
/// </summary>
/// <remarks>
/// The whole one-time-password core lives in this folder and depends on nothing else in the library, so it can be
/// replaced by Otp.NET (or any RFC 4226/6238 implementation) without touching the rest.
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
        if (counter < 0)
        {
            Guard.ThrowOutOfRange(nameof(counter), counter, "counter must be zero or more; RFC 4226 counts from 0.");
        }

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

    /// <summary>The RFC 4226 §5.3 algorithm on validated inputs: HMAC, dynamic truncation, modulo 10^digits.</summary>
    internal static int Compute(ReadOnlySpan<byte> secret, long counter, int digits, OtpAlgorithm algorithm)
    {
        if (algorithm == OtpAlgorithm.Sha1)
        {
            Span<uint> pads = stackalloc uint[2 * HmacSha1Lanes.StateWords];
            HmacSha1Lanes.Key(secret, pads);
            var code = 0;
            ComputeSha1(pads, new ReadOnlySpan<long>(in counter), digits, new Span<int>(ref code));
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(pads));
            return code;
        }

        Span<byte> message = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        Span<byte> hash = stackalloc byte[HMACSHA512.HashSizeInBytes];
        var length = algorithm == OtpAlgorithm.Sha256
            ? HMACSHA256.HashData(secret, message, hash)
            : HMACSHA512.HashData(secret, message, hash);
        var result = Truncate(hash[..length], digits);
        CryptographicOperations.ZeroMemory(hash);
        return result;
    }

    /// <summary>HMAC-SHA-1 codes for one to four counters from pad states prepared by <see cref="HmacSha1Lanes.Key"/>.</summary>
    internal static void ComputeSha1(ReadOnlySpan<uint> pads, ReadOnlySpan<long> counters, int digits, Span<int> codes)
    {
        Span<byte> macs = stackalloc byte[HmacSha1Lanes.Lanes * HmacSha1Lanes.MacBytes];
        HmacSha1Lanes.Mac(pads, counters, macs);
        for (var i = 0; i < counters.Length; i++)
        {
            codes[i] = Truncate(macs.Slice(i * HmacSha1Lanes.MacBytes, HmacSha1Lanes.MacBytes), digits);
        }

        CryptographicOperations.ZeroMemory(macs);
    }

    // RFC 4226 §5.3 dynamic truncation: 31 bits from the offset named by the low nibble of the last byte.
    private static int Truncate(ReadOnlySpan<byte> hash, int digits)
    {
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % PowersOfTen[digits];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ValidateSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.IsEmpty)
        {
            Guard.Throw(nameof(secret), "secret is empty; pass the decoded shared secret (RFC 4226 asks for at least 16 bytes).");
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
