using LoginPosture.Layers;

namespace LoginPosture.Tests.Layers;

/// <summary>"status code N" is an HTTP status only when "code" is the very next word, numbers included.</summary>
public sealed class LogLineParserTests
{
    [Theory]
    [InlineData("request failed with status code 503", null, 503)]
    [InlineData("status: code 429 Too Many Requests", null, 429)]
    [InlineData("status 1 code 354 refused", 354, null)]
    [InlineData("status ٣ code 354 refused", 354, null)]
    [InlineData("status ok, code 354", 354, null)]
    [InlineData("2024-05-01 status 7 -1 code: 200 Error 162", 200, null)]
    public void A_code_after_the_status_word_is_read_as_its_status_only_when_it_is_the_next_word(string line, int? code, int? status) =>
        Assert.Equal((code, status), LogLineParser.Parse(line));
}
