using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace LoginPosture.Otp;

/// <summary>
/// HMAC-SHA-1 (RFC 2104 over FIPS 180-4 SHA-1) of up to four 8-byte counters at once, one per 128-bit vector lane.
/// The steps of a verification window are independent messages under one key, so they share every instruction.
/// </summary>
/// <remarks>
/// Keying computes the inner and outer pad states in two lanes of one compression; each batch of up to four
/// counters then costs two compressions. Branch-free and table-free, so timing does not depend on key or message.
/// Checked against <see cref="HMACSHA1"/> by the RFC 4226/6238 vectors and a property test over random keys and counters.
/// </remarks>
internal static class HmacSha1Lanes
{
    /// <summary>How many counters one call to <see cref="Mac"/> handles.</summary>
    public const int Lanes = 4;

    /// <summary>Words of one SHA-1 state.</summary>
    public const int StateWords = 5;

    /// <summary>Bytes of one MAC.</summary>
    public const int MacBytes = 20;

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

        // Lane 0 hashes key ^ ipad, lane 1 key ^ opad; lanes 2 and 3 idle.
        Span<Vector128<uint>> words = stackalloc Vector128<uint>[16];
        for (var i = 0; i < 16; i++)
        {
            var word = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]);
            words[i] = Vector128.Create(word ^ 0x36363636u, word ^ 0x5C5C5C5Cu, 0u, 0u);
        }

        Span<Vector128<uint>> state = stackalloc Vector128<uint>[StateWords];
        state[0] = Vector128.Create(0x67452301u);
        state[1] = Vector128.Create(0xEFCDAB89u);
        state[2] = Vector128.Create(0x98BADCFEu);
        state[3] = Vector128.Create(0x10325476u);
        state[4] = Vector128.Create(0xC3D2E1F0u);
        Compress(state, words);

        for (var i = 0; i < StateWords; i++)
        {
            pads[i] = state[i].GetElement(0);
            pads[StateWords + i] = state[i].GetElement(1);
        }

        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(words));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(state));
    }

    /// <summary>
    /// HMACs of one to four big-endian 8-byte counters under pre-computed pads; MAC i is written to
    /// <paramref name="macs"/>[20 i .. 20 i + 20].
    /// </summary>
    public static void Mac(ReadOnlySpan<uint> pads, ReadOnlySpan<long> counters, Span<byte> macs)
    {
        Span<ulong> lanes = stackalloc ulong[Lanes];
        MemoryMarshal.Cast<long, ulong>(counters).CopyTo(lanes);

        // Both messages fit one block, built directly as big-endian words: the message, the 0x80 terminator, zeros,
        // and the bit length of pad block plus message in the last word.
        Span<Vector128<uint>> words = stackalloc Vector128<uint>[16];
        words[0] = Vector128.Create((uint)(lanes[0] >> 32), (uint)(lanes[1] >> 32), (uint)(lanes[2] >> 32), (uint)(lanes[3] >> 32));
        words[1] = Vector128.Create((uint)lanes[0], (uint)lanes[1], (uint)lanes[2], (uint)lanes[3]);
        words[2] = Vector128.Create(0x80000000u);
        words[15] = Vector128.Create((uint)(BlockBytes + 8) * 8);
        Span<Vector128<uint>> inner = stackalloc Vector128<uint>[StateWords];
        Span<Vector128<uint>> outer = stackalloc Vector128<uint>[StateWords];
        for (var i = 0; i < StateWords; i++)
        {
            inner[i] = Vector128.Create(pads[i]);
            outer[i] = Vector128.Create(pads[StateWords + i]);
        }

        Compress(inner, words);

        words.Clear();
        inner.CopyTo(words);
        words[StateWords] = Vector128.Create(0x80000000u);
        words[15] = Vector128.Create((uint)(BlockBytes + MacBytes) * 8);
        Compress(outer, words);

        ReadOnlySpan<uint> digest = MemoryMarshal.Cast<Vector128<uint>, uint>(outer);
        for (var lane = 0; lane < counters.Length; lane++)
        {
            for (var i = 0; i < StateWords; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(macs[((lane * MacBytes) + (i * 4))..], digest[(i * Lanes) + lane]);
            }
        }

        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(words));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(inner));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(outer));
    }

    // FIPS 180-4 §6.1.2, lane-wise. Five rounds per iteration with the variables' roles rotated in place of the usual
    // e=d, d=c, ... shuffle, so a..e stay in registers. The round index, never the data, selects the round function.
    // The schedule is a rolling 16-word window (overwriting the caller's words) indexed through a ref with a 0..15
    // mask, always in range, so no bounds checks.
    private static void Compress(Span<Vector128<uint>> state, Span<Vector128<uint>> words)
    {
        ref var w = ref MemoryMarshal.GetReference(words[..16]);
        ref var s = ref MemoryMarshal.GetReference(state[..StateWords]);

        Vector128<uint> a = s, b = Unsafe.Add(ref s, 1), c = Unsafe.Add(ref s, 2), d = Unsafe.Add(ref s, 3), e = Unsafe.Add(ref s, 4);
        Phase<Choose>(ref a, ref b, ref c, ref d, ref e, ref w, 0);
        Phase<Parity1>(ref a, ref b, ref c, ref d, ref e, ref w, 20);
        Phase<Majority>(ref a, ref b, ref c, ref d, ref e, ref w, 40);
        Phase<Parity2>(ref a, ref b, ref c, ref d, ref e, ref w, 60);

        s += a;
        Unsafe.Add(ref s, 1) += b;
        Unsafe.Add(ref s, 2) += c;
        Unsafe.Add(ref s, 3) += d;
        Unsafe.Add(ref s, 4) += e;
    }

    // Twenty rounds with one round function and constant; the type argument picks them at compile time, so each
    // phase inlines into straight-line code.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Phase<TRound>(
        ref Vector128<uint> a, ref Vector128<uint> b, ref Vector128<uint> c, ref Vector128<uint> d, ref Vector128<uint> e,
        ref Vector128<uint> w, int start)
        where TRound : struct, IRound
    {
        var k = Vector128.Create(TRound.K);
        for (var i = start; i < start + 20; i += 5)
        {
            e += RotateLeft(a, 5) + TRound.F(b, c, d) + k + Word(ref w, i);
            b = RotateLeft(b, 30);
            d += RotateLeft(e, 5) + TRound.F(a, b, c) + k + Word(ref w, i + 1);
            a = RotateLeft(a, 30);
            c += RotateLeft(d, 5) + TRound.F(e, a, b) + k + Word(ref w, i + 2);
            e = RotateLeft(e, 30);
            b += RotateLeft(c, 5) + TRound.F(d, e, a) + k + Word(ref w, i + 3);
            d = RotateLeft(d, 30);
            a += RotateLeft(b, 5) + TRound.F(c, d, e) + k + Word(ref w, i + 4);
            c = RotateLeft(c, 30);
        }
    }

    // Word i of the schedule: the block's own words first, then W[i] = rotl1(W[i-3] ^ W[i-8] ^ W[i-14] ^ W[i-16]).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Word(ref Vector128<uint> w, int i)
    {
        if (i < 16)
        {
            return Unsafe.Add(ref w, i);
        }

        var word = RotateLeft(
            Unsafe.Add(ref w, (i + 13) & 15) ^ Unsafe.Add(ref w, (i + 8) & 15) ^ Unsafe.Add(ref w, (i + 2) & 15) ^ Unsafe.Add(ref w, i & 15), 1);
        Unsafe.Add(ref w, i & 15) = word;
        return word;
    }

    // AVX-512 rotates in one instruction; elsewhere two shifts and an OR.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> RotateLeft(Vector128<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateLeft(x, count)
            : Vector128.ShiftLeft(x, count) | Vector128.ShiftRightLogical(x, 32 - count);

    private interface IRound
    {
        static abstract uint K { get; }

        static abstract Vector128<uint> F(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z);
    }

    private readonly struct Choose : IRound
    {
        public static uint K => 0x5A827999u;

        public static Vector128<uint> F(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) => z ^ (x & (y ^ z));
    }

    private readonly struct Parity1 : IRound
    {
        public static uint K => 0x6ED9EBA1u;

        public static Vector128<uint> F(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) => x ^ y ^ z;
    }

    private readonly struct Majority : IRound
    {
        public static uint K => 0x8F1BBCDCu;

        public static Vector128<uint> F(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) => (x & y) | (z & (x | y));
    }

    private readonly struct Parity2 : IRound
    {
        public static uint K => 0xCA62C1D6u;

        public static Vector128<uint> F(Vector128<uint> x, Vector128<uint> y, Vector128<uint> z) => x ^ y ^ z;
    }
}
