using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Layers;

namespace LoginPosture.Tests.Layers;

/// <summary>The informational-level shortcut of inference never hides a strong failure word that the word pass finds.</summary>
public sealed class LayerInferenceTests
{
    private static readonly string[] Fragments =
    [
        "fail", "FAILED", "Exception", "refused", "denied", "unable", "Rejected", "not authenticated", "unauthorized",
        "forbidden", "max request retries", "Unexpected EOF", "faıl", "refuſed", "\u212Aey", "İnvalid", "https://x/fail",
        "a_fail", " ", "|I| ", "INFO ", "-", ".", ":", "Gateway running and authenticated", "é", "\uD800",
    ];

    private static readonly Gen<string> AnyText = Gen.ListOf(Gen.OneOf(
            Gen.Elements(Fragments),
            Gen.Elements(Fragments).Select(static f => f.ToUpperInvariant()),
            ArbMap.Default.GeneratorFor<NonNull<string>>().Select(static s => s.Get)))
        .Select(static parts => string.Concat(parts));

    [Property(MaxTest = 1000, Replay = "(20261201,43)")]
    public Property The_shortcut_is_false_only_when_the_word_pass_finds_no_strong_word() =>
        Prop.ForAll(Arb.From(AnyText), text =>
            !LayerInference.Read(text).Strong || LayerInference.MayStateFailureStrongly(text));

    [Theory]
    [InlineData("Gateway running and authenticated, session id: eb78d06c6add8e2ec5", false)]
    [InlineData("Login failed for user", true)]
    [InlineData("connection REFUSED", true)]
    public void The_shortcut_reads_strong_words_in_any_case(string text, bool expected) =>
        Assert.Equal(expected, LayerInference.MayStateFailureStrongly(text));
}
