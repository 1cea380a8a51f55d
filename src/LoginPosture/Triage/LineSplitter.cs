using System.Text.Unicode;

namespace LoginPosture.Triage;

/// <summary>
/// Cuts blocks of input into lines and hands each to a <see cref="TriageAccumulator"/>. A line that lies wholly in a
/// block is read in place; only a line that crosses a block boundary is copied, into a buffer of the line limit (plus
/// a few elements to find a character boundary). What a line holds beyond the limit is skipped unread. Line ends are
/// <c>\n</c> or <c>\r\n</c>; a last line without one is read too. Memory is the fixed buffers, whatever the input.
/// </summary>
/// <typeparam name="T">The element of the input: UTF-8 bytes or decoded characters.</typeparam>
internal abstract class LineSplitter<T>(int bufferLength, T newline)
    where T : unmanaged, IEquatable<T>
{
    private readonly T[] _pending = new T[bufferLength];
    private int _pendingLength;
    private bool _overflow;

    public void Push(ReadOnlySpan<T> block)
    {
        while (!block.IsEmpty)
        {
            var end = block.IndexOf(newline);
            if (end < 0)
            {
                Append(block);
                return;
            }

            if (_pendingLength == 0 && !_overflow)
            {
                Emit(block[..end], overflow: false);
            }
            else
            {
                Append(block[..end]);
                Emit(_pending.AsSpan(0, _pendingLength), _overflow);
                (_pendingLength, _overflow) = (0, false);
            }

            block = block[(end + 1)..];
        }
    }

    /// <summary>The end of input: a last line without a line end is still a line.</summary>
    public void Complete()
    {
        if (_pendingLength > 0 || _overflow)
        {
            Emit(_pending.AsSpan(0, _pendingLength), _overflow);
            (_pendingLength, _overflow) = (0, false);
        }
    }

    /// <summary>Hands one line (without its <c>\n</c>) to the sink; <paramref name="overflow"/> when its end was skipped.</summary>
    protected abstract void Emit(ReadOnlySpan<T> line, bool overflow);

    private void Append(ReadOnlySpan<T> part)
    {
        var room = _pending.Length - _pendingLength;
        if (part.Length > room)
        {
            part = part[..room];
            _overflow = true;
        }

        part.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += part.Length;
    }
}

/// <summary>Lines of UTF-8 input: a leading byte-order mark is skipped, a line that is not valid UTF-8 is counted as invalid.</summary>
internal sealed class Utf8LineSplitter(TriageAccumulator sink, int maxLength) : LineSplitter<byte>(maxLength + 4, (byte)'\n')
{
    private readonly char[] _chars = new char[maxLength];
    private bool _first = true;

    protected override void Emit(ReadOnlySpan<byte> line, bool overflow)
    {
        if (_first)
        {
            _first = false;
            line = line.StartsWith("\uFEFF"u8) ? line[3..] : line;
        }

        var truncated = overflow || line.Length > maxLength;
        if (truncated)
        {
            // Cut at the limit, then back to the start of the character the limit falls in.
            var cut = Math.Min(maxLength, line.Length);
            while (cut > 0 && cut < line.Length && (line[cut] & 0xC0) == 0x80)
            {
                cut--;
            }

            line = line[..cut];
        }
        else if (line is [.., (byte)'\r'])
        {
            line = line[..^1];
        }

        if (Utf8.ToUtf16(line, _chars, out _, out var written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            sink.AddInvalid();
            return;
        }

        sink.Add(_chars.AsSpan(0, written), truncated);
    }
}

/// <summary>The same cutting for text already decoded (a <see cref="TextReader"/>); lengths count characters.</summary>
internal sealed class CharLineSplitter(TriageAccumulator sink, int maxLength) : LineSplitter<char>(maxLength + 1, '\n')
{
    /// <summary>One whole line given as a string (from a sequence of lines).</summary>
    public void Line(ReadOnlySpan<char> line) => Emit(line, overflow: false);

    protected override void Emit(ReadOnlySpan<char> line, bool overflow)
    {
        var truncated = overflow || line.Length > maxLength;
        if (truncated)
        {
            // Never end on the first half of a surrogate pair.
            var cut = Math.Min(maxLength, line.Length);
            line = line[..(char.IsHighSurrogate(line[cut - 1]) ? cut - 1 : cut)];
        }
        else if (line is [.., '\r'])
        {
            line = line[..^1];
        }

        sink.Add(line, truncated);
    }
}
