using System.Runtime.InteropServices;
using System.Security.Cryptography;
using OtpNet;

namespace LoginPosture.Otp;

/// <summary>
/// What this library adds on top of Otp.NET's code generation: a window search that computes and compares every
/// step whatever the outcome, compares in constant time, and refuses replays.
/// </summary>
internal static class OtpWindow
{
    /// <summary>
    /// Compares <paramref name="code"/> with the code of every step from <paramref name="first"/> to
    /// <paramref name="last"/>. Returns the newest matching step after <paramref name="lastAccepted"/> (fresh), and the
    /// newest matching step at or before it (stale); -1 where none matched.
    /// </summary>
    /// <remarks>
    /// Otp.NET's own TOTP check stops at the first matching step, and its HOTP check is a plain string equality; here
    /// no step is skipped, so the time taken does not depend on which step matched, if any. Where adjacent steps give
    /// the same code the newest is taken: accepting the older one would let the same code pass again as the newer.
    /// </remarks>
    internal static (long Fresh, long Stale) Search(
        IKeyProvider key, OtpHashMode mode, int digits, ReadOnlySpan<char> code, long first, long last, long lastAccepted)
    {
        var hotp = new Hotp(key, mode, digits);
        long fresh = -1, stale = -1;
        for (var step = first; step <= last; step++)
        {
            var match = CodesEqual(hotp.ComputeHOTP(step), code);
            fresh = match && step > lastAccepted ? step : fresh;
            stale = match && step <= lastAccepted ? step : stale;
        }

        return (fresh, stale);
    }

    /// <summary>Whether <paramref name="code"/> is exactly <paramref name="digits"/> ASCII digits (no other numerals, no spaces).</summary>
    internal static bool IsWellFormed(ReadOnlySpan<char> code, int digits)
    {
        if (code.Length != digits)
        {
            return false;
        }

        foreach (var c in code)
        {
            if ((uint)(c - '0') > 9)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Constant-time equality of two codes of the same (public) length: every character is compared.</summary>
    internal static bool CodesEqual(ReadOnlySpan<char> expected, ReadOnlySpan<char> actual) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(actual));
}
