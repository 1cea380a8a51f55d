using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace LoginPosture.Tests.Fuzz;

/// <summary>
/// Mutation fuzz of every entry point that reads outside input, as a standing test: 10,000 mutated inputs per
/// entry point from a fixed seed, so a failure replays exactly. Each input must give a result or a documented
/// exception, and neither may carry the secret planted in it. A longer run lives under benchmarks/ (--fuzz).
/// </summary>
public sealed class MutationFuzzTests
{
    private const int Inputs = 10_000;
    private const string Seed = "8161651093450207473,2416712934106213687";

    private static Property Fuzz(string name)
    {
        var target = Fuzzing.Targets.Single(t => t.Name == name);
        var cases =
            from seed in Gen.Choose(0, target.Seeds.Length - 1)
            from count in Gen.Frequency((6, Gen.Choose(1, 2)), (3, Gen.Choose(3, 5)), (1, Gen.Choose(6, 12)))
            from choices in Gen.ArrayOf(Gen.Choose(0, 1 << 24), count * 3)
            select (seed, choices);
        return Prop.ForAll(Arb.From(cases), c =>
        {
            var input = Fuzzing.Mutate(target, c.seed, c.choices);
            var violation = target.Run(input);
            Assert.True(violation is null, $"{name} on mutation [{string.Join(",", c.choices)}] of seed {c.seed}: {violation}");
        });
    }

    [Property(MaxTest = Inputs, Replay = Seed)]
    public Property Posture_documents() => Fuzz("PostureSnapshot.Parse");

    [Property(MaxTest = Inputs, Replay = Seed)]
    public Property Binance_responses() => Fuzz("ApiKeyAdapters.FromBinance");

    [Property(MaxTest = Inputs, Replay = Seed)]
    public Property Kraken_responses() => Fuzz("ApiKeyAdapters.FromKraken");

    [Property(MaxTest = Inputs, Replay = Seed)]
    public Property Coinbase_responses() => Fuzz("ApiKeyAdapters.FromCoinbase");

    [Property(MaxTest = Inputs, Replay = Seed)]
    public Property Ibkr_settings() => Fuzz("ApiKeyAdapters.FromIbkr");

    [Property(MaxTest = Inputs, Replay = Seed)]
    public Property Otp_key_uris() => Fuzz("OtpKeyUri.Parse");

    [Property(MaxTest = Inputs, Replay = Seed)]
    public Property Log_lines() => Fuzz("FailureSignal.FromLogLine");

    [Property(MaxTest = Inputs, Replay = Seed)]
    public Property Client_portal_bodies() => Fuzz("FailureSignal.FromClientPortalStatus");

    [Fact]
    public void Every_target_runs_clean_on_its_seeds_so_mutations_start_from_valid_input()
    {
        foreach (var target in Fuzzing.Targets)
        {
            for (var i = 0; i < target.Seeds.Length; i++)
            {
                Assert.True(target.Run(target.Seeds[i]) is null, $"{target.Name} seed {i}: {target.Run(target.Seeds[i])}");
            }
        }
    }

    [Fact]
    public void The_oracle_catches_an_undocumented_exception_and_a_leaked_secret()
    {
        var planted = System.Text.Encoding.UTF8.GetBytes($"x apiKey={Fuzzing.ShortSecret} y");

        Assert.Contains("undocumented InvalidOperationException", Fuzzing.Check([], () => throw new InvalidOperationException("x"), typeof(FormatException)), StringComparison.Ordinal);
        Assert.Contains("planted secret", Fuzzing.Check([], () => throw new FormatException($"bad '{Fuzzing.Secret}'"), typeof(FormatException)), StringComparison.Ordinal);
        Assert.Contains("planted secret", Fuzzing.Check(planted, () => [$"value {Fuzzing.ShortSecret}"]), StringComparison.Ordinal);
        Assert.Null(Fuzzing.Check(planted, () => throw new FormatException("field 'x' is missing"), typeof(FormatException)));
    }
}
