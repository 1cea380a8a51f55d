using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Layers;

namespace LoginPosture.Tests.Layers;

public sealed class LogDecorationTests
{
    private static readonly LayerClassifier Classifier = new();

    // The decorations of the tools the classifier meets, each with the message it must leave.
    [Theory]
    [InlineData("2023-02-04 14:01:53,976|E| Gateway session active but not authenticated", "Error", "2023-02-04 14:01:53,976", "", "Gateway session active")]
    [InlineData("2025-01-07 01:41:49 ibeam  | 2025-01-06 17:41:49,592|I| Health server started at port=5001", "Info", "2025-01-07 01:41:49", "ibeam", "Health server")]
    [InlineData("ib-gateway_1  | 2024-05-18 07:29:32:532 IBC: Setting password", "Info", "2024-05-18 07:29:32:532", "IBC", "Setting password")]
    [InlineData("2021-02-11 16:56:11,061 ib_insync.client INFO API connection ready", "Info", "2021-02-11 16:56:11,061", "ib_insync.client", "API connection ready")]
    [InlineData("ERROR:ibapi.wrapper:ERROR 11 10168 Requested market data is not subscribed.", "Error", "", "ibapi.wrapper", "Requested market data")]
    [InlineData("2021-04-10 09:50:20,207 - quanttrader.brokerage.ib_brokerage - INFO - IB connected", "Info", "2021-04-10 09:50:20,207", "quanttrader.brokerage.ib_brokerage", "IB connected")]
    [InlineData("20260423 04:15:03.635 ERROR:: InteractiveBrokersBrokerage.HandleOpenOrder(): Not connected", "Error", "20260423 04:15:03.635", "", "InteractiveBrokersBrokerage")]
    [InlineData("[INFO ] 2021-10-01 00:19:29.192 [TWSEventProcessor-2] EventReport - 2104: Market data farm connection is OK", "Info", "2021-10-01 00:19:29.192", "", "EventReport")]
    [InlineData("2019-06-07 04:23:00 Brokerage Warning: Market data farm connection is broken:usopt", "Warning", "2019-06-07 04:23:00", "Brokerage", "Market data farm")]
    [InlineData("3:07PM INF | IB | client in sync with the TWS/IBG application", "Info", "3:07PM", "IB", "client in sync")]
    [InlineData("{\"level\":\"info\",\"time\":\"2026-03-01T07:35:45+01:00\",\"message\":\"client in sync\"}", "Info", "", "", "{\"level\"")]
    [InlineData("Error 354, reqId 3: Requested market data is not subscribed.", "None", "", "", "Requested market data")]
    [InlineData("Error. Id: 7, Code: 200, Msg: No security definition has been found for the request", "None", "", "", "No security definition")]
    // Lean's "<code> - <message>": the code is the callback's, the message follows it.
    [InlineData("354 - Requested market data is not subscribed.", "None", "", "", "Requested market data")]
    public void Decorations_are_read_and_the_message_is_what_follows(string line, string level, string timestamp, string source, string messageStart)
    {
        var d = LogDecorationParser.Parse(line);
        Assert.Equal(level, d.Level.ToString());
        Assert.Equal(timestamp, d.Timestamp.Of(line).ToString());
        Assert.Equal(source, d.Source.Of(line).ToString());
        Assert.StartsWith(messageStart, d.Message.Of(line).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    // ibind: the status between "::" and the body's error text, not the request dict before it.
    [InlineData("ibind.support.errors.ExternalBrokerError: IbkrClient: response error Result(data=None, request={'url': 'https://api.ibkr.com/v1/api/iserver/accounts'}) :: 400 :: Bad Request :: {\"error\":\"Bad Request: no bridge\",\"statusCode\":400}", 400, "Bad Request: no bridge")]
    [InlineData("requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: https://api.ibkr.com/v1/api/pa/transactions", 500, "")]
    [InlineData("2025-03-18 09:52:14,642|I| {'session': 'eb78', 'hmds': {'error': 'no bridge'}, 'iserver': {'authStatus': {'authenticated': True}}}", null, "no bridge")]
    public void Web_api_status_and_body_error_are_read(string line, int? status, string errorText)
    {
        var d = LogDecorationParser.Parse(line);
        Assert.Equal(status, d.HttpStatus);
        Assert.Equal(errorText, d.ErrorText.Of(line).ToString());
    }

    [Theory]
    [InlineData("{\"authenticated\":true,\"competing\":false,\"connected\":true}", "Healthy")]
    [InlineData("{'authenticated': False, 'competing': False}", "NotAuthenticated")]
    [InlineData("Status(running=True, session=True, connected=True, authenticated=True, competing=True)", "Competing")]
    [InlineData("Status(running=True, connected=False, authenticated=True, competing=False)", "NotConnected")]
    [InlineData("Gateway running and authenticated, session id: eb78", "None")]
    public void Client_portal_status_objects_in_a_line_are_read_and_prose_is_not(string text, string state) =>
        Assert.Equal(state, PortalStatus.Read(text).ToString());

    [Property(MaxTest = 500, Replay = "(20261201,23)")]
    public Property The_parts_are_inside_the_line_and_the_message_ends_it() =>
        Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get)), line =>
        {
            var d = LogDecorationParser.Parse(line);
            foreach (var part in new[] { d.Timestamp, d.Source, d.Message, d.Body, d.ErrorText })
            {
                Assert.InRange(part.Start, 0, line.Length);
                Assert.InRange(part.Start + part.Length, part.Start, line.Length);
            }

            Assert.Equal(line.Length, d.Message.Start + d.Message.Length);
            Assert.True(d.HttpStatus is null or >= 100 and <= 599);
        });

    // Healthy lifecycle steps stay informational under any decoration a tool puts before them.
    [Property(MaxTest = 300, Replay = "(20261201,25)")]
    public Property A_routine_step_at_info_level_is_informational_whatever_the_decoration()
    {
        var steps = Gen.Elements(
            "Gateway auth webpage loaded", "Login has completed", "Gateway started with pid: 14", "Connected",
            "Cannot ping Gateway. Retrying for another 20 seconds", "Submitting the form", "Disconnecting",
            "success: ibdies entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)");
        var prefixes = Gen.Elements(
            "2024-05-01 09:15:02,311|I| ", "2024-05-01 09:15:02,311 ib_insync.client INFO ", "INFO:ib_async.client:",
            "ibeam  | 2024-05-01 09:15:02,311|D| ", "2024-05-01 09:15:02:311 IBC: ", "[INFO ] 2024-05-01 09:15:02.311 ");
        return Prop.ForAll(Arb.From(from step in steps from prefix in prefixes select prefix + step), line =>
        {
            var d = Classifier.DiagnoseLogLine(line);
            Assert.False(d.IsFailure, $"{line} -> {d}");
        });
    }
}
