using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

        Span<uint> words = stackalloc uint[16];
        Pad(block, words, 0x36363636u);
        Initial(pads[..StateWords]);
        Compress(pads[..StateWords], words);
        Pad(block, words, 0x5C5C5C5Cu);
        Initial(pads[StateWords..]);
        Compress(pads[StateWords..], words);
        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(words));
    }

    /// <summary>HMAC of an 8-byte big-endian counter under pre-computed pads, written as 20 bytes to <paramref name="mac"/>.</summary>
    public static void Mac(ReadOnlySpan<uint> pads, long counter, Span<byte> mac)
    {
        // Both messages fit one block, built directly as big-endian words: the message, the 0x80 terminator, zeros,
        // and the bit length of pad block plus message in the last word.
        Span<uint> words = stackalloc uint[16];
        Span<uint> inner = stackalloc uint[StateWords];
        pads[..StateWords].CopyTo(inner);
        words[0] = (uint)((ulong)counter >> 32);
        words[1] = (uint)counter;
        words[2] = 0x80000000u;
        words[15] = (BlockBytes + 8) * 8;
        Compress(inner, words);

        Span<uint> outer = stackalloc uint[StateWords];
        pads[StateWords..].CopyTo(outer);
        words.Clear();
        inner.CopyTo(words);
        words[StateWords] = 0x80000000u;
        words[15] = (BlockBytes + 20) * 8;
        Compress(outer, words);

        for (var i = 0; i < StateWords; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(mac[(i * 4)..], outer[i]);
        }

        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(words));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(inner));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(outer));
    }

    private static void Pad(ReadOnlySpan<byte> block, Span<uint> words, uint pad)
    {
        for (var i = 0; i < 16; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]) ^ pad;
        }
    }

    private static void Initial(Span<uint> state)
    {
        state[0] = 0x67452301;
        state[1] = 0xEFCDAB89;
        state[2] = 0x98BADCFE;
        state[3] = 0x10325476;
        state[4] = 0xC3D2E1F0;
    }

    // FIPS 180-4 §6.1.2. Five rounds per iteration with the variables' roles rotated in place of the usual
    // e=d, d=c, ... shuffle, so a..e stay in registers. The round index, never the data, selects the round function,
    // so there is no secret-dependent branch. The schedule is a rolling 16-word window (overwriting
    // the caller's words) indexed through a ref with a 0..15 mask, always in range, so no bounds checks.
    private static void Compress(Span<uint> state, Span<uint> words)
    {
        ref var w = ref MemoryMarshal.GetReference(words[..16]);

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
        Phase<Choose>(ref a, ref b, ref c, ref d, ref e, ref w, 0);
        Phase<Parity1>(ref a, ref b, ref c, ref d, ref e, ref w, 20);
        Phase<Majority>(ref a, ref b, ref c, ref d, ref e, ref w, 40);
        Phase<Parity2>(ref a, ref b, ref c, ref d, ref e, ref w, 60);

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }

    // Twenty rounds with one round function and constant; the type argument picks them at compile time, so each
    // phase inlines into straight-line code.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Phase<TRound>(ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, ref uint w, int start)
        where TRound : struct, IRound
    {
        for (var i = start; i < start + 20; i += 5)
        {
            e += BitOperations.RotateLeft(a, 5) + TRound.F(b, c, d) + TRound.K + Word(ref w, i);
            b = BitOperations.RotateLeft(b, 30);
            d += BitOperations.RotateLeft(e, 5) + TRound.F(a, b, c) + TRound.K + Word(ref w, i + 1);
            a = BitOperations.RotateLeft(a, 30);
            c += BitOperations.RotateLeft(d, 5) + TRound.F(e, a, b) + TRound.K + Word(ref w, i + 2);
            e = BitOperations.RotateLeft(e, 30);
            b += BitOperations.RotateLeft(c, 5) + TRound.F(d, e, a) + TRound.K + Word(ref w, i + 3);
            d = BitOperations.RotateLeft(d, 30);
            a += BitOperations.RotateLeft(b, 5) + TRound.F(c, d, e) + TRound.K + Word(ref w, i + 4);
            c = BitOperations.RotateLeft(c, 30);
        }
    }

    // Word i of the schedule: the block's own words first, then W[i] = rotl1(W[i-3] ^ W[i-8] ^ W[i-14] ^ W[i-16]).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Word(ref uint w, int i)
    {
        if (i < 16)
        {
            return Unsafe.Add(ref w, i);
        }

        var word = BitOperations.RotateLeft(
            Unsafe.Add(ref w, (i + 13) & 15) ^ Unsafe.Add(ref w, (i + 8) & 15) ^ Unsafe.Add(ref w, (i + 2) & 15) ^ Unsafe.Add(ref w, i & 15), 1);
        Unsafe.Add(ref w, i & 15) = word;
        return word;
    }

    private interface IRound
    {
        static abstract uint K { get; }

        static abstract uint F(uint x, uint y, uint z);
    }

    private readonly struct Choose : IRound
    {
        public static uint K => 0x5A827999u;

        public static uint F(uint x, uint y, uint z) => z ^ (x & (y ^ z));
    }

    private readonly struct Parity1 : IRound
    {
        public static uint K => 0x6ED9EBA1u;

        public static uint F(uint x, uint y, uint z) => x ^ y ^ z;
    }

    private readonly struct Majority : IRound
    {
        public static uint K => 0x8F1BBCDCu;

        public static uint F(uint x, uint y, uint z) => (x & y) | (z & (x | y));
    }

    private readonly struct Parity2 : IRound
    {
        public static uint K => 0xCA62C1D6u;

        public static uint F(uint x, uint y, uint z) => x ^ y ^ z;
    }
}
