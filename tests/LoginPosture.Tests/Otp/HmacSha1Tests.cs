using System.Buffers.Binary;
using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.Otp;

namespace LoginPosture.Tests.Otp;

/// <summary>The managed four-lane HMAC-SHA-1 must agree with the platform's HMACSHA1 bit for bit, in every lane.</summary>
public sealed class HmacSha1Tests
{
    private static byte[][] Managed(byte[] key, params long[] counters)
    {
        Span<uint> pads = stackalloc uint[2 * HmacSha1Lanes.StateWords];
        HmacSha1Lanes.Key(key, pads);
        var macs = new byte[HmacSha1Lanes.Lanes * HmacSha1Lanes.MacBytes];
        HmacSha1Lanes.Mac(pads, counters, macs);
        return [.. counters.Select((_, i) => macs.AsSpan(i * HmacSha1Lanes.MacBytes, HmacSha1Lanes.MacBytes).ToArray())];
    }

    private static byte[] Platform(byte[] key, long counter)
    {
        var message = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        return HMACSHA1.HashData(key, message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void Agrees_with_the_platform_at_key_length_boundaries(int keyLength)
    {
        var key = TestSecrets.Bytes(keyLength, keyLength);
        Assert.Equal(Platform(key, 0x0123456789ABCDEF), Managed(key, 0x0123456789ABCDEF)[0]);
    }

    [Fact]
    public void Fills_only_the_lanes_asked_for_and_each_lane_is_its_own_message()
    {
        var key = TestSecrets.Bytes(20, 7);
        Assert.Equal(Platform(key, 5), Managed(key, 5)[0]);
        var four = Managed(key, 5, 6, 1L << 40, 5);
        Assert.Equal([Platform(key, 5), Platform(key, 6), Platform(key, 1L << 40), Platform(key, 5)], four);
    }

    [Fact]
    public void Property_agrees_with_the_platform_for_any_key_and_counter()
    {
        var counter = Gen.Elements(0L, 1L, long.MaxValue).SelectMany(c => Gen.Choose(0, 1 << 30).Select(d => c == 0 ? d : c - d));
        var cases = from length in Gen.Frequency((3, Gen.Choose(1, 70)), (1, Gen.Choose(0, 300)))
                    from seed in Gen.Choose(0, int.MaxValue)
                    from lanes in Gen.Choose(1, HmacSha1Lanes.Lanes)
                    from counters in Gen.ArrayOf(counter, lanes)
                    select (length, seed, counters);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(cases), c =>
        {
            var key = TestSecrets.Bytes(c.length, c.seed);
            var managed = Managed(key, c.counters);
            return c.counters.Select((n, i) => managed[i].AsSpan().SequenceEqual(Platform(key, n))).All(same => same);
        }));
    }
}
