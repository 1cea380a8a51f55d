using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Numerics;

namespace LoginPosture.ApiKeys;

/// <summary>
/// What a key was seen doing from <see cref="ObservedSince"/> until the evaluation: when each grant was last
/// exercised and which addresses called with it. Built from the platform's own logs or from the caller's request
/// log. Immutable.
/// </summary>
public sealed class ApiKeyUsage
{
    // UTC ticks of the last use per grant bit; 0 means never seen.
    private readonly long[] _lastUseTicks = new long[GrantSets.Count];

    /// <summary>Records the observed usage of a key.</summary>
    /// <param name="observedSince">When observation began; a grant not seen since then counts as unused.</param>
    /// <param name="lastUseByGrant">
    /// The last use of each grant. A key may combine flags (a call that needed <c>Read | TradeSpot</c>) and may repeat;
    /// the latest time per grant wins.
    /// </param>
    /// <param name="sourceAddresses">The client addresses seen calling with the key; IPv4-mapped IPv6 addresses count as IPv4.</param>
    /// <exception cref="ArgumentNullException"><paramref name="lastUseByGrant"/> or an address is null.</exception>
    /// <exception cref="ArgumentException">A grant is <see cref="ApiKeyGrants.None"/> or holds undefined bits.</exception>
    public ApiKeyUsage(
        DateTimeOffset observedSince,
        IEnumerable<KeyValuePair<ApiKeyGrants, DateTimeOffset>> lastUseByGrant,
        IEnumerable<IPAddress>? sourceAddresses = null)
    {
        Guard.NotNull(lastUseByGrant);
        ObservedSince = observedSince;

        foreach (var (grant, when) in lastUseByGrant)
        {
            if (grant == ApiKeyGrants.None || (grant & ~GrantSets.All) != 0)
            {
                Guard.Throw(nameof(lastUseByGrant), $"lastUseByGrant holds the grant {grant}, which is none or not a defined ApiKeyGrants combination; record each use under the grants it exercised, such as ApiKeyGrants.TradeSpot.");
            }

            var ticks = when.UtcTicks;
            for (var bits = (uint)grant; bits != 0; bits &= bits - 1)
            {
                ref var slot = ref _lastUseTicks[BitOperations.TrailingZeroCount(bits)];
                slot = Math.Max(slot, ticks);
            }

            LastUsed = LastUsed is { } seen && seen.UtcTicks >= ticks ? seen : when.ToUniversalTime();
        }

        SourceAddresses = NormalizeAddresses(sourceAddresses);
    }

    /// <summary>When observation began.</summary>
    public DateTimeOffset ObservedSince { get; }

    /// <summary>The latest use of any grant, or <see langword="null"/> when nothing was seen.</summary>
    public DateTimeOffset? LastUsed { get; }

    /// <summary>The distinct client addresses seen, in the order first seen.</summary>
    public ImmutableArray<IPAddress> SourceAddresses { get; }

    /// <summary>When a grant was last exercised.</summary>
    /// <param name="grant">A single grant.</param>
    /// <returns>The latest use in UTC, or <see langword="null"/> when the grant was never seen.</returns>
    /// <exception cref="ArgumentException"><paramref name="grant"/> is not exactly one defined grant.</exception>
    public DateTimeOffset? LastUseOf(ApiKeyGrants grant)
    {
        if (!BitOperations.IsPow2((uint)grant) || (grant & ~GrantSets.All) != 0)
        {
            Guard.Throw(nameof(grant), $"grant is {grant}; ask for exactly one defined ApiKeyGrants flag.");
        }

        var ticks = _lastUseTicks[BitOperations.TrailingZeroCount((uint)grant)];
        return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>The grants exercised at or after an instant.</summary>
    /// <param name="since">The start of the window.</param>
    /// <returns>Every grant whose last use is at or after <paramref name="since"/>.</returns>
    public ApiKeyGrants UsedSince(DateTimeOffset since) => UsedSince(since.UtcTicks);

    internal ApiKeyGrants UsedSince(long sinceUtcTicks)
    {
        var used = 0;
        var ticks = _lastUseTicks;
        for (var i = 0; i < ticks.Length; i++)
        {
            if (ticks[i] != 0 && ticks[i] >= sinceUtcTicks)
            {
                used |= 1 << i;
            }
        }

        return (ApiKeyGrants)used;
    }

    /// <summary>Summarises the record without naming addresses.</summary>
    /// <returns>For example <c>usage since 2026-08-01T00:00:00.0000000+00:00: Read, TradeSpot; 2 addresses</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"usage since {ObservedSince:O}: {UsedSince(0L)}; {SourceAddresses.Length} addresses");

    private static ImmutableArray<IPAddress> NormalizeAddresses(IEnumerable<IPAddress>? addresses)
    {
        if (addresses is null)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<IPAddress>();
        var index = 0;
        foreach (var address in addresses)
        {
            if (address is null)
            {
                Guard.ThrowNull($"sourceAddresses[{index}]");
            }

            var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            if (!builder.Contains(normalized))
            {
                builder.Add(normalized);
            }

            index++;
        }

        return builder.ToImmutable();
    }
}
