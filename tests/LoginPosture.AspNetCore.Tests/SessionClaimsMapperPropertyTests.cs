using System.Net;
using System.Security.Claims;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.Tiers;

namespace LoginPosture.AspNetCore.Tests;

/// <summary>The mapper over generated amr sets: the factor is the strongest one proven, whatever the order.</summary>
public sealed class SessionClaimsMapperPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Pool =
        ["pwd", "pin", "face", "fpt", "hwk", "swk", "sc", "pop", "otp", "sms", "tel", "mfa", "mca", "kba", "dsc", "HWK", "x-unknown", ""];

    // What each value proves, written out independently of the mapper's table.
    private static readonly Dictionary<string, FactorStrength> Expected = new(StringComparer.Ordinal)
    {
        ["hwk"] = FactorStrength.HardwareCryptographic,
        ["sc"] = FactorStrength.HardwareCryptographic,
        ["dsc"] = FactorStrength.HardwareOtp,
        ["swk"] = FactorStrength.AuthenticatorApp,
        ["pop"] = FactorStrength.AuthenticatorApp,
        ["otp"] = FactorStrength.AuthenticatorApp,
        ["sms"] = FactorStrength.Weak,
        ["tel"] = FactorStrength.Weak,
        ["mfa"] = FactorStrength.Weak,
        ["mca"] = FactorStrength.Weak,
    };

    private static readonly SessionClaimsMapper Mapper = new(
        new SessionClaimsOptions { AmrValues = { ["dsc"] = AuthenticatorKind.HardwareOtp } }, TimeSpan.FromMinutes(1));

    private static readonly Gen<string[]> AmrSets = Gen.Elements(Pool).ArrayOf();

    [Fact]
    public void The_factor_is_the_strongest_proven_and_ignores_order_and_unknown_values() =>
        Prop.ForAll(Arb.From(AmrSets), Arb.From(Gen.Elements(Pool)), (amr, extra) =>
        {
            var strength = Strength(amr);
            var expected = amr.Select(v => Expected.GetValueOrDefault(v)).DefaultIfEmpty(FactorStrength.None).Max();
            Assert.Equal(expected, strength);
            Assert.Equal(strength, Strength([.. amr.Reverse()]));
            // Adding any value never lowers the strength.
            Assert.True(Strength([.. amr, extra]) >= strength);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Claims_of_an_unauthenticated_identity_are_ignored()
    {
        var anonymous = new ClaimsIdentity([new Claim("amr", "hwk"), new Claim("platform", "desktop")]);
        var session = Mapper.Map(new ClaimsPrincipal(anonymous), IPAddress.Loopback, Now);

        Assert.Null(session.Factor);
        Assert.Equal(ClientPlatform.Web, session.Platform);
        Assert.True(session.SavedCredentials);
        Assert.Equal(DateTimeOffset.MinValue, session.AuthenticatedAt);
    }

    private static FactorStrength Strength(string[] amr)
    {
        var identity = new ClaimsIdentity(amr.Select(v => new Claim("amr", v)), "test");
        return FactorStrengths.Of(Mapper.Map(new ClaimsPrincipal(identity), null, Now).Factor);
    }
}
