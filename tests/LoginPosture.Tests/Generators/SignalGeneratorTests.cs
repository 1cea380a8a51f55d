using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Layers;

namespace LoginPosture.Tests.Generators;

public sealed class SignalGeneratorTests
{
    private static readonly LayerClassifier Classifier = new(new LayerClassifierOptions());

    [Property(MaxTest = 500)]
    public Property Decorated_log_lines_keep_their_tws_code_and_classify_like_the_plain_signal(FailureSignal signal)
    {
        if (signal.Source != SignalSource.Log)
        {
            return true.ToProperty();
        }

        var plain = LoginPostureArbitraries.Signals.First(s => s.Source == SignalSource.Tws && s.Code == signal.Code && signal.Message!.Contains(s.Message!, StringComparison.Ordinal)
            || (s.Source == SignalSource.Log && s.Message == signal.Message));
        var decorated = Classifier.Diagnose(signal);
        var expected = Classifier.Diagnose(plain);
        return (signal.Code is not null && decorated.Layer == expected.Layer && decorated.CauseId == expected.CauseId)
            .Label($"'{signal.Message}': code {signal.Code}, {decorated.Layer}/{decorated.CauseId}; plain {expected.Layer}/{expected.CauseId}");
    }
}
