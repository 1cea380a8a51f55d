using System.Security.Cryptography;
using OtpNet;

namespace LoginPosture.Otp;

/// <summary>
/// An Otp.NET key provider over the platform's HMAC (<see cref="IncrementalHash"/>: OpenSSL, CNG or Apple
/// CommonCrypto, so a FIPS-mode host uses its validated module). Keyed once from a span, so the library never holds
/// the secret in a managed array of its own; every MAC it hands out is zeroed at the next call and on
/// <see cref="Dispose"/>. One instance serves one verification on one thread.
/// </summary>
internal sealed class PlatformHmacKey : IKeyProvider, IDisposable
{
    private readonly IncrementalHash _hmac;
    private readonly OtpHashMode _mode;
    private byte[]? _lastMac;

    /// <summary>Keys the platform HMAC with <paramref name="secret"/>; the span is not kept.</summary>
    internal PlatformHmacKey(ReadOnlySpan<byte> secret, OtpAlgorithm algorithm)
    {
        (_mode, var name) = algorithm switch
        {
            OtpAlgorithm.Sha256 => (OtpHashMode.Sha256, HashAlgorithmName.SHA256),
            OtpAlgorithm.Sha512 => (OtpHashMode.Sha512, HashAlgorithmName.SHA512),
            _ => (OtpHashMode.Sha1, HashAlgorithmName.SHA1),
        };
        _hmac = IncrementalHash.CreateHMAC(name, secret);
    }

    /// <summary>The Otp.NET hash mode this key was created for.</summary>
    internal OtpHashMode Mode => _mode;

    /// <summary>The HMAC of <paramref name="data"/> (Otp.NET passes the 8-byte big-endian counter).</summary>
    /// <exception cref="InvalidOperationException">Otp.NET asked for another hash function than the key was made for.</exception>
    public byte[] ComputeHmac(OtpHashMode mode, byte[] data)
    {
        if (mode != _mode)
        {
            throw new InvalidOperationException($"mode is {mode} but this key computes HMAC-{_mode}; create the Hotp with the key's Mode.");
        }

        Forget();
        _hmac.AppendData(data);
        _lastMac = _hmac.GetHashAndReset();
        return _lastMac;
    }

    /// <summary>Zeroes the last MAC and releases the platform HMAC, which clears its copy of the key.</summary>
    public void Dispose()
    {
        Forget();
        _hmac.Dispose();
    }

    // Otp.NET reads the MAC only while truncating it, so the previous one is finished with by the next call.
    private void Forget()
    {
        if (_lastMac is not null)
        {
            CryptographicOperations.ZeroMemory(_lastMac);
            _lastMac = null;
        }
    }
}
