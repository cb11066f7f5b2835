namespace TrustBridge.Core.Privacy;

/// <summary>Resident identity card numbers (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character.</summary>
public static class ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var s = raw.Trim().ToUpperInvariant();
        return IsValid(s) ? s : null;
    }

    public static bool IsValid(string s)
    {
        if (s.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            sum += (s[i] - '0') * Weights[i];
        }
        if (CheckChars[sum % 11] != s[17]) return false;
        return DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", out _);
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>110***********123X: the region's first three digits and the last four stay readable.</summary>
    public static string Mask(string id) =>
        id.Length < 8 ? new string('*', id.Length) : string.Concat(id.AsSpan(0, 3), new string('*', id.Length - 7), id.AsSpan(id.Length - 4));
}
