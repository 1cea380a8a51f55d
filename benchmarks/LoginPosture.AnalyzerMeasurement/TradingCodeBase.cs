using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using LoginPosture.AnalyzerMeasurement.Corpus;

namespace LoginPosture.AnalyzerMeasurement;

/// <summary>
/// Writes a large, ordinary trading-client code base for the build-time measurement: exchange REST clients that
/// sign requests, order and market-data models, message parsers and options classes, literal-heavy the way such
/// code is (endpoints, header names, config keys, messages). Secrets come only from configuration here.
/// </summary>
internal static class TradingCodeBase
{
    private static readonly string[] Venues = ["Binance", "Kraken", "Coinbase", "Alpaca", "Ibkr", "Bybit", "Okx", "Kucoin", "Polygon", "Tradier"];
    private static readonly string[] Assets = ["BTC", "ETH", "SOL", "AAPL", "MSFT", "ES", "NQ", "EUR", "GBP", "XAU"];

    /// <summary>The usings the SDK's ImplicitUsings would add, for compiling the files outside a project.</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static void Write(string directory, int files, int seed)
    {
        foreach (var (name, source) in Generate(files, seed))
        {
            File.WriteAllText(Path.Combine(directory, name), source);
        }
    }

    /// <summary>The generated files (seed 7) and the implicit usings, parsed for an in-process compile.</summary>
    public static ImmutableArray<SyntaxTree> Parse(int files)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        return Generate(files, seed: 7)
            .Select(f => CSharpSyntaxTree.ParseText(f.Source, options, path: f.FileName))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "GlobalUsings.cs"))
            .ToImmutableArray();
    }

    public static IEnumerable<(string FileName, string Source)> Generate(int files, int seed)
    {
        var f = new Fakes(seed);
        for (var i = 0; i < files; i++)
        {
            var venue = Venues[i % Venues.Length];
            var name = venue + (i / Venues.Length).ToString("000", CultureInfo.InvariantCulture);
            var source = (i % 4) switch
            {
                0 => RestClient(name, venue, f),
                1 => Models(name, f),
                2 => Parser(name, f),
                _ => Options(name, venue),
            };
            yield return (name + (i % 4) + ".cs", source);
        }
    }

    private static string RestClient(string name, string venue, Fakes f)
    {
        var sb = new StringBuilder();
        sb.AppendLine($$"""
            using System.Net.Http.Headers;
            using System.Security.Cryptography;
            using System.Text;
            using System.Text.Json;

            namespace Trading.{{name}};

            /// <summary>REST client for {{venue}} ({{name}}).</summary>
            public sealed class {{name}}Client(HttpClient http, string apiKey, byte[] secret)
            {
                private const string BaseUrl = "https://api.{{venue.ToLowerInvariant()}}.example.com";
                private const string ApiKeyHeader = "X-{{venue.ToUpperInvariant()}}-APIKEY";
                private const string SignatureHeader = "X-{{venue.ToUpperInvariant()}}-SIGNATURE";
                private const string TimestampHeader = "X-{{venue.ToUpperInvariant()}}-TIMESTAMP";
                private const string JsonMediaType = "application/json";
            """);
        for (var m = 0; m < 8; m++)
        {
            var asset = Assets[(m + name.Length) % Assets.Length];
            sb.AppendLine($$"""

                    public async Task<decimal> Get{{asset}}Price{{m}}Async(CancellationToken cancellationToken)
                    {
                        var path = "/api/v3/ticker/price?symbol={{asset}}USDT";
                        using var request = Sign(HttpMethod.Get, path, "");
                        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            throw new HttpRequestException($"{{name}}: price request for {{asset}} failed with {(int)response.StatusCode} ({response.ReasonPhrase}).");
                        }

                        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                        var price = document.RootElement.GetProperty("price").GetString() ?? "0";
                        return decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
                    }

                    public async Task<string> Place{{asset}}Order{{m}}Async(decimal quantity, decimal limit, CancellationToken cancellationToken)
                    {
                        var body = $"symbol={{asset}}USDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity={quantity}&price={limit}&newClientOrderId=x-{{f.UpperAlnum(8)}}";
                        using var request = Sign(HttpMethod.Post, "/api/v3/order", body);
                        request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
                        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException("Order rejected: " + text);
                    }
            """);
        }

        sb.AppendLine("""

                private HttpRequestMessage Sign(HttpMethod method, string path, string body)
                {
                    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var payload = timestamp + method.Method + path + body;
                    var signature = Convert.ToHexString(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(payload))).ToLowerInvariant();
                    var request = new HttpRequestMessage(method, BaseUrl + path);
                    request.Headers.Add(ApiKeyHeader, apiKey);
                    request.Headers.Add(SignatureHeader, signature);
                    request.Headers.Add(TimestampHeader, timestamp);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
                    return request;
                }
            }
            """);
        return sb.ToString();
    }

    private static string Models(string name, Fakes f)
    {
        var sb = new StringBuilder();
        sb.AppendLine($$"""
            namespace Trading.{{name}};

            public enum {{name}}Side { Buy, Sell }

            public enum {{name}}Status { New, PartiallyFilled, Filled, Canceled, Rejected, Expired }
            """);
        for (var m = 0; m < 10; m++)
        {
            sb.AppendLine($$"""

                /// <summary>An order as {{name}} reports it (variant {{m}}).</summary>
                public sealed record {{name}}Order{{m}}(string Symbol, {{name}}Side Side, decimal Quantity, decimal? LimitPrice, {{name}}Status Status, string ClientOrderId)
                {
                    public const string Kind = "order-{{m}}";
                    public const string TraceTag = "{{f.Hex(8)}}";

                    public string Describe() => $"{Side} {Quantity} {Symbol} @ {(LimitPrice is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "MKT")} ({Status}, {ClientOrderId})";

                    public IEnumerable<string> Validate()
                    {
                        if (string.IsNullOrWhiteSpace(Symbol)) yield return "Symbol is required, e.g. BTCUSDT or AAPL.";
                        if (Quantity <= 0) yield return "Quantity must be positive.";
                        if (LimitPrice is <= 0) yield return "A limit price must be positive; omit it for a market order.";
                        if (ClientOrderId.Length > 36) yield return "Client order ids are at most 36 characters.";
                    }
                }
                """);
        }

        return sb.ToString();
    }

    private static string Parser(string name, Fakes f)
    {
        var sb = new StringBuilder();
        sb.AppendLine($$"""
            using System.Text.Json;

            namespace Trading.{{name}};

            /// <summary>Turns {{name}} stream messages into events.</summary>
            public static class {{name}}StreamParser
            {
                private const string Channel = "{{name.ToLowerInvariant()}}-stream";
                private const string Version = "{{f.Number(1, 9)}}.{{f.Number(0, 20)}}.{{f.Number(0, 99)}}";

                public static string Classify(string json)
                {
                    using var document = JsonDocument.Parse(json);
                    var root = document.RootElement;
                    var type = root.TryGetProperty("e", out var e) ? e.GetString() : root.GetProperty("type").GetString();
                    return type switch
                    {
            """);
        foreach (var (type, meaning) in new[] { ("trade", "Trade"), ("aggTrade", "AggregateTrade"), ("kline", "Candle"), ("depthUpdate", "BookDelta"), ("executionReport", "Execution"), ("outboundAccountPosition", "Balances"), ("listStatus", "OcoStatus"), ("heartbeat", "Heartbeat"), ("subscriptionStatus", "Subscription"), ("systemStatus", "System"), ("error", "Error"), ("ticker", "Ticker") })
        {
            sb.AppendLine($"                \"{type}\" => \"{meaning}\",");
        }

        sb.AppendLine("""
                        null => throw new FormatException($"{Channel} {Version}: message without a type: {json}"),
                        _ => "Unknown",
                    };
                }
            """);
        for (var m = 0; m < 6; m++)
        {
            sb.AppendLine($$"""

                    public static (string Symbol, decimal Price, decimal Quantity, long Time) ParseTrade{{m}}(string json)
                    {
                        using var document = JsonDocument.Parse(json);
                        var root = document.RootElement;
                        var symbol = root.GetProperty("s").GetString() ?? throw new FormatException("Trade without symbol ('s').");
                        var price = decimal.Parse(root.GetProperty("p").GetString() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                        var quantity = decimal.Parse(root.GetProperty("q").GetString() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                        var time = root.GetProperty("T").GetInt64();
                        return (symbol, price, quantity, time);
                    }
                """);
        }

        sb.AppendLine("}");
        return sb.ToString();
    }

    private static string Options(string name, string venue) => $$"""
        namespace Trading.{{name}};

        /// <summary>Settings for the {{venue}} connection; secrets come from configuration or the environment.</summary>
        public sealed class {{name}}Options
        {
            public const string SectionName = "Exchanges:{{venue}}";
            public const string ApiKeyVariable = "{{venue.ToUpperInvariant()}}_API_KEY";
            public const string ApiSecretVariable = "{{venue.ToUpperInvariant()}}_API_SECRET";
            public const string ApiKeyHeaderName = "X-{{venue.ToUpperInvariant()}}-APIKEY";
            public const string MissingSecretMessage = "The {{venue}} API secret is missing: set {{venue.ToUpperInvariant()}}_API_SECRET or Exchanges:{{venue}}:ApiSecret.";

            public string BaseUrl { get; set; } = "https://api.{{venue.ToLowerInvariant()}}.example.com";
            public string StreamUrl { get; set; } = "wss://stream.{{venue.ToLowerInvariant()}}.example.com/ws";
            public string ApiKey { get; set; } = Environment.GetEnvironmentVariable(ApiKeyVariable) ?? "";
            public string ApiSecret { get; set; } = Environment.GetEnvironmentVariable(ApiSecretVariable) ?? "";
            public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
            public int RecvWindowMilliseconds { get; set; } = 5000;
            public string[] Symbols { get; set; } = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];

            public IEnumerable<string> Validate()
            {
                if (string.IsNullOrEmpty(ApiKey)) yield return "ApiKey is empty; set " + ApiKeyVariable + ".";
                if (string.IsNullOrEmpty(ApiSecret)) yield return MissingSecretMessage;
                if (!BaseUrl.StartsWith("https://", StringComparison.Ordinal)) yield return "BaseUrl must use https.";
                if (RecvWindowMilliseconds is < 1 or > 60000) yield return "RecvWindowMilliseconds must be between 1 and 60000.";
            }
        }
        """;
}
