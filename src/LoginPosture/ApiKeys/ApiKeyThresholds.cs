using System.Net;
using System.Net.Sockets;

namespace LoginPosture.ApiKeys;

/// <summary>The evaluator's thresholds, compiled to ticks once at construction.</summary>
internal sealed class ApiKeyThresholds(ApiKeyEvaluatorOptions options)
{
    public readonly long UnusedGrantWindow = options.UnusedGrantWindow.Ticks;
    public readonly long UnusedKeyAge = options.UnusedKeyAge.Ticks;
    public readonly long MaxRotationAge = options.MaxRotationAge.Ticks;
    public readonly long MaxLifetime = options.MaxLifetime.Ticks;
    public readonly int MinIPv4PrefixLength = options.MinIPv4PrefixLength;
    public readonly int MinIPv6PrefixLength = options.MinIPv6PrefixLength;

    public bool IsBroad(IPNetwork network) =>
        network.PrefixLength < (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? MinIPv4PrefixLength : MinIPv6PrefixLength);

    /// <summary>
    /// Since when the key has been idle, in UTC ticks: its last use seen by anyone; without one, since it has been
    /// both watched and in existence. <see langword="null"/> when nothing says.
    /// </summary>
    public static long? QuietSince(ApiKeyDescriptor descriptor)
    {
        var usage = descriptor.Usage;
        var lastUse = Math.Max(descriptor.LastUsed?.UtcTicks ?? long.MinValue, usage?.LastUsed?.UtcTicks ?? long.MinValue);
        if (lastUse != long.MinValue)
        {
            return lastUse;
        }

        return usage is null ? null : Math.Max(usage.ObservedSince.UtcTicks, descriptor.Created?.UtcTicks ?? long.MinValue);
    }
}
