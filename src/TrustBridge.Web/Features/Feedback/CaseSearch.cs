namespace TrustBridge.Web.Features.Feedback;

/// <summary>The queue's search box: "#123" finds case 123; anything else (text, tracking code) is searched as typed.</summary>
public static class CaseSearch
{
    public static string? Term(string? q)
    {
        var t = q?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        return t.Length > 1 && t[0] == '#' && t[1..].All(char.IsAsciiDigit) ? t[1..] : t;
    }
}
