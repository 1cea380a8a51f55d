using System.Security.Cryptography;

namespace LoginPosture.Otp;

/// <summary>RFC 4648 base32 decoding as key URIs use it: case-insensitive, padding optional, nothing else allowed.</summary>
internal static class Base32
{
    /// <summary>Decodes base32 text into a new array the caller owns (and should zero when done).</summary>
    /// <exception cref="FormatException">A character is outside the alphabet, padding is misplaced, or the length is impossible; the message names <paramref name="part"/> and the position.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text, string part)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] == '=')
        {
            end--;
        }

        var padding = text.Length - end;
        if (padding > 0 && (text.Length % 8 != 0 || padding > 6))
        {
            throw new FormatException($"{part} has misplaced '=' padding; base32 padding only fills the last 8-character block.");
        }

        var data = text[..end];
        if (data.IsEmpty)
        {
            throw new FormatException($"{part} is empty; expected a base32 (RFC 4648) encoded secret.");
        }

        // 2, 4, 5, 7 trailing characters carry whole bytes; 1, 3 and 6 cannot come from any byte string.
        if ((data.Length % 8) is 1 or 3 or 6)
        {
            throw new FormatException($"{part} has {data.Length} base32 characters, a length no byte string encodes to; check that it was copied whole.");
        }

        var output = new byte[data.Length * 5 / 8];
        int buffer = 0, bits = 0, written = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var value = ValueOf(data[i]);
            if (value < 0)
            {
                CryptographicOperations.ZeroMemory(output);
                throw new FormatException($"{part} has '{(char.IsControl(data[i]) ? '?' : data[i])}' at position {i}, which is not a base32 character (A-Z, 2-7).");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output[written++] = (byte)(buffer >> bits);
            }

            buffer &= (1 << bits) - 1;
        }

        buffer = 0;
        return output;
    }

    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        >= '2' and <= '7' => c - '2' + 26,
        _ => -1,
    };
}
