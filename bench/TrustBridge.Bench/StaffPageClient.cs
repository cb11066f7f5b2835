using System.Net;
using System.Text.RegularExpressions;

namespace TrustBridge.Bench;

/// <summary>A browser-like client for the staff pages: signs in through the login form (anti-forgery token and cookie).</summary>
public static partial class StaffPageClient
{
    /// <summary>A client with the sign-in cookie, or null when the login form did not sign in.</summary>
    public static async Task<HttpClient?> LoginAsync(Uri baseAddress, string email, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var form = await http.GetStringAsync("/Account/Login");
        var token = Token().Match(form);
        if (!token.Success) return null;
        using var resp = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token.Groups[1].Value,
        }));
        return resp.StatusCode == HttpStatusCode.Redirect ? http : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
