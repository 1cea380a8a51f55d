using BenchmarkDotNet.Attributes;
using LoginPosture.Layers;

namespace LoginPosture.Benchmarks;

/// <summary>
/// The classifier sits on a trading bot's error callback. Targets: a coded signal in 50 ns or less, a code-less log
/// line of about 120 characters in 500 ns or less, both allocating nothing.
/// </summary>
[MemoryDiagnoser]
public class LayerClassifierBenchmarks
{
    // 120 characters, no code: an IBeam-style login failure line.
    private const string CodeLessLine = "2024-05-01 09:15:02,311|E| Login attempt rejected: Invalid username password combination. Retrying in 60 seconds (2 / 5)";

    // An IBeam lifecycle step at info level: decorations read, no rule matches, inference finds no failure words.
    private const string HealthyLine = "2025-01-07 01:41:49 ibeam  | 2025-01-06 17:41:49,592|I| Gateway running and authenticated, session id: eb78d06c6add8e2ec5";

    // An ibind wrapper error: the status between "::" and the body's error text decide.
    private const string WebApiLine = "IbkrClient: response error Result(data=None, request={'url': 'https://ib-gateway:5000/v1/api/iserver/accounts'}) :: 400 :: Bad Request :: {\"error\":\"Bad Request: no bridge\",\"statusCode\":400}";

    private readonly LayerClassifier _classifier = new();
    private readonly FailureSignal _coded = FailureSignal.FromTws(354, "Requested market data is not subscribed. Check API status by selecting the Account menu then under Management choose Market Data Subscription Manager and/or availability of delayed data.");
    private readonly FailureSignal _reusedCode = FailureSignal.FromTws(162, "Historical Market Data Service error message:Historical data request pacing violation");
    private readonly FailureSignal[] _batch =
    [
        FailureSignal.FromTws(2104, "Market data farm connection is OK:usfarm.nj"),
        FailureSignal.FromTws(201, "Order rejected - reason:No Trading Permission"),
        FailureSignal.FromTws(1100, "Connectivity between IB and Trader Workstation has been lost."),
        FailureSignal.FromGateway("Too many failed login attempts. Please wait 53 seconds before attempting to re-login again."),
    ];

    /// <summary>A TWS code that decides alone (354: market data not subscribed).</summary>
    [Benchmark(Baseline = true)]
    public Diagnosis CodedSignal() => _classifier.Diagnose(_coded);

    /// <summary>A code reused across layers, decided by a keyword of its message (162 pacing).</summary>
    [Benchmark]
    public Diagnosis ReusedCode() => _classifier.Diagnose(_reusedCode);

    /// <summary>A code-less log line of 120 characters, parsed for a code and matched by keyword.</summary>
    [Benchmark]
    public Diagnosis CodeLessLogLine() => _classifier.DiagnoseLogLine(CodeLessLine);

    /// <summary>An ib_insync-style coded log line: the code is recovered from the text.</summary>
    [Benchmark]
    public Diagnosis CodedLogLine() => _classifier.DiagnoseLogLine("Error 354, reqId 3: Requested market data is not subscribed. Displaying delayed market data.");

    /// <summary>
    /// The same 120 characters as a signal of another source: keyword matching only, no code search and no decoration
    /// parsing. Side by side with <see cref="CodeLessLogLine"/>, it shows what reading a log line costs on top.
    /// </summary>
    [Benchmark]
    public Diagnosis SameTextKeywordOnly() => _classifier.Diagnose(new FailureSignal(SignalSource.Other, null, CodeLessLine));

    /// <summary>A decorated healthy log line (IBeam, info level) that no rule matches: decoration, rules, inference.</summary>
    [Benchmark]
    public Diagnosis HealthyDecoratedLine() => _classifier.DiagnoseLogLine(HealthyLine);

    /// <summary>An ibind web-API error line: HTTP status and JSON body read from the line.</summary>
    [Benchmark]
    public Diagnosis WebApiErrorLine() => _classifier.DiagnoseLogLine(WebApiLine);

    /// <summary>The root of four signals, found without allocating.</summary>
    [Benchmark]
    public bool RootOfFour() => _classifier.TryFindRoot(_batch, out _);
}
