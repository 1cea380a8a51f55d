using LoginPosture.Analyzers.Internal;

namespace LoginPosture.Analyzers.Tests.Analyzers;

/// <summary>
/// The value shapes that silence the real-code false alarms, checked on their own: what they must recognise, and that
/// generated credentials (random base62, hex, base64) never take any of the shapes, so recall does not pay for them.
/// </summary>
public sealed class ValueShapeTests
{
    [Theory]
    [InlineData("skipFromResultSum")]
    [InlineData("storeStampedFile")]
    [InlineData("CustomData/ExampleCustomData")]
    [InlineData("strengthCheckPassed")]
    [InlineData("HTTPServerRequestLog")]
    [InlineData("reports/2024/daily_summary")]
    [InlineData("OrderBook2")]
    public void Identifiers_and_paths_are_made_of_words(string value) => Assert.True(ValueShapes.IsMadeOfWords(value));

    [Theory]
    [InlineData("APIPASS")]
    [InlineData("ApiPassphrase")]
    [InlineData("botToken")]
    [InlineData("optionalprivatekeypassphrase")]
    [InlineData("your-client-secret")]
    [InlineData("MY_ACCESS_TOKEN")]
    public void Names_of_credentials_are_recognised(string value) => Assert.True(ValueShapes.IsCredentialName(value));

    [Theory]
    [InlineData("default")] // filler only: no credential word
    [InlineData("passw0rd")] // a digit: a chosen value, not a name
    [InlineData("Tr4ding!Desk")]
    [InlineData("keystone")] // "key" + "stone": not all credential words
    public void Other_values_are_not_credential_names(string value) => Assert.False(ValueShapes.IsCredentialName(value));

    [Theory]
    [InlineData("abc123", true)]
    [InlineData("ABCD-1234", true)]
    [InlineData("123abc", true)]
    [InlineData("abc", false)] // one run is IsSequential's case
    [InlineData("abc124", false)]
    [InlineData("ab12", false)]
    public void Counting_runs(string value, bool expected) => Assert.Equal(expected, ValueShapes.IsCountingRuns(value));

    [Theory]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 16, 64)]
    [InlineData("0123456789abcdef", 16, 64)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 20, 88)]
    public void Generated_credentials_never_take_a_silencing_shape(string alphabet, int minLength, int maxLength)
    {
        var random = new Random(20261201);
        var shaped = new List<string>();
        for (var n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(minLength, maxLength + 1)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var value = new string(chars);
            if (ValueShapes.IsMadeOfWords(value) || ValueShapes.IsCredentialName(value) || ValueShapes.IsCountingRuns(value))
            {
                shaped.Add(value);
            }
        }

        Assert.Empty(shaped);
    }
}
