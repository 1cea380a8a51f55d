using System.Buffers.Binary;
using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Otp;
using OtpNet;

namespace LoginPosture.Tests.Otp;

/// <summary>
/// What the library adds on top of Otp.NET: every window step is computed and compared whatever the outcome, the
/// newest of equal codes is taken, replays are refused, HOTP is compared in constant time, MACs are zeroed.
/// </summary>
public sealed class OtpWindowTests
{
    /// <summary>
    /// A key provider over the platform HMAC that counts its calls and can make chosen steps hash like others, so
    /// adjacent steps give the same code on demand.
    /// </summary>
    private sealed class ProbeKey(byte[] secret, IReadOnlyDictionary<long, long>? aliases = null) : IKeyProvider
    {
        public List<long> Steps { get; } = [];

        public byte[] ComputeHmac(OtpHashMode mode, byte[] data)
        {
            var step = BinaryPrimitives.ReadInt64BigEndian(data);
            Steps.Add(step);
            var hashed = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(hashed, aliases is not null && aliases.TryGetValue(step, out var alias) ? alias : step);
            return HMACSHA1.HashData(secret, hashed);
        }
    }

    private static string Code(byte[] secret, long step) => OneTimePassword.Format(OneTimePassword.Hotp(secret, step), 6);

    [Property(MaxTest = 300)]
    public Property Every_step_is_computed_whatever_the_outcome()
    {
        // No early exit: an accepted, replayed, rejected or malformed-length-equal code costs the same HMACs, in the
        // same order, so timing does not reveal which step matched.
        var cases =
            from width in Gen.Choose(0, 10)
            from first in Gen.Elements(0L, 1_000L, long.MaxValue / 2)
            from codeOffset in Gen.Choose(-2, width + 2)
            from lastOffset in Gen.Choose(-2, width + 2)
            from validCode in Gen.Elements(true, false)
            from seed in Gen.Choose(0, int.MaxValue)
            select (width, first, codeOffset, lastOffset, validCode, seed);

        return Prop.ForAll(Arb.From(cases), c =>
        {
            var secret = TestSecrets.Bytes(20, c.seed);
            var code = c.validCode ? Code(secret, Math.Max(c.first + c.codeOffset, 0)) : "000000";
            var key = new ProbeKey(secret);
            OtpWindow.Search(key, OtpHashMode.Sha1, 6, code, c.first, c.first + c.width, c.first + c.lastOffset);
            return key.Steps.SequenceEqual(Enumerable.Range(0, c.width + 1).Select(i => c.first + i));
        });
    }

    [Property(MaxTest = 200)]
    public Property Where_adjacent_steps_give_the_same_code_the_newest_fresh_step_is_taken()
    {
        // Steps s and s+1 (and maybe s+2) are forced to the same code; the verifier must accept the newest fresh one,
        // and after storing it the same code must be refused as a replay, whichever step it is presented for.
        var cases =
            from start in Gen.Choose(1, 8)
            from run in Gen.Choose(2, 3)
            from lastOffset in Gen.Choose(-1, 10)
            from seed in Gen.Choose(0, int.MaxValue)
            select (start, run, lastOffset, seed);

        return Prop.ForAll(Arb.From(cases), c =>
        {
            const long first = 1_000, last = 1_010;
            var secret = TestSecrets.Bytes(20, c.seed);
            var shared = first + c.start;
            var aliases = Enumerable.Range(1, c.run - 1).ToDictionary(i => shared + i, _ => shared);
            var code = Code(secret, shared);
            var lastAccepted = first + c.lastOffset;
            var newest = shared + c.run - 1;

            var (fresh, stale) = OtpWindow.Search(new ProbeKey(secret, aliases), OtpHashMode.Sha1, 6, code, first, last, lastAccepted);
            var expectedFresh = newest > lastAccepted ? newest : -1;
            var expectedStale = Enumerable.Range(0, c.run).Select(i => shared + i).Where(s => s <= lastAccepted).DefaultIfEmpty(-1).Max();
            if (fresh != expectedFresh || stale != expectedStale)
            {
                return false;
            }

            // Store what was accepted: the same code now finds nothing fresh.
            var again = OtpWindow.Search(new ProbeKey(secret, aliases), OtpHashMode.Sha1, 6, code, first, last, fresh < 0 ? lastAccepted : fresh);
            return again.Fresh == -1 && again.Stale == (fresh < 0 ? expectedStale : newest);
        });
    }

    [Fact]
    public void Codes_are_compared_character_by_character_without_culture_or_numerals()
    {
        Assert.True(OtpWindow.CodesEqual("012345", "012345"));
        Assert.False(OtpWindow.CodesEqual("012345", "012346"));
        Assert.False(OtpWindow.CodesEqual("012345", "112345"));
        Assert.False(OtpWindow.CodesEqual("012345", "12345"));
        Assert.False(OtpWindow.IsWellFormed("١٢٣٤٥٦", 6));
        Assert.False(OtpWindow.IsWellFormed("12345", 6));
        Assert.True(OtpWindow.IsWellFormed("000000", 6));
    }

    [Theory]
    [InlineData(OtpAlgorithm.Sha1, 1)]
    [InlineData(OtpAlgorithm.Sha1, 200)]
    [InlineData(OtpAlgorithm.Sha256, 32)]
    [InlineData(OtpAlgorithm.Sha512, 64)]
    public void The_platform_key_matches_the_platform_HMAC_and_zeroes_every_MAC_it_handed_out(OtpAlgorithm algorithm, int keyLength)
    {
        var secret = TestSecrets.Bytes(keyLength, keyLength);
        var data = new byte[] { 0, 0, 0, 0, 0, 0, 0, 7 };
        var expected = algorithm switch
        {
            OtpAlgorithm.Sha256 => HMACSHA256.HashData(secret, data),
            OtpAlgorithm.Sha512 => HMACSHA512.HashData(secret, data),
            _ => HMACSHA1.HashData(secret, data),
        };

        var key = new PlatformHmacKey(secret, algorithm);
        var first = key.ComputeHmac(key.Mode, data);
        Assert.Equal(expected, first);
        var second = key.ComputeHmac(key.Mode, data);
        Assert.Equal(expected, second);
        Assert.All(first, b => Assert.Equal(0, b));
        key.Dispose();
        Assert.All(second, b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => key.ComputeHmac(key.Mode, data));
    }

    [Fact]
    public void The_platform_key_refuses_another_hash_function()
    {
        using var key = new PlatformHmacKey(TestSecrets.Bytes(20, 1), OtpAlgorithm.Sha256);
        Assert.Throws<InvalidOperationException>(() => key.ComputeHmac(OtpHashMode.Sha1, new byte[8]));
    }
}
