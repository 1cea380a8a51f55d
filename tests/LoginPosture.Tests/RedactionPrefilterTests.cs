using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace LoginPosture.Tests;

/// <summary>
/// The redactor's prefilters only skip expressions that cannot match: with them and without them, any text comes out
/// the same. Credential-shaped fragments are built at run time from generated characters.
/// </summary>
public sealed class RedactionPrefilterTests
{
    private static Gen<string> Run(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(chars);

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alnum = Upper + "abcdefghijklmnopqrstuvwxyz0123456789";

    // Pieces of every shape the expressions look for, near misses around their length limits, and look-alikes
    // outside ASCII that the expressions' case equivalences match (the Kelvin sign, the long s).
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Elements(
            "apiKey", "api_key", "x-api-key", "SECRET", "client_secret", "Token", "token", "passwd", "Password", "pwd",
            "passphrase", "private-key", "credential", "Authorization", "cookie", "signature", "seed", "Bearer", "basic",
            "to\u212Aen", "   ", "    ", "key\": ", "secret =  ", "ſecret", "paſſword", "=", ":", "\"", "'", " ", "  ", "\t", "\n", "\u000B", "\u001F", "\u00A0",
            ",", ";", "&", "@", "/", "://", "https://", "user:", "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----",
            "AKIA", "ASIA", "ghp_", "github_pat_", "xoxb-", "sk_live_", "rk_test_", "AIza", "SG.", "sk-", "eyJ", ".", "_", "-",
            "+", "é", "İ", "ı", "enableSpotAndMarginTrading", "Error 354, reqId 3: ", "2026-11-20 14:02:09,540 "),
        Run(Alnum, 1, 40),
        Run(Upper + "0123456789", 14, 22),
        Run("0123456789", 7, 11),
        Run(Alnum + "_-", 28, 36),
        from body in Run(Alnum, 9, 11) select "xoxb-" + body,
        from name in Gen.Elements("apiKey", "x-api-key", "Secret", "token", "passwd", "pwd", "seed", "a.cookie", "bearer", "secrets")
        from quote in Gen.Elements("", "\"", "'")
        from spaces in Gen.Elements("", " ", "  ", "   ", "    ", "\t", "\n")
        from separator in Gen.Elements(":", "=", "")
        from value in Run(Alnum, 1, 16)
        select name + quote + spaces + separator + value,
        from a in Run(Alnum, 4, 6) from b in Run(Alnum, 4, 6) select "eyJ" + a + "." + b + ".");

    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.ListOf(Piece).Select(static parts => string.Concat(parts)),
        ArbMap.Default.GeneratorFor<NonNull<string>>().Select(static s => s.Get));

    [Property(MaxTest = 2000, Replay = "(20261201,47)")]
    public Property The_prefilters_never_change_the_result() =>
        Prop.ForAll(Arb.From(AnyText), text =>
            Assert.Equal(Redaction.Redact(text, prefilter: false), Redaction.Redact(text, prefilter: true)));

    [Fact]
    public void Text_the_prefilters_pass_unread_is_returned_as_the_same_instance()
    {
        var line = "2026-11-20 13:31:02,118 INFO  Market data farm connection is OK:usfarm";
        Assert.Same(line, Redaction.Redact(line));
        Assert.Same("enableSpotAndMarginTrading", Redaction.Redact("enableSpotAndMarginTrading"));
    }
}
