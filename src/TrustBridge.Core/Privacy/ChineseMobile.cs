namespace TrustBridge.Core.Privacy;

/// <summary>Mainland China mobile numbers: 11 digits starting with 1[3-9].</summary>
public static class ChineseMobile
{
    /// <summary>Strips spaces, dashes and a +86/0086 prefix; returns null when what is left is not a mobile number.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        Span<char> digits = stackalloc char[raw.Length];
        var n = 0;
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c)) digits[n++] = c;
            else if (c is ' ' or '-' or '(' or ')' or '+' or '\u00A0') continue;
            else return null;
        }
        var s = new string(digits[..n]);
        if (s.Length == 15 && s.StartsWith("0086", StringComparison.Ordinal)) s = s[4..];
        else if (s.Length == 13 && s.StartsWith("86", StringComparison.Ordinal)) s = s[2..];
        return IsValid(s) ? s : null;
    }

    public static bool IsValid(string s) =>
        s.Length == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && s.All(char.IsAsciiDigit);

    /// <summary>138****1234: the carrier prefix and the last four digits stay readable.</summary>
    public static string Mask(string mobile) =>
        mobile.Length < 7 ? new string('*', mobile.Length) : string.Concat(mobile.AsSpan(0, 3), "****", mobile.AsSpan(mobile.Length - 4));
}
