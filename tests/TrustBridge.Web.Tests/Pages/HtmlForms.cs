using System.Net;
using System.Text.RegularExpressions;

namespace TrustBridge.Web.Tests.Pages;

/// <summary>One POST form of a page as a browser without JavaScript sees it: where it posts and its hidden fields.</summary>
public sealed record HtmlForm(string? Id, string? Action, string Html, IReadOnlyList<KeyValuePair<string, string>> Hidden)
{
    public string? Token => Hidden.FirstOrDefault(h => h.Key == "__RequestVerificationToken").Value;

    /// <summary>The address the browser posts to: the action, or the page itself when the form names none.</summary>
    public string Target(string pageUrl) => string.IsNullOrEmpty(Action) ? pageUrl : WebUtility.HtmlDecode(Action);

    /// <summary>The hidden fields (the token among them) and the given fields, as the browser would send them.</summary>
    public FormUrlEncodedContent With(IEnumerable<KeyValuePair<string, string>> fields) =>
        new(Hidden.Where(h => fields.All(f => f.Key != h.Key)).Concat(fields));
}

/// <summary>Reads the POST forms of a served page, so tests submit them exactly as they are (with or without a token).</summary>
public static partial class HtmlForms
{
    public static IReadOnlyList<HtmlForm> Posts(string html) => FormRegex().Matches(html)
        .Where(m => MethodPost().IsMatch(m.Groups["attrs"].Value))
        .Select(m =>
        {
            var attrs = m.Groups["attrs"].Value;
            var hidden = InputRegex().Matches(m.Groups["body"].Value)
                .Select(i => i.Value)
                .Where(i => i.Contains("type=\"hidden\"", StringComparison.Ordinal))
                .Select(i => new KeyValuePair<string, string>(WebUtility.HtmlDecode(Attr(i, "name") ?? ""), WebUtility.HtmlDecode(Attr(i, "value") ?? "")))
                .Where(kv => kv.Key.Length > 0).ToList();
            return new HtmlForm(Attr(attrs, "id"), Attr(attrs, "action"), m.Value, hidden);
        }).ToList();

    public static HtmlForm Single(string html, string id) =>
        Posts(html).SingleOrDefault(f => f.Id == id) ?? throw new ShouldAssertException($"the page has no POST form with id '{id}'");

    private static string? Attr(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("<form(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormRegex();

    [GeneratedRegex("method=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex MethodPost();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputRegex();
}
