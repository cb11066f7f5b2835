using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;

namespace TrustBridge.Web.Pages.Patient;

/// <summary>
/// A small patient page written straight from middleware (a rate limiter's rejection), in the patient pages' look and the
/// visitor's language, with every text HTML-encoded.
/// </summary>
public static class PatientNoticePage
{
    public static async ValueTask WriteAsync(HttpContext http, string title, IEnumerable<string> paragraphs, string linkHref, string linkText,
        string? mainId, CancellationToken ct)
    {
        var t = http.RequestServices.GetRequiredService<IStringLocalizer>();
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var encoder = http.RequestServices.GetRequiredService<HtmlEncoder>();
        string E(string chinese) => encoder.Encode(t[chinese].Value);
        var body = string.Concat(paragraphs.Select((p, i) => i == 0 ? $"<p class=\"lead\">{E(p)}</p>" : $"<p>{E(p)}</p>"));
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{(english ? "en" : "zh-CN")}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}</title>
            <link rel="icon" href="/favicon.ico" sizes="32x32"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/lib/bootstrap/css/bootstrap.min.css"><link rel="stylesheet" href="/css/patient.css"></head>
            <body class="patient"><main class="container patient-main py-4"{(mainId is null ? "" : $" id=\"{mainId}\"")}>
            <h1 class="h3">{E(title)}</h1>
            {body}
            <p><a class="btn btn-primary btn-lg" href="{linkHref}">{E(linkText)}</a></p>
            </main></body></html>
            """, ct);
    }
}
