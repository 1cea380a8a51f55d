using System.Buffers.Binary;
using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.Otp;

namespace LoginPosture.Tests.Otp;

/// <summary>The managed HMAC-SHA-1 fast path must agree with the platform's HMACSHA1 bit for bit.</summary>
public sealed class HmacSha1Tests
{
    private static byte[] Managed(byte[] key, long counter)
    {
        Span<uint> pads = stackalloc uint[2 * HmacSha1.StateWords];
        HmacSha1.Key(key, pads);
        var mac = new byte[20];
        HmacSha1.Mac(pads, counter, mac);
        return mac;
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
        Assert.Equal(Platform(key, 0x0123456789ABCDEF), Managed(key, 0x0123456789ABCDEF));
    }

    [Fact]
    public void Property_agrees_with_the_platform_for_any_key_and_counter()
    {
        var cases = from length in Gen.Frequency((3, Gen.Choose(1, 70)), (1, Gen.Choose(0, 300)))
                    from seed in Gen.Choose(0, int.MaxValue)
                    from counter in Gen.Elements(0L, 1L, long.MaxValue).SelectMany(c => Gen.Choose(0, 1 << 30).Select(d => c == 0 ? d : c - d))
                    select (length, seed, counter);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(cases), c =>
        {
            var key = TestSecrets.Bytes(c.length, c.seed);
            return Managed(key, c.counter).AsSpan().SequenceEqual(Platform(key, c.counter));
        }));
    }
}
