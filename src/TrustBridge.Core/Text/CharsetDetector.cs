using System.Text;

namespace TrustBridge.Core.Text;

/// <summary>
/// Hospital exports arrive in UTF-8 (with or without BOM) or GB18030 (what Excel on a Chinese Windows writes).
/// Valid UTF-8 is taken as UTF-8; anything else is read as GB18030, which decodes every byte sequence.
/// </summary>
public static class CharsetDetector
{
    static CharsetDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Picks UTF-8 or GB18030 from a sample of the start of a file.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> sample, bool sampleIsWholeFile)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return StrictUtf8;
        if (sample.StartsWith((ReadOnlySpan<byte>)[0x84, 0x31, 0x95, 0x33])) return Gb18030; // GB18030 BOM
        return IsUtf8(sample, sampleIsWholeFile) ? StrictUtf8 : Gb18030;
    }

    /// <summary>Resolves a charset named by a client; null when the name is not one we accept.</summary>
    public static Encoding? FromName(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        return charset.Trim().Trim('"').ToLowerInvariant() switch
        {
            "utf-8" or "utf8" => StrictUtf8,
            "gb18030" or "gbk" or "gb2312" or "cp936" => Gb18030,
            _ => null,
        };
    }

    /// <summary>True when the bytes are well-formed UTF-8; a sequence cut off at the end of a partial sample is allowed.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes, bool isWhole)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            int extra;
            if (b < 0x80) { i++; continue; }
            if (b is >= 0xC2 and <= 0xDF) extra = 1;
            else if (b is >= 0xE0 and <= 0xEF) extra = 2;
            else if (b is >= 0xF0 and <= 0xF4) extra = 3;
            else return false;
            if (i + extra >= bytes.Length) return !isWhole; // cut off by the end of the sample
            for (var k = 1; k <= extra; k++)
                if ((bytes[i + k] & 0xC0) != 0x80) return false;
            i += extra + 1;
        }
        return true;
    }
}
