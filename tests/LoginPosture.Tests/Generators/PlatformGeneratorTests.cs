using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.ApiKeys;
using LoginPosture.Layers;
using LoginPosture.Otp;

namespace LoginPosture.Tests.Generators;

/// <summary>
/// The platform, key-URI and log-line generators produce what the library's readers accept, and the readers find in
/// them exactly what the generator wrote: grants, dates and allow-lists, status signals, key parameters, codes and levels.
/// </summary>
public sealed class PlatformGeneratorTests
{
    [Property(MaxTest = 500)]
    public Property Every_platform_response_is_read_as_the_descriptor_it_describes(PlatformKeyJson key) =>
        (LoginPostureArbitraries.Describe(key.Read()) == LoginPostureArbitraries.Describe(key.Expected))
            .Label($"read {LoginPostureArbitraries.Describe(key.Read())}; expected {LoginPostureArbitraries.Describe(key.Expected)}");

    [Property(MaxTest = 500)]
    public Property Every_client_portal_body_gives_the_signals_it_holds_in_order(ClientPortalStatusJson status)
    {
        var signals = FailureSignal.FromClientPortalStatus(status.Json);
        return (signals.All(s => s.Source == SignalSource.ClientPortal) && signals.Select(s => s.Message).SequenceEqual(status.Expected))
            .Label($"got [{string.Join("; ", signals.Select(s => s.Message))}]; expected [{string.Join("; ", status.Expected)}]");
    }

