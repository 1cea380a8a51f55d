using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Analyzers.Tests.Harness;
using LoginPosture.Analyzers.Tests.Verifiers;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>
/// Properties over generated values: random keys are found even when they happen to contain words that make other
/// tools drop them (Sonar's find-anywhere exclusions), and sentences are never reported whatever their target.
/// </summary>
public sealed class DetectionPropertyTests
{
    private static readonly string[] EmbeddedWords = { "Test", "bar", "ADMIN", "pass", "123456", "foo", "fake", "abcd", "secret", "default", "dummy" };

    private static readonly string[] SecretTargets = { "BinanceApiSecret", "KrakenPrivateKey", "apiKey", "ALPACA_SECRET_KEY", "OAuthClientSecret", "accessToken" };

    private static readonly string[] SentenceWords =
    {
        "please", "enter", "your", "password", "token", "secret", "the", "api", "key", "is", "invalid", "expired", "order", "rejected",
        "Retry", "later", "Session", "was", "closed", "by", "broker", "2FA", "code", "sent", "to", "phone", "Value",
    };

    [Property(MaxTest = 120)]
    public Property Random_keys_are_reported_even_with_common_words_inside()
    {
        var gen =
            from length in Gen.Choose(24, 88)
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from word in Gen.Elements(EmbeddedWords)
            from position in Gen.Choose(1, 20)
            from target in Gen.Elements(SecretTargets)
            select (key: Fake.Random(length, seed).Insert(position, word), target);

        // Reported exactly once, as LP0001, on the literal: the markup is the whole expectation.
        return Prop.ForAll(Arb.From(gen), c =>
            Verify.AnalyzerAsync($"class C {{ const string {c.target} = {{|LP0001:\"{c.key}\"|}}; }}").GetAwaiter().GetResult());
    }

    [Property(MaxTest = 120)]
    public Property Sentences_are_never_reported()
    {
        var gen =
            from count in Gen.Choose(2, 7)
            from words in Gen.ArrayOf(Gen.Elements(SentenceWords), count)
            from end in Gen.Elements("", ".", ":", "!", "?")
            from target in Gen.Elements(SecretTargets.Concat(new[] { "Password", "dbPassword" }).ToArray())
            select (text: string.Join(' ', words) + end, target);

        return Prop.ForAll(Arb.From(gen), c =>
            Verify.AnalyzerAsync($"class C {{ const string {c.target} = \"{c.text}\"; }}").GetAwaiter().GetResult());
    }

    [Property(MaxTest = 500)]
    public Property Every_generated_format_is_found_at_any_position_in_a_longer_string()
    {
        var formats = new Func<int, string>[]
        {
            s => Fake.AwsAccessKeyId(s), s => Fake.GitHubClassic(s), s => Fake.SlackBot(s), s => Fake.StripeLive(s),
            s => Fake.GoogleApiKey(s), s => Fake.SendGrid(s), s => Fake.Telegram(s), s => Fake.OpenAiProject(s), s => Fake.Jwt(s),
            s => Fake.NuGetKey(s), s => Fake.GitLab(s), s => Fake.Npm(s), s => Fake.EntraClientSecret(s),
        };
        var gen =
            from index in Gen.Choose(0, formats.Length - 1)
            from seed in Gen.Choose(0, 100_000)
            from prefix in Gen.Elements("", "token: ", "Bearer ", "key=", "[", "'")
            from suffix in Gen.Elements("", " ", ";", "\"", "\n", ",next")
            select prefix + formats[index](seed) + suffix;

        return Prop.ForAll(Arb.From(gen), text =>
            (LoginPosture.Analyzers.Internal.CredentialFormats.Find(text) != LoginPosture.Analyzers.Internal.CredentialFormat.None).Label(text));
    }
}
