using System.Text;
using System.Text.Unicode;
using TrustBridge.Core.Text;

namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// Turns an uploaded file into text: the charset the client named, else UTF-8 when every byte of the file is valid
/// UTF-8, else GB18030. Decoders are strict, so bytes invalid for the charset stop the import instead of becoming '?'.
/// </summary>
public static class ImportText
{
    private static readonly Encoding StrictGb18030 = Encoding.GetEncoding(
        CharsetDetector.Gb18030.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>The encoding to read a seekable stream with; the stream is left at its start.</summary>
    public static Encoding Choose(Stream seekable, string? charset)
    {
        if (!string.IsNullOrWhiteSpace(charset))
        {
            var named = CharsetDetector.FromName(charset) ?? throw ImportFileProblem.UnsupportedCharset(charset);
            return Strict(named);
        }
        var start = seekable.Position;
        try { return IsWholeStreamUtf8(seekable) ? CharsetDetector.StrictUtf8 : StrictGb18030; }
        finally { seekable.Position = start; }
    }

    public static string NameOf(Encoding encoding) => encoding.CodePage == CharsetDetector.StrictUtf8.CodePage ? "UTF-8" : "GB18030";

    public static TextReader Reader(Stream stream, Encoding encoding) =>
        new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);

    private static Encoding Strict(Encoding e) => e.CodePage == CharsetDetector.StrictUtf8.CodePage ? CharsetDetector.StrictUtf8 : StrictGb18030;

    /// <summary>Validates the whole file in chunks (vectorised); a sequence cut by a chunk boundary is carried over.</summary>
    private static bool IsWholeStreamUtf8(Stream s)
    {
        var buffer = new byte[1 << 20];
        var carry = 0;
        var first = true;
        while (true)
        {
            var read = s.Read(buffer, carry, buffer.Length - carry);
            var len = carry + read;
            if (first && len >= 4 && buffer[0] == 0x84 && buffer[1] == 0x31 && buffer[2] == 0x95 && buffer[3] == 0x33) return false;
            first = false;
            if (read == 0) return Utf8.IsValid(buffer.AsSpan(0, len));
            var safe = len - IncompleteTail(buffer.AsSpan(0, len));
            if (!Utf8.IsValid(buffer.AsSpan(0, safe))) return false;
            carry = len - safe;
            buffer.AsSpan(safe, carry).CopyTo(buffer);
        }
    }

    /// <summary>How many bytes at the end start a multi-byte sequence that the chunk cuts off.</summary>
    private static int IncompleteTail(ReadOnlySpan<byte> b)
    {
        for (var back = 1; back <= 3 && back <= b.Length; back++)
        {
            var x = b[^back];
            if ((x & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead
            var need = x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : x >= 0xC0 ? 2 : 1;
            return need > back ? back : 0;
        }
        return 0;
    }
}
