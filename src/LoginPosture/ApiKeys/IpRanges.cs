using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LoginPosture.ApiKeys;

/// <summary>Strict parsing of allow-list entries: an address, or an address and prefix with no host bits set.</summary>
internal static class IpRanges
{
    public static readonly IPNetwork LoopbackV4 = new(IPAddress.Loopback, 32);
    public static readonly IPNetwork LoopbackV6 = new(IPAddress.IPv6Loopback, 128);

    /// <summary>
/// Parses <c>203.0.113.7</c>, <c>203.0.113.0/24</c>, <c>2001:db8::/48</c>; returns why not otherwise. The reason
/// never quotes the text: a mistyped entry may hold anything, a pasted secret included.
/// </summary>
    public static bool TryParse(string? text, out IPNetwork network, out string problem)
    {
        network = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            problem = "is empty";
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? value : value[..slash];
        var isV6 = addressText.Contains(':', StringComparison.Ordinal);

        // IPAddress.TryParse also takes legacy forms ("10.1", "167772161", octal "010.0.0.1"); allow-lists want
        // plain dotted quads, and scoped IPv6 addresses (fe80::1%eth0) mean nothing to a remote platform.
        if (addressText.Contains('%', StringComparison.Ordinal)
            || (!isV6 && !IsDottedQuad(addressText))
            || !IPAddress.TryParse(addressText, out var address))
        {
            problem = "is not an IPv4 or IPv6 address";
            return false;
        }

        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0 && (!int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > maxPrefix))
        {
            problem = $"has a prefix length that is not a whole number from 0 to {maxPrefix}";
            return false;
        }

        if (!HostBitsClear(address, prefix))
        {
            problem = $"has bits set after the /{prefix} prefix; write the network address of the range";
            return false;
        }

        network = new IPNetwork(address, prefix);
        problem = "";
        return true;
    }

    private static bool IsDottedQuad(string text)
    {
        var parts = text.Split('.');
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return parts.Length == 4;
    }

    private static bool HostBitsClear(IPAddress address, int prefix)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        for (var bit = prefix; bit < length * 8; bit++)
        {
            if ((bytes[bit >> 3] & (0x80 >> (bit & 7))) != 0)
            {
                return false;
            }
        }

        return true;
    }
}
