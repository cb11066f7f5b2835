namespace TrustBridge.Web.Features.Feedback;

/// <summary>What a case may carry: jpg, png or pdf up to 5 MB, recognised by content rather than by name.</summary>
public static class Attachments
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxFiles = 3;

    public static string? KindOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (content.StartsWith("%PDF-"u8)) return "application/pdf";
        return null;
    }

    /// <summary>An error to show, or null when the file is acceptable.</summary>
    public static string? Check(AttachmentInput file)
    {
        if (file.Content.Length == 0) return $"{file.FileName} is empty.";
        if (file.Content.Length > MaxBytes) return $"{file.FileName} is larger than 5 MB.";
        return KindOf(file.Content) is null ? $"{file.FileName} is not a JPG, PNG or PDF file." : null;
    }

    public static string SafeName(string name)
    {
        var n = Path.GetFileName(name.Replace('\\', '/'));
        n = new string(n.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray());
        return n.Length == 0 ? "attachment" : n.Length > 200 ? n[^200..] : n;
    }
}
