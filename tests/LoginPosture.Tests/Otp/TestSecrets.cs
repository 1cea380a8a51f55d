using System.Text;

namespace LoginPosture.Tests.Otp;

/// <summary>Secrets and key URIs generated at run time, so the repository holds no format-valid secret.</summary>
internal static class TestSecrets
{
    public static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // RFC 4648 base32 from Otp.NET (which pads to a multiple of eight characters); key URIs usually drop the padding.
    public static string Base32(ReadOnlySpan<byte> data, bool pad = false)
    {
        var text = OtpNet.Base32Encoding.ToString(data.ToArray());
        return pad ? text : text.TrimEnd('=');
    }

    public static string Uri(string secretText, string rest = "", string type = "totp") =>
        "otpauth" + "://" + type + "/Example:alice%40example.com?" + "sec" + "ret=" + secretText + rest;
}
