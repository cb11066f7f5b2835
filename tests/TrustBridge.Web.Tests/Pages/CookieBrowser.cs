using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages;

/// <summary>
/// A client that behaves like a browser without JavaScript: keeps cookies, reads the anti-forgery token out of the
/// form it was served and posts forms back with it. Redirects are not followed, so tests see them.
/// </summary>
public sealed partial class CookieBrowser(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static CookieBrowser Anonymous(TrustBridgeFactory app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<CookieBrowser> SignedInAsync(TrustBridgeFactory app, string email, string password)
    {
        var browser = Anonymous(app);
        var resp = await browser.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = email, ["Password"] = password });
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect, await resp.Content.ReadAsStringAsync());
        resp.Headers.Location!.OriginalString.ShouldBe("/Staff");
        return browser;
    }

    /// <summary>Makes the user (roles, departments) through the API once, then signs in with the cookie login page.</summary>
    public static async Task<CookieBrowser> WithRolesAsync(TrustBridgeFactory app, string email, string[] roles, string[]? departmentCodes = null)
    {
        await app.ClientWithRolesAsync(email, roles, departmentCodes);
        return await SignedInAsync(app, email, TrustBridgeFactory.UserPassword);
    }

    public static Task<CookieBrowser> AdminAsync(TrustBridgeFactory app) => SignedInAsync(app, TrustBridgeFactory.AdminEmail, TrustBridgeFactory.AdminPassword);

    public async Task<string> GetHtmlAsync(string url)
    {
        var resp = await Client.GetAsync(url);
        var html = await resp.Content.ReadAsStringAsync();
        resp.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {html[..Math.Min(html.Length, 2000)]}");
        return html;
    }

    public async Task<string> TokenFromAsync(string formPage)
    {
        var html = await GetHtmlAsync(formPage);
        return TokenIn(html);
    }

    public static string TokenIn(string html)
    {
        var m = TokenRegex().Match(html);
        m.Success.ShouldBeTrue("the page has no anti-forgery token");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var token = await TokenFromAsync(formPage);
        var pairs = fields.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).Append(new("__RequestVerificationToken", token));
        return await Client.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await TokenFromAsync(formPage);
        return await Client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
