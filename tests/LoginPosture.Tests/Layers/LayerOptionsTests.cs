using LoginPosture.Layers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoginPosture.Tests.Layers;

public sealed class LayerOptionsTests
{
    private static LayerCatalogEntry Rule(string id, int? code = null, string? keyword = null, int? status = null, SignalSource? source = null, Layer layer = Layer.Identity) => new()
    {
        CauseId = id,
        Layer = layer,
        Retry = RetryAdvice.Reauthenticate,
        Severity = Severity.High,
        Code = code,
        HttpStatus = status,
        Keyword = keyword,
        Source = source,
        Title = "The broker session expired.",
        Fix = "Log in again through the broker's portal.",
        Anchor = "Example Broker API reference, error codes",
    };

    [Fact]
    public void A_configured_rule_classifies_another_brokers_code_and_keyword()
    {
        var classifier = new LayerClassifier(new LayerClassifierOptions
        {
            Entries = [Rule("examplebroker.session-expired", code: 90_001, source: SignalSource.Other), Rule("examplebroker.token-revoked", keyword: "token was revoked")],
        });

        var byCode = classifier.Diagnose(new FailureSignal(SignalSource.Other, 90_001, "E_SESSION"));
        Assert.Equal("examplebroker.session-expired", byCode.CauseId);
        Assert.Equal(Layer.Identity, byCode.Layer);
        Assert.Equal(RetryAdvice.Reauthenticate, byCode.Retry);
        Assert.Equal("Example Broker API reference, error codes", byCode.Anchor);
        Assert.True(byCode.IsKnown);

        Assert.Equal("examplebroker.token-revoked", classifier.DiagnoseLogLine("12:00 WARN  The API TOKEN WAS REVOKED by an admin").CauseId);

        // The source restriction keeps the code from capturing a TWS signal that happens to share the number.
        Assert.Equal("unknown.request", classifier.Diagnose(FailureSignal.FromTws(90_001, "")).CauseId);
        Assert.Contains(classifier.Causes(), c => c.Id == "examplebroker.session-expired");
    }

    [Fact]
    public void Configured_rules_win_over_the_built_in_catalog()
    {
        var classifier = new LayerClassifier(new LayerClassifierOptions { Entries = [Rule("mydesk.no-definition", code: 200, keyword: "no security definition", layer: Layer.Platform)] });
        Assert.Equal("mydesk.no-definition", classifier.Diagnose(FailureSignal.FromTws(200, "No security definition has been found for the request.")).CauseId);
        Assert.Equal("request.contract-definition", classifier.Diagnose(FailureSignal.FromTws(200, "The contract description specified for X is ambiguous")).CauseId);
        Assert.Equal("request.contract-definition", new LayerClassifier().Diagnose(FailureSignal.FromTws(200, "No security definition has been found for the request.")).CauseId);
    }

    [Fact]
    public void Invalid_entries_are_all_reported_at_once_naming_each_setting()
    {
        var bad = new LayerClassifierOptions
        {
            Entries =
            [
                new LayerCatalogEntry(),
                Rule("identity.login-failed", code: 1),
                Rule("UPPER case", keyword: "ab"),
                Rule("x.dup", code: -5, status: 700),
                Rule("x.dup", code: 7),
                null!,
                new LayerCatalogEntry { CauseId = "x.info", IsFailure = false, Retry = RetryAdvice.BackOff, Keyword = "notice", Layer = (Layer)9, Title = "s", Fix = "r", Anchor = "a" },
            ],
        };

        var error = Assert.Throws<OptionsValidationException>(() => new LayerClassifier(bad));
        var messages = error.Failures.ToList();
        Assert.Contains(messages, m => m.StartsWith("Entries[0]:CauseId", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Entries[0]:matches nothing", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Entries[0]:Title is empty", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Entries[1]:CauseId 'identity.login-failed' is reserved", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Entries[2]:CauseId", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Entries[2]:Keyword", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Entries[3]:Code is -5", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Entries[3]:HttpStatus is 700", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Entries[3]:sets both Code and HttpStatus", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Entries[4]:CauseId 'x.dup' is used by an earlier entry", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Entries[5] is null", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Entries[6]:Layer is 9", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Entries[6]:Retry is BackOff for an informational notice", StringComparison.Ordinal));
    }

    [Fact]
    public void An_entry_that_repeats_an_earlier_match_is_rejected()
    {
        var options = new LayerClassifierOptions { Entries = [Rule("a.one", keyword: "Session Gone"), Rule("a.two", keyword: " session gone ")] };
        var error = Assert.Throws<OptionsValidationException>(() => new LayerClassifier(options));
        Assert.Contains(error.Failures, m => m.StartsWith("Entries[1]:matches the same", StringComparison.Ordinal));
    }

    [Fact]
    public void Add_login_posture_registers_the_classifier_with_configured_rules()
    {
        using var provider = new ServiceCollection()
            .AddLoginPosture(o => o.Layers.Entries.Add(Rule("examplebroker.session-expired", code: 90_001)))
            .BuildServiceProvider();
        var classifier = provider.GetRequiredService<LayerClassifier>();
        Assert.Same(classifier, provider.GetRequiredService<LayerClassifier>());
        Assert.Equal("examplebroker.session-expired", classifier.Diagnose(new FailureSignal(SignalSource.Other, 90_001, null)).CauseId);
    }

    [Fact]
    public void Invalid_layer_options_fail_at_startup_validation_with_the_section_prefix()
    {
        using var provider = new ServiceCollection()
            .AddLoginPosture(o => o.Layers.Entries.Add(new LayerCatalogEntry { CauseId = "broken" }))
            .BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LayerClassifier>());
        Assert.Contains(error.Failures, m => m.StartsWith("Layers:Entries[0]:", StringComparison.Ordinal));

        var nullSection = new LoginPostureOptionsValidator().Validate(null, new LoginPostureOptions { Layers = null! });
        Assert.True(nullSection.Failed);
        Assert.Contains(nullSection.Failures!, m => m.StartsWith("Layers is null", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_options_hold_no_rules() =>
        Assert.Empty(new LoginPostureOptions().Layers.Entries);
}
