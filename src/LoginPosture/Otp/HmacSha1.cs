using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace LoginPosture.Otp;

/// <summary>
/// HMAC-SHA-1 (RFC 2104 over FIPS 180-4 SHA-1) specialised for one-time passwords: the key's inner and outer pad
/// states are computed once, after which each 8-byte counter costs exactly two SHA-1 compressions. The platform's
/// one-shot HMAC re-keys on every call, which makes a verification window several times slower.
/// </summary>
/// <remarks>
/// Branch-free and table-free, so its timing does not depend on the key or the message. Checked against
/// <see cref="HMACSHA1"/> by the RFC 4226/6238 vectors and a property test over random keys and counters.
/// </remarks>
internal static class HmacSha1
{
    /// <summary>Words of one SHA-1 state.</summary>
    public const int StateWords = 5;

    private const int BlockBytes = 64;

    /// <summary>Computes the pad states: <paramref name="pads"/>[0..5] inner, [5..10] outer. Zero them when done.</summary>
    public static void Key(ReadOnlySpan<byte> key, Span<uint> pads)
    {
        Span<byte> block = stackalloc byte[BlockBytes];
        if (key.Length > BlockBytes)
        {
            SHA1.HashData(key, block); // RFC 2104: keys longer than a block are hashed first
        }
        else
        {
            key.CopyTo(block);
        }

        for (var i = 0; i < BlockBytes; i++)
        {
            block[i] ^= 0x36;
        }

        Initial(pads[..StateWords]);
        Compress(pads[..StateWords], block);
        for (var i = 0; i < BlockBytes; i++)
        {
            block[i] ^= 0x36 ^ 0x5C;
        }

        Initial(pads[StateWords..]);
        Compress(pads[StateWords..], block);
        CryptographicOperations.ZeroMemory(block);
    }

    /// <summary>HMAC of an 8-byte big-endian counter under pre-computed pads, written as 20 bytes to <paramref name="mac"/>.</summary>
    public static void Mac(ReadOnlySpan<uint> pads, long counter, Span<byte> mac)
    {
        Span<uint> state = stackalloc uint[StateWords];
        Span<byte> block = stackalloc byte[BlockBytes];

        // Inner: H(K ^ ipad || counter); one block holds the counter, the 0x80 terminator and the 576-bit length.
        pads[..StateWords].CopyTo(state);
        BinaryPrimitives.WriteInt64BigEndian(block, counter);
        block[8] = 0x80;
        BinaryPrimitives.WriteInt64BigEndian(block[56..], (BlockBytes + 8) * 8);
        Compress(state, block);

        // Outer: H(K ^ opad || inner); one block holds the 20-byte inner hash, the terminator and the 672-bit length.
        block.Clear();
        for (var i = 0; i < StateWords; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(block[(i * 4)..], state[i]);
        }

        block[20] = 0x80;
        BinaryPrimitives.WriteInt64BigEndian(block[56..], (BlockBytes + 20) * 8);
        pads[StateWords..].CopyTo(state);
        Compress(state, block);

        for (var i = 0; i < StateWords; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(mac[(i * 4)..], state[i]);
        }

        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(state));
    }

    private static void Initial(Span<uint> state)
    {
        state[0] = 0x67452301;
        state[1] = 0xEFCDAB89;
        state[2] = 0x98BADCFE;
        state[3] = 0x10325476;
        state[4] = 0xC3D2E1F0;
    }

    // FIPS 180-4 §6.1.2, with the 80-word schedule kept as a rolling 16-word window. The round index, never the
    // data, selects the round function, so there is no secret-dependent branch.
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(i * 4, 4));
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
        for (var i = 0; i < 20; i++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, ((b & c) | (~b & d)) + 0x5A827999u, Word(w, i));
        }

        for (var i = 20; i < 40; i++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, (b ^ c ^ d) + 0x6ED9EBA1u, Word(w, i));
        }

        for (var i = 40; i < 60; i++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, ((b & c) | (b & d) | (c & d)) + 0x8F1BBCDCu, Word(w, i));
        }

        for (var i = 60; i < 80; i++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, (b ^ c ^ d) + 0xCA62C1D6u, Word(w, i));
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(w));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Word(Span<uint> w, int i)
    {
        if (i < 16)
        {
            return w[i];
        }

        var word = BitOperations.RotateLeft(w[(i + 13) & 15] ^ w[(i + 8) & 15] ^ w[(i + 2) & 15] ^ w[i & 15], 1);
        w[i & 15] = word;
        return word;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, uint fPlusK, uint word)
    {
        var t = BitOperations.RotateLeft(a, 5) + fPlusK + e + word;
        e = d;
        d = c;
        c = BitOperations.RotateLeft(b, 30);
        b = a;
        a = t;
    }
}
