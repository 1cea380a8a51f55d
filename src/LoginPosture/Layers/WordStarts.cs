using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LoginPosture.Layers;

/// <summary>
/// Enumerates the positions where a word starts: a letter or digit whose previous character is not one. Keywords
/// and log-line tokens only ever start there, so the matchers look nowhere else. ASCII text is checked 16 (or 8)
/// characters at a time with vector instructions; any chunk holding a non-ASCII character is checked one by one.
/// </summary>
/// <example>
/// <code>
/// for (var start = 0; start &lt; text.Length; start += WordStarts.Width)
/// {
///     for (var bits = WordStarts.Chunk(text, start); bits != 0; bits &amp;= bits - 1)
///     {
///         var i = start + BitOperations.TrailingZeroCount(bits); // a word starts at text[i]
///     }
/// }
/// </code>
/// </example>
internal static class WordStarts
{
    /// <summary>How many characters one <see cref="Chunk"/> covers.</summary>
    public static readonly int Width = Vector256.IsHardwareAccelerated ? Vector256<ushort>.Count : Vector128<ushort>.Count;

    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (c >= 128 && char.IsLetterOrDigit(c));

    /// <summary>Bit j is set when <c>text[start + j]</c> starts a word, for j below <see cref="Width"/>.</summary>
    public static uint Chunk(ReadOnlySpan<char> text, int start) => Starts(text, start, lettersOnly: false);

    /// <summary>
    /// Bit j is set when <c>text[start + j]</c> starts a word with a letter: the word starts where a keyword that
    /// begins with a letter can match (a digit matches only itself, ignoring case or not).
    /// </summary>
    public static uint LetterChunk(ReadOnlySpan<char> text, int start) => Starts(text, start, lettersOnly: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Starts(ReadOnlySpan<char> text, int start, bool lettersOnly)
    {
        // One vector load per chunk: the word characters of the chunk, shifted by one, are the "previous character"
        // of every lane but the first, whose previous character is read alone. The last chunk of a text at least
        // one vector long is loaded ending at the text's end and shifted down, so only short texts take the scalar path.
        if (text.Length >= Width && (uint)start < (uint)text.Length)
        {
            var at = Math.Min(start, text.Length - Width);
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            uint words = 0, letters = 0;
            var ascii = false;
            if (Vector256.IsHardwareAccelerated)
            {
                var current = Vector256.LoadUnsafe(ref first, (nuint)at);
                ascii = (current & Vector256.Create((ushort)0xFF80)) == Vector256<ushort>.Zero;
                var letter = Vector256.LessThanOrEqual((current | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)25));
                var digit = Vector256.LessThanOrEqual(current - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
                words = (letter | digit).ExtractMostSignificantBits();
                letters = lettersOnly ? letter.ExtractMostSignificantBits() : words;
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var current = Vector128.LoadUnsafe(ref first, (nuint)at);
                ascii = (current & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero;
                var letter = Vector128.LessThanOrEqual((current | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)25));
                var digit = Vector128.LessThanOrEqual(current - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
                words = (letter | digit).ExtractMostSignificantBits();
                letters = lettersOnly ? letter.ExtractMostSignificantBits() : words;
            }

            if (ascii)
            {
                var previous = at > 0 && IsWordChar(text[at - 1]) ? 1u : 0u;
                return (words & letters & ~((words << 1) | previous)) >> (start - at);
            }
        }

        var bits = 0u;
        var end = Math.Min(start + Width, text.Length);
        for (var i = start; i < end; i++)
        {
            if (IsWordChar(text[i]) && (i == 0 || !IsWordChar(text[i - 1])) && (!lettersOnly || char.IsLetter(text[i])))
            {
                bits |= 1u << (i - start);
            }
        }

        return bits;
    }
}
