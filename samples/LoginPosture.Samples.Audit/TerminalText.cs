using System.Globalization;
using System.Text;

namespace LoginPosture.Samples.Audit;

/// <summary>
/// Makes text from the posture file safe to print on a terminal: control characters (ESC, CR, LF, NUL, C1),
/// Unicode format characters (bidirectional overrides, zero-width joiners) and line separators are written as
/// visible escapes (<c>\x1B</c>, <c>\n</c>, <c>\u202E</c>) and a backslash as <c>\\</c>, so a label can neither
/// send terminal sequences nor start a new table row. The JSON output needs none of this: its writer escapes.
/// </summary>
internal static class TerminalText
{
    /// <param name="text">The text.</param>
    /// <param name="backslashes">Whether a backslash is doubled too (table cells: so that "\n" typed in a label and an
    /// escaped newline differ); error lines quote the library's own escapes and leave backslashes alone.</param>
    public static string Visible(string text, bool backslashes = true)
    {
        if (!text.AsSpan().ContainsAnyExcept(Printable) || (!backslashes && !text.AsSpan().ContainsAnyExcept(PrintableOrBackslash)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value == '\\')
            {
                builder.Append(backslashes ? @"\\" : @"\");
            }
            else if (value is '\n' or '\r' or '\t')
            {
                builder.Append(value == '\n' ? @"\n" : value == '\r' ? @"\r" : @"\t");
            }
            else if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate)
            {
                builder.Append(value < 0x100 ? @"\x" : @"\u").Append(value.ToString(value < 0x100 ? "X2" : "X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    // Printable ASCII: the common case, checked without allocating.
    private const string PrintableAscii = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    private static readonly System.Buffers.SearchValues<char> Printable = System.Buffers.SearchValues.Create(PrintableAscii);

    private static readonly System.Buffers.SearchValues<char> PrintableOrBackslash = System.Buffers.SearchValues.Create(PrintableAscii + "\\");
}
