using System.Collections.Immutable;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.ApiKeys;

namespace LoginPosture.FsCheck;

public static partial class LoginPostureArbitraries
{
    private const int AllGrants = (1 << 12) - 1;

    /// <summary>
    /// API keys: no grant, every grant or any combination; allow-lists of zero to four networks with /0, host-length
    /// and off-by-one prefixes, or an unlisted restriction; creation, rotation, expiry (366 and 367 days on purpose)
    /// and last use each present or absent; live or paper; usage records (two times in three) whose uses fall either
    /// side of the 90-day window and whose source addresses lie inside or outside the allow-list.
    /// </summary>
    public static readonly Gen<ApiKeyDescriptor> ApiKeyGen = Gen.Choose(0, int.MaxValue).Select(seed => DrawKey(new Random(seed)));

    /// <summary>Networks of either family with /0, host-length, /24 (/64), /23 (/63) or any prefix; host bits cleared.</summary>
    public static readonly Gen<IPNetwork> NetworkGen =
        from v6 in Gen.Elements(false, true)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), v6 ? 16 : 4)
        from prefix in Gen.Frequency(
            (1, Gen.Constant(0)),
            (2, Gen.Constant(v6 ? 128 : 32)),
            (1, Gen.Constant(v6 ? 64 : 24)),
            (1, Gen.Constant(v6 ? 63 : 23)),
            (3, Gen.Choose(0, v6 ? 128 : 32)))
        select new IPNetwork(new IPAddress(Mask(bytes, prefix)), prefix);

    /// <summary>API keys (see <see cref="ApiKeyGen"/>), shrinking grants, allow-list entries, dates, usage and flags one at a time.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ApiKeyDescriptor> ApiKeys() => Arb.From(ApiKeyGen, ShrinkKey);

    /// <summary>Networks (see <see cref="NetworkGen"/>), shrinking towards a single host.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<IPNetwork> Networks() => Arb.From(NetworkGen, n => Distinct(n, [new IPNetwork(n.BaseAddress, n.BaseAddress.GetAddressBytes().Length * 8)]));

    /// <summary>The key as one line, for counterexamples (a descriptor prints only its label).</summary>
    /// <param name="d">The key.</param>
    /// <returns>Grants, allow-list, dates, environment and usage.</returns>
    public static string Describe(ApiKeyDescriptor d) =>
        $"'{d.Label}' grants={d.Grants} ips=[{string.Join(",", d.IpAllowList)}] unlisted={d.IpRestrictionUnlisted} created={d.Created:O} rotated={d.Rotated:O} "
        + $"expires={d.Expires:O} lastUsed={d.LastUsed:O} env={d.Environment} live={d.LiveAccessRequired} usage={d.Usage}";

    /// <summary>The grant flags set in <paramref name="grants"/>, one at a time.</summary>
    /// <param name="grants">The grants.</param>
    /// <returns>Each single flag.</returns>
    public static IEnumerable<ApiKeyGrants> Bits(ApiKeyGrants grants)
    {
        for (var bits = (uint)grants; bits != 0; bits &= bits - 1)
        {
            yield return (ApiKeyGrants)(bits & (0u - bits));
        }
    }

    private static readonly string LongLabel = new('k', 128);

    private static ApiKeyDescriptor DrawKey(Random r)
    {
        var grants = (ApiKeyGrants)(r.Weighted(1, 1, 6) switch { 0 => 0, 1 => AllGrants, _ => r.Choose(0, AllGrants) });
        var label = r.Weighted(6, 1, 1) switch { 0 => "gen-key", 1 => "k", _ => LongLabel };
        var list = DrawAllowList(r, min: 0);
        var unlisted = r.Weighted(5, 1) == 1;
        var createdDays = r.Maybe(x => x.Weighted(1, 4) == 0 ? 0 : x.Choose(0, 1200));
        var rotatedAfter = r.Maybe(x => x.Choose(0, 1200));
        var lifetime = r.Maybe(x => x.Weighted(1, 1, 4) switch { 0 => 366, 1 => 367, _ => x.Choose(0, 1500) });
        var lastUsedDays = r.Maybe(x => x.Choose(-2, 500));
        var paper = r.Next(2) == 1;
        var liveRequired = r.Next(2) == 1;
        var usage = r.Weighted(1, 2) == 0 ? null : DrawUsage(r, list);
        return BuildKey(label, grants, list, unlisted, createdDays, rotatedAfter, lifetime, lastUsedDays, paper, liveRequired, usage);
    }

    private static ImmutableArray<IPNetwork> DrawAllowList(Random r, int min)
    {
        var count = r.Weighted(2, 3) == 0 ? min : r.Choose(min, 4);
        var networks = new IPNetwork[count];
        for (var i = 0; i < count; i++)
        {
            var v6 = r.Next(2) == 1;
            var bytes = new byte[v6 ? 16 : 4];
            r.NextBytes(bytes);
            var width = v6 ? 128 : 32;
            var prefix = r.Weighted(1, 2, 1, 1, 3) switch { 0 => 0, 1 => width, 2 => v6 ? 64 : 24, 3 => v6 ? 63 : 23, _ => r.Choose(0, width) };
            networks[i] = new IPNetwork(new IPAddress(Mask(bytes, prefix)), prefix);
        }

        return [.. networks.Distinct()];
    }

    private static IPAddress DrawAddress(Random r)
    {
        var family = r.Weighted(3, 2, 1);
        var bytes = new byte[family == 1 ? 16 : 4];
        r.NextBytes(bytes);
        return family == 2 ? new IPAddress(bytes).MapToIPv6() : new IPAddress(bytes);
    }

    private static ApiKeyUsage DrawUsage(Random r, ImmutableArray<IPNetwork> list)
    {
        var since = r.Weighted(1, 1, 4) switch { 0 => 90, 1 => 45, _ => r.Choose(0, 500) };
        var uses = new KeyValuePair<ApiKeyGrants, DateTimeOffset>[r.Choose(0, 5)];
        for (var i = 0; i < uses.Length; i++)
        {
            var grant = (ApiKeyGrants)r.Choose(1, AllGrants);
            var daysAgo = r.Weighted(1, 1, 4) switch { 0 => 90, 1 => 91, _ => r.Choose(-1, 400) };
            uses[i] = KeyValuePair.Create(grant, AsOf.AddDays(-daysAgo));
        }

        var addresses = new IPAddress[r.Choose(0, 3)];
        for (var i = 0; i < addresses.Length; i++)
        {
            addresses[i] = list.IsEmpty || r.Next(2) == 0 ? DrawAddress(r) : list[r.Next(list.Length)].BaseAddress;
        }

        return new ApiKeyUsage(AsOf.AddDays(-since), uses, addresses);
    }

    private static ApiKeyDescriptor BuildKey(
        string label, ApiKeyGrants grants, ImmutableArray<IPNetwork> list, bool unlisted, int? createdDays, int? rotatedAfter,
        int? lifetime, int? lastUsedDays, bool paper, bool liveRequired, ApiKeyUsage? usage)
    {
        DateTimeOffset? created = createdDays is { } c ? AsOf.AddDays(-c) : null;
        DateTimeOffset? rotated = created is { } cr && rotatedAfter is { } ra ? (cr.AddDays(ra) < AsOf ? cr.AddDays(ra) : AsOf) : null;
        var issued = rotated ?? created ?? AsOf;
        return new ApiKeyDescriptor(label, grants)
        {
            IpAllowList = list,
            IpRestrictionUnlisted = unlisted,
            Created = created,
            Rotated = rotated,
            Expires = lifetime is { } l ? issued.AddDays(l) : null,
            LastUsed = lastUsedDays is { } u ? AsOf.AddDays(-u) : null,
            Environment = paper ? ApiKeyEnvironment.Paper : ApiKeyEnvironment.Live,
            LiveAccessRequired = liveRequired,
            Usage = usage,
        };
    }

    /// <summary>Allow-lists of <paramref name="min"/> to four distinct networks, the shortest list two times in five.</summary>
    /// <param name="min">The fewest entries.</param>
    /// <returns>The generator.</returns>
    public static Gen<ImmutableArray<IPNetwork>> AllowListGen(int min) =>
        from count in Gen.Frequency((2, Gen.Constant(min)), (3, Gen.Choose(min, 4)))
        from networks in Gen.ArrayOf(NetworkGen, count)
        select networks.Distinct().ToImmutableArray();

    /// <summary>IPv4, IPv6 and IPv4-mapped IPv6 addresses.</summary>
    public static readonly Gen<IPAddress> AddressGen =
        from family in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), family == 1 ? 16 : 4)
        select family == 2 ? new IPAddress(bytes).MapToIPv6() : new IPAddress(bytes);

    private static byte[] Mask(byte[] bytes, int prefix)
    {
        var masked = (byte[])bytes.Clone();
        for (var bit = prefix; bit < masked.Length * 8; bit++)
        {
            masked[bit >> 3] &= (byte)~(0x80 >> (bit & 7));
        }

        return masked;
    }

    private static IEnumerable<ApiKeyDescriptor> ShrinkKey(ApiKeyDescriptor d)
    {
        if (d.Usage is { } usage)
        {
            yield return d with { Usage = null };
            foreach (var smaller in ShrinkUsage(usage))
            {
                yield return d with { Usage = smaller };
            }
        }

        foreach (var grant in Bits(d.Grants))
        {
            yield return d with { Grants = d.Grants & ~grant };
        }

        for (var i = 0; i < d.IpAllowList.Length; i++)
        {
            yield return d with { IpAllowList = d.IpAllowList.RemoveAt(i) };
        }

        if (d.IpRestrictionUnlisted)
        {
            yield return d with { IpRestrictionUnlisted = false };
        }

        if (d.Rotated is not null)
        {
            yield return d with { Rotated = null };
        }
        else if (d.Created is not null)
        {
            yield return d with { Created = null };
        }

        if (d.Expires is not null)
        {
            yield return d with { Expires = null };
        }

        if (d.LastUsed is not null)
        {
            yield return d with { LastUsed = null };
        }

        if (d.Environment != ApiKeyEnvironment.Live)
        {
            yield return d with { Environment = ApiKeyEnvironment.Live };
        }

        if (d.LiveAccessRequired)
        {
            yield return d with { LiveAccessRequired = false };
        }

        if (d.Label != "gen-key")
        {
            yield return d with { Label = "gen-key" };
        }
    }

    // The usage rebuilt without one grant's uses, or without one source address.
    private static IEnumerable<ApiKeyUsage> ShrinkUsage(ApiKeyUsage usage)
    {
        var uses = Bits((ApiKeyGrants)AllGrants)
            .Select(g => (Grant: g, Last: usage.LastUseOf(g)))
            .Where(u => u.Last is not null)
            .Select(u => KeyValuePair.Create(u.Grant, u.Last!.Value))
            .ToList();
        for (var i = 0; i < uses.Count; i++)
        {
            yield return new ApiKeyUsage(usage.ObservedSince, uses.Where((_, j) => j != i), usage.SourceAddresses);
        }

        for (var i = 0; i < usage.SourceAddresses.Length; i++)
        {
            yield return new ApiKeyUsage(usage.ObservedSince, uses, usage.SourceAddresses.RemoveAt(i));
        }
    }
}
