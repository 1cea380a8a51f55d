using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LoginPosture.Layers;

namespace LoginPosture.Tests.Layers;

/// <summary>The vectorised word-start scan against its plain definition, on every chunk of texts of any length.</summary>
public sealed class WordStartsTests
{
    // ASCII word and non-word characters, and non-ASCII letters, digits and non-letters, so that chunks are mixed.
    private static readonly Gen<char> AnyChar = Gen.OneOf(
        Gen.Elements("aZ09 _-.:|/{\"'\t\n".ToCharArray()),
        Gen.Choose('!', '~').Select(i => (char)i),
        Gen.Elements('é', 'ſ', 'İ', '中', '٣', '\u00A0', '€', '\u202E', '\uD800'));

    private static readonly Gen<string> AnyText =
        from length in Gen.OneOf(Gen.Choose(0, 40), Gen.Choose(40, 200))
        from chars in Gen.ArrayOf(AnyChar, length)
        select new string(chars);

    [Property(MaxTest = 500, Replay = "(20261201,41)")]
    public Property Every_chunk_marks_exactly_the_word_starts_and_those_at_a_letter() =>
        Prop.ForAll(Arb.From(AnyText), text =>
        {
            for (var start = 0; start < text.Length; start += WordStarts.Width)
            {
                uint expected = 0u, expectedLetters = 0u;
                for (var i = start; i < Math.Min(start + WordStarts.Width, text.Length); i++)
                {
                    if (WordStarts.IsWordChar(text[i]) && (i == 0 || !WordStarts.IsWordChar(text[i - 1])))
                    {
                        expected |= 1u << (i - start);
                        expectedLetters |= char.IsLetter(text[i]) ? 1u << (i - start) : 0u;
                    }
                }

                Assert.Equal(expected, WordStarts.Chunk(text, start));
                Assert.Equal(expectedLetters, WordStarts.LetterChunk(text, start));
            }
        });

    [Fact]
    public void A_text_one_character_longer_than_a_chunk_reads_its_last_chunk_from_the_end()
    {
        var text = new string('a', WordStarts.Width) + " b";
        Assert.Equal(1u, WordStarts.Chunk(text, 0));
        Assert.Equal(0b10u, WordStarts.Chunk(text, WordStarts.Width));
    }
}
