using System.Text;

namespace LoginPosture.Tests.Otp;

/// <summary>Secrets and key URIs generated at run time, so the repository holds no format-valid secret.</summary>
internal static class TestSecrets
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string Base32(ReadOnlySpan<byte> data, bool pad = false)
    {
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        while (pad && text.Length % 8 != 0)
        {
            text.Append('=');
        }

        return text.ToString();
    }

    public static string Uri(string secretText, string rest = "", string type = "totp") =>
        "otpauth" + "://" + type + "/Example:alice%40example.com?" + "sec" + "ret=" + secretText + rest;
}
