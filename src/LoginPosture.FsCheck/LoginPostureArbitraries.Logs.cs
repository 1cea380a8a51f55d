using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using LoginPosture.Layers;

namespace LoginPosture.FsCheck;

public static partial class LoginPostureArbitraries
{
    /// <summary>
    /// Raw log lines in the shapes IBKR tooling writes: IBeam (<c>2023-02-04 14:01:53,976|E| ...</c>, behind a
    /// docker-compose prefix or not), IBC (<c>... 02:21:05:395 IBC: ...</c>), ib_insync and ib_async
    /// (<c>... ib_insync.wrapper ERROR Error 354, reqId 3: ...</c>), ibapi (<c>ERROR:ibapi.wrapper:ERROR 11 10168 ...</c>),
    /// Python's default logging format, Lean (<c>...Z TRACE:: ... ErrorCode: 200 - ...</c>), the official samples'
    /// <c>Error. Id: ..., Code: ..., Msg: ...</c>, ibind and requests HTTP errors, and structured JSON lines; with
    /// timestamps in each tool's format, every level the tool writes, and TWS messages from <see cref="Signals"/>.
    /// </summary>
    public static readonly Gen<RawLogLine> RawLogLineGen = Gen.Choose(0, int.MaxValue).Select(seed => DrawLogLine(new Random(seed)));

