using System.Text;

namespace CrossModalML.Tests.Fuzz;

/// <summary>One change to a file's bytes; positions are fractions of the length so that one mutation fits any file.</summary>
internal sealed record ByteMutation(ByteMutationKind Kind, double Position, double Position2, byte Value)
{
    /// <summary>Bytes that readers treat specially: quotes, separators, line breaks, NUL, JSON punctuation and the
    /// starts of invalid or overlong UTF-8 sequences.</summary>
    public static readonly byte[] Interesting = [(byte)'"', (byte)'\t', (byte)',', (byte)'\n', (byte)'\r', 0x00, 0xFF, 0xFE, 0xC0, 0xC3, 0x80, 0xED, (byte)'{', (byte)'}', (byte)'[', (byte)'\\', (byte)':'];

    public byte[] ApplyTo(byte[] bytes)
    {
        var at = Index(bytes.Length, Position);
        switch (Kind)
        {
            case ByteMutationKind.FlipBit when bytes.Length > 0:
                var flipped = (byte[])bytes.Clone();
                flipped[Math.Min(at, bytes.Length - 1)] ^= (byte)(1 << (Value % 8));
                return flipped;
            case ByteMutationKind.Cut:
                return bytes[..at];
            case ByteMutationKind.InsertInteresting:
                return [.. bytes[..at], Interesting[Value % Interesting.Length], .. bytes[at..]];
            case ByteMutationKind.InsertInvalidUtf8:
                // A lone continuation byte, a truncated three-byte sequence and an encoded surrogate: all invalid UTF-8.
                byte[] invalid = (Value % 3) switch { 0 => [0x80], 1 => [0xE2, 0x82], _ => [0xED, 0xA0, 0x80] };
                return [.. bytes[..at], .. invalid, .. bytes[at..]];
            case ByteMutationKind.DeleteRange:
                var end = Math.Max(at, Index(bytes.Length, Position2));
                return [.. bytes[..at], .. bytes[end..]];
            case ByteMutationKind.DuplicateLine:
                return EditLines(bytes, (lines, i) => lines.Insert(i, lines[i]));
            case ByteMutationKind.RemoveLine:
                return EditLines(bytes, (lines, i) => lines.RemoveAt(i));
            case ByteMutationKind.SwapLines:
                return EditLines(bytes, (lines, i) =>
                {
                    var j = Index(lines.Count - 1, Position2);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                });
            default:
                return bytes;
        }
    }

    public override string ToString() => FormattableString.Invariant($"{Kind}@{Position:0.###}/{Position2:0.###}#{Value}");

    private static int Index(int length, double fraction) => Math.Clamp((int)(fraction * (length + 1)), 0, length);

    private byte[] EditLines(byte[] bytes, Action<List<byte[]>, int> edit)
    {
        var lines = Split(bytes);
        if (lines.Count == 0)
        {
            return bytes;
        }

        edit(lines, Math.Min(Index(lines.Count, Position), lines.Count - 1));
        return [.. lines.SelectMany((line, i) => i == lines.Count - 1 ? line : [.. line, (byte)'\n'])];
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        return lines;
    }

    /// <summary>A short printable form of bytes for a failure message.</summary>
    public static string Show(byte[] bytes) =>
        bytes.Length <= 400 ? Encoding.UTF8.GetString(bytes).Replace("\t", "\\t").Replace("\n", "\\n") : $"{bytes.Length} bytes";
}
