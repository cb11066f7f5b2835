using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;

namespace TrustBridge.Web.Features.Portal;

/// <summary>
/// The office writes the portal in Markdown. Raw HTML is off in the Markdig pipeline (a tag is shown as text) and the
/// HTML it makes goes through HtmlSanitizer as well, so neither a script, an event handler nor a javascript: link can
/// reach a public page even if one slipped past the check on saving. Saving refuses such text outright (the writer
/// learns at once rather than seeing it silently vanish).
/// </summary>
public static partial class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseAutoLinks().Build();

    private static HtmlSanitizer NewSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) s.AllowedSchemes.Add(scheme);
        s.AllowedAttributes.Remove("style");
        s.AllowedTags.Remove("form");
        return s;
    }

    [ThreadStatic] private static HtmlSanitizer? _sanitizer;

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var html = Markdown.ToHtml(markdown, Pipeline);
        return (_sanitizer ??= NewSanitizer()).Sanitize(html);
    }

    /// <summary>Plain text of the Markdown (search snippets and meta descriptions).</summary>
    public static string ToPlainText(string? markdown, int max = 160)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var text = Markdown.ToPlainText(markdown, Pipeline);
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    /// <summary>What is wrong with the text, or null: a script tag, an event-handler attribute or a script link.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (ScriptTag().IsMatch(text)) return "must not contain <script> (HTML is not allowed in the text).";
        if (ScriptLink().IsMatch(text)) return "must not contain javascript:, vbscript: or data: links.";
        if (EventHandler().IsMatch(text)) return "must not contain HTML event handlers (onclick=…, onerror=…).";
        return null;
    }

    [GeneratedRegex(@"<\s*/?\s*script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
    [GeneratedRegex(@"(java|vb)\s*script\s*:|\bdata\s*:\s*text/html", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptLink();
    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