    /// <summary>Raw log lines (see <see cref="RawLogLineGen"/>), shrinking prefix, level, message, time and request id, keeping the tool's shape.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RawLogLine> RawLogLines() => Arb.From(RawLogLineGen, l => l.Model is LogModel m
        ? Distinct(m, [m with { Prefix = false }, m with { Level = 0 }, m with { Text = 0 }, m with { Seconds = 0 }, m with { ReqId = 1 }]).Select(LogLine)
        : []);

    internal sealed record LogModel(int Shape, bool Prefix, int Level, int Text, int Seconds, int ReqId);

    // Read on first use: static fields of a partial class initialise file by file, and Signals lives in another file.
    private static FailureSignal[] TwsSignals => CodedSignals.All;
    private static readonly string[] IbeamTexts = ["Gateway session not authenticated yet", "Authentication attempt failed", "Maintenance check started", "Restart of the Gateway requested"];
    private static readonly string[] IbcTexts = ["Detected dialog entitled: Existing session detected; event=Opened", "Detected frame entitled: IBKR Gateway; event=Closed", "Login attempt: 3", "Click button: OK"];
    private static readonly string[] ClientTexts = ["API connection failed: ConnectionRefusedError()", "Disconnecting from 127.0.0.1:7497", "Connecting to 127.0.0.1:7497 with clientId 12..."];
    private static readonly (int Status, string Reason)[] HttpErrors = [(401, "Unauthorized"), (400, "Bad Request"), (500, "Internal Server Error"), (503, "Service Unavailable")];
    private static readonly LogLineLevel[] PythonLevels = [LogLineLevel.Error, LogLineLevel.Warning, LogLineLevel.Info, LogLineLevel.Debug];
    private static readonly string[] IbeamLetters = ["E", "W", "I", "D"];

    private static RawLogLine DrawLogLine(Random r) =>
        LogLine(new LogModel(r.Next(11), r.Next(3) == 0, r.Next(4), r.Next(12), r.Next(86_400 * 30), r.Weighted(1, 3) == 0 ? -1 : r.Choose(1, 70_000)));

    private static string Word(LogLineLevel level) => level switch
    {
        LogLineLevel.Error => "ERROR",
        LogLineLevel.Warning => "WARNING",
        LogLineLevel.Info => "INFO",
        _ => "DEBUG",
    };

    private static RawLogLine LogLine(LogModel m)
    {
        var at = AsOf.AddSeconds(-m.Seconds).AddMilliseconds(m.Seconds % 1000);
        string Stamp(string format) => at.ToString(format, CultureInfo.InvariantCulture);
        var tws = TwsSignals[m.Text % TwsSignals.Length];
        var (code, message) = (tws.Code!.Value, tws.Message!);
        var level = PythonLevels[m.Level];
        var id = m.ReqId.ToString(CultureInfo.InvariantCulture);
        RawLogLine Line(string tool, string line, int? withCode, int? status, LogLineLevel stated, string text) =>
            new(line, tool, withCode, status, stated, text) { Model = m };

        switch (m.Shape)
        {
            case 0:
                var ibeam = IbeamTexts[m.Text % IbeamTexts.Length];
                var prefix = m.Prefix ? (m.Seconds % 2 == 0 ? "ibeam  | " : Stamp("yyyy-MM-dd HH:mm:ss") + " ibeam  | ") : "";
                return Line("IBeam", $"{prefix}{Stamp("yyyy-MM-dd HH:mm:ss,fff")}|{IbeamLetters[m.Level]}| {ibeam}", null, null, level, ibeam);
            case 1:
                var ibc = IbcTexts[m.Text % IbcTexts.Length];
                return Line("IBC", $"{(m.Prefix ? "ib-gateway-1  | " : "")}{Stamp("yyyy-MM-dd HH:mm:ss:fff")} IBC: {ibc}", null, null, LogLineLevel.Info, ibc);
            case 2 or 3:
                var library = m.Shape == 2 ? "ib_insync" : "ib_async";
                var callback = code >= 2100 ? "Warning" : "Error";
                return Line(library, $"{Stamp("yyyy-MM-dd HH:mm:ss,fff")} {library}.wrapper {Word(level)} {callback} {code}, reqId {id}: {message}", code, null, level, message);
            case 4:
                var ibapi = $"ERROR:ibapi.wrapper:ERROR {id} {code} {message}";
                return Line("ibapi", m.Prefix ? $"{Stamp("HH:mm:ss.fff")} STDERR {ibapi}" : ibapi, code, null, LogLineLevel.Error, message);
            case 5:
                var client = ClientTexts[m.Text % ClientTexts.Length];
                return Line("python-logging", $"{Word(level)}:ib_insync.client:{client}", null, null, level, client);
            case 6:
                return Line("Lean", $"{Stamp("yyyy-MM-ddTHH:mm:ss.fffffff")}Z TRACE:: InteractiveBrokersBrokerage.HandleError(): RequestId: {id} ErrorCode: {code} - {message}", code, null, LogLineLevel.Debug, message);
            case 7:
                return Line("samples", $"{Stamp("yyyy-MM-dd HH:mm:ss,fff")} - trader.brokerage - {Word(level)} - Error. Id: {id}, Code: {code}, Msg: {message}", code, null, level, message);
            case 8:
                var (status, reason) = HttpErrors[m.Text % HttpErrors.Length];
                var tail = $":: {status} :: {reason} :: {{\"error\":\"{reason}\",\"statusCode\":{status}}}";
                return Line("ibind", $"ibind.support.errors.ExternalBrokerError: IbkrClient: response error Result(data=None, request={{'url': 'https://api.ibkr.com/v1/api/iserver/accounts'}}) {tail}", null, status, LogLineLevel.None, tail);
            case 9:
                var (httpStatus, httpReason) = HttpErrors[m.Text % HttpErrors.Length];
                var kind = httpStatus >= 500 ? "Server" : "Client";
                var error = $"{kind} Error: {httpReason} for url: https://api.ibkr.com/v1/api/iserver/auth/status";
                return Line("requests", $"requests.exceptions.HTTPError: {httpStatus} {error}", null, httpStatus, LogLineLevel.None, error);
            default:
                var json = $"{{\"level\":\"{Word(level).ToLowerInvariant()}\",\"time\":\"{Stamp("yyyy-MM-ddTHH:mm:sszzz")}\",\"message\":\"{ClientTexts[m.Text % ClientTexts.Length]}\"}}";
                return Line("json", json, null, null, level, json);
        }
    }

    private static class CodedSignals
    {
        public static readonly FailureSignal[] All = [.. Signals.Where(s => s.Source == SignalSource.Tws && s.Code is not null && s.Message is not null)];
    }
}