    [Property(MaxTest = 500)]
    public Property Every_ibkr_setting_is_accepted_and_read_as_configured(IbkrApiSettings settings)
    {
        var key = ApiKeyAdapters.FromIbkr(settings, "tws");
        var trading = ApiKeyGrants.TradeSpot | ApiKeyGrants.TradeMargin | ApiKeyGrants.TradeFutures | ApiKeyGrants.TradeOptions;
        var grants = settings.ReadOnlyApi ? ApiKeyGrants.Read : ApiKeyGrants.Read | trading;
        var environment = settings.Environment ?? (settings.SocketPort is 7496 or 4001 ? ApiKeyEnvironment.Live : ApiKeyEnvironment.Paper);
        var trusted = settings.TrustedIps ?? [];
        var expectedList = settings.LocalhostOnly ? ["127.0.0.1/32", "::1/128"]
            : trusted.Count == 0 || trusted.Any(ip => ip is "0.0.0.0" or "::") ? []
            : new[] { "127.0.0.1/32" }.Concat(trusted.Select(ip => ip + (ip.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"))).Distinct().ToArray();
        var list = key.IpAllowList.Select(n => n.ToString()).ToArray();
        return (key.Grants == grants && key.Environment == environment && list.SequenceEqual(expectedList))
            .Label($"{key.Grants} {key.Environment} [{string.Join(",", list)}]; expected {grants} {environment} [{string.Join(",", expectedList)}]");
    }

    [Property(MaxTest = 500)]
    public Property Every_key_uri_parses_to_the_parameters_and_verdict_it_states(OtpKeyUriText text)
    {
        using var key = OtpKeyUri.Parse(text.Uri);
        var read = (key.Type, key.Algorithm, key.Digits, key.Period, key.SecretBits, key.Issuer, key.AccountName, key.Verdict);
        var expected = (text.Type, text.Algorithm, text.Digits, text.Period, text.SecretBits, text.Issuer, text.AccountName, text.Verdict);
        return read.Equals(expected).Label($"read {read}; expected {expected}");
    }

    [Property(MaxTest = 500)]
    public Property Every_malformed_key_uri_is_refused_naming_the_part_at_fault(MalformedOtpKeyUri uri)
    {
        var error = Record.Exception(() => OtpKeyUri.Parse(uri.Uri).Dispose());
        return (error is FormatException && error.Message.StartsWith(uri.Part, StringComparison.Ordinal))
            .Label($"{error?.GetType().Name}: {error?.Message}");
    }

    [Property(MaxTest = 1_000)]
    public Property Every_log_line_keeps_its_code_status_level_and_message(RawLogLine line)
    {
        var signal = FailureSignal.FromLogLine(line.Line);
        var decoration = LogDecorationParser.Parse(line.Line);
        var level = decoration.Level switch
        {
            LogLevel.Debug => LogLineLevel.Debug,
            LogLevel.Info => LogLineLevel.Info,
            LogLevel.Warning => LogLineLevel.Warning,
            LogLevel.Error => LogLineLevel.Error,
            _ => LogLineLevel.None,
        };
        var message = decoration.Message.Of(line.Line).ToString();
        return (signal.Code == line.Code && signal.HttpStatus == line.HttpStatus && level == line.Level && message.EndsWith(line.Message, StringComparison.Ordinal))
            .Label($"code {signal.Code}, status {signal.HttpStatus}, level {level}, message '{message}'");
    }

    [Property(MaxTest = 300)]
    public Property A_coded_log_line_classifies_like_the_tws_signal_it_carries(RawLogLine line)
    {
        var classifier = new LayerClassifier(new LayerClassifierOptions());
        if (line.Code is not { } code)
        {
            return true.ToProperty();
        }

        var (logged, plain) = (classifier.Diagnose(FailureSignal.FromLogLine(line.Line)), classifier.Diagnose(FailureSignal.FromTws(code, line.Message)));
        return (logged.Layer == plain.Layer && logged.CauseId == plain.CauseId).Label($"{logged}; plain {plain}");
    }

    [Fact]
    public void The_generators_reach_every_shape_and_defect()
    {
        var keys = LoginPostureArbitraries.PlatformKeyJsonGen.Sample(600, LoginPostureArbitraries.FixedSeed(), 50);
        Assert.Equal(Enum.GetValues<KeyJsonPlatform>(), keys.Select(k => k.Platform).Distinct().Order());
        Assert.Contains(keys, k => k.Platform == KeyJsonPlatform.Kraken && k.Json.Contains("\"result\"", StringComparison.Ordinal) && k.Expected.IpAllowList.Length > 1);
        Assert.Contains(keys, k => k.Platform == KeyJsonPlatform.Binance && !k.Json.Contains("enableFixApiTrade", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.Json.Contains("\"true\"", StringComparison.Ordinal));

        var statuses = LoginPostureArbitraries.ClientPortalStatusGen.Sample(300, LoginPostureArbitraries.FixedSeed(), 50);
        Assert.Contains(statuses, s => s.Expected.Count == 0);
        Assert.Contains(statuses, s => s.Json.Contains("authStatus", StringComparison.Ordinal) && s.Expected.Contains("auth/status.competing=true"));

        var settings = LoginPostureArbitraries.IbkrSettingsGen.Sample(300, LoginPostureArbitraries.FixedSeed(), 50);
        Assert.Contains(settings, s => s.TrustedIps?.Contains("0.0.0.0") == true || s.TrustedIps?.Contains("::") == true);
        Assert.Contains(settings, s => s.SocketPort is 1 or 65535);

        var uris = LoginPostureArbitraries.OtpKeyUriGen.Sample(600, LoginPostureArbitraries.FixedSeed(), 50);
        Assert.Equal(Enum.GetValues<OtpKeyVerdict>(), uris.Select(u => u.Verdict).Distinct().Order());
        Assert.Equal(Enum.GetValues<OtpAlgorithm>(), uris.Select(u => u.Algorithm).Distinct().Order());
        Assert.Contains(uris, u => u.Type == OtpKeyType.Hotp);

        var malformed = LoginPostureArbitraries.MalformedOtpKeyUriGen.Sample(600, LoginPostureArbitraries.FixedSeed(), 50);
        Assert.Equal(16, malformed.Select(m => m.Defect).Distinct().Count());

        var lines = LoginPostureArbitraries.RawLogLineGen.Sample(600, LoginPostureArbitraries.FixedSeed(), 50);
        Assert.Equal(11, lines.Select(l => l.Tool).Distinct().Count());
        Assert.Equal(Enum.GetValues<LogLineLevel>(), lines.Select(l => l.Level).Distinct().Order());
    }
}
