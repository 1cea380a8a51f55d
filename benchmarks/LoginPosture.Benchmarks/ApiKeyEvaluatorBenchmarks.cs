using System.Net;
using BenchmarkDotNet.Attributes;
using LoginPosture.ApiKeys;

namespace LoginPosture.Benchmarks;

/// <summary>
/// One key with 10 grants, a two-entry allow-list and a usage record (10 grant uses, 3 source addresses), as the
/// issue's target states: evaluation should take at most 500 ns. Rendering findings and parsing JSON are measured
/// beside it for scale.
/// </summary>
[MemoryDiagnoser]
public class ApiKeyEvaluatorBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ApiKeyEvaluator _evaluator = new(new ApiKeyEvaluatorOptions());
    private ApiKeyDescriptor _key = null!;
    private byte[] _binanceJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        const ApiKeyGrants tenGrants = ApiKeyGrants.Read | ApiKeyGrants.TradeSpot | ApiKeyGrants.TradeMargin
            | ApiKeyGrants.TradeFutures | ApiKeyGrants.TradeOptions | ApiKeyGrants.Margin | ApiKeyGrants.Earn
            | ApiKeyGrants.Deposit | ApiKeyGrants.InternalTransfer | ApiKeyGrants.Withdraw;

        var uses = new[]
        {
            KeyValuePair.Create(ApiKeyGrants.Read, Now.AddHours(-1)),
            KeyValuePair.Create(ApiKeyGrants.TradeSpot, Now.AddHours(-2)),
            KeyValuePair.Create(ApiKeyGrants.TradeMargin, Now.AddDays(-3)),
            KeyValuePair.Create(ApiKeyGrants.TradeFutures, Now.AddDays(-100)),
            KeyValuePair.Create(ApiKeyGrants.TradeOptions, Now.AddDays(-5)),
            KeyValuePair.Create(ApiKeyGrants.Margin, Now.AddDays(-6)),
            KeyValuePair.Create(ApiKeyGrants.Earn, Now.AddDays(-120)),
            KeyValuePair.Create(ApiKeyGrants.Deposit, Now.AddDays(-8)),
            KeyValuePair.Create(ApiKeyGrants.InternalTransfer, Now.AddDays(-200)),
            KeyValuePair.Create(ApiKeyGrants.Read | ApiKeyGrants.TradeSpot, Now.AddMinutes(-5)),
        };

        _key = new ApiKeyDescriptor("bench-bot", tenGrants)
        {
            IpAllowList = [IPNetwork.Parse("203.0.113.0/28"), IPNetwork.Parse("2001:db8:1:2::/64")],
            Created = Now.AddDays(-400),
            Rotated = Now.AddDays(-30),
            Expires = Now.AddDays(200),
            LiveAccessRequired = true,
            Usage = new ApiKeyUsage(
                Now.AddDays(-365),
                uses,
                [IPAddress.Parse("203.0.113.5"), IPAddress.Parse("2001:db8:1:2::10"), IPAddress.Parse("198.51.100.77")]),
        };

        _binanceJson = """
            {"ipRestrict": true, "createTime": 1623840271000, "enableReading": true, "enableWithdrawals": false,
             "enableInternalTransfer": true, "enableMargin": false, "enableFutures": false, "permitsUniversalTransfer": true,
             "enableVanillaOptions": false, "enableFixApiTrade": false, "enableFixReadOnly": true,
             "enableSpotAndMarginTrading": true, "enablePortfolioMarginTrading": false}
            """u8.ToArray();
    }

    [Benchmark(Baseline = true, Description = "Evaluate (10 grants + usage)")]
    public Severity? Evaluate() => _evaluator.Evaluate(_key, Now).Severity;

    [Benchmark(Description = "Evaluate + render findings")]
    public int EvaluateAndRender() => _evaluator.Evaluate(_key, Now).Findings.Count;

    [Benchmark(Description = "Binance JSON -> descriptor")]
    public ApiKeyGrants ParseBinance() => ApiKeyAdapters.FromBinance(_binanceJson, "bench").Grants;
}
