using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>The patient-facing feedback pages (form, confirmation, tracking) and the staff's QR posters.</summary>
public static class FeedbackPatientFeature
{
    /// <summary>3 files of 5 MB, the text and the multipart framing.</summary>
    public const long MaxFormBytes = Attachments.MaxFiles * (long)Attachments.MaxBytes + 1024 * 1024;

    public static IServiceCollection AddFeedbackPatient(this IServiceCollection services) => services.AddScoped<FeedbackPosters>();

    /// <summary>The page a patient sees when the form was posted too often from one address (not problem JSON).</summary>
    public static async ValueTask WriteTooManyPageAsync(HttpContext http, CancellationToken ct)
    {
        var t = http.RequestServices.GetRequiredService<IStringLocalizer>();
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var encoder = http.RequestServices.GetRequiredService<HtmlEncoder>();
        string E(string chinese) => encoder.Encode(t[chinese].Value);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{(english ? "en" : "zh-CN")}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E("提交过于频繁")}</title>
            <link rel="stylesheet" href="/lib/bootstrap/css/bootstrap.min.css"><link rel="stylesheet" href="/css/patient.css"></head>
            <body class="patient"><main class="container patient-main py-4" id="too-many">
            <h1 class="h3">{E("提交过于频繁")}</h1>
            <p class="lead">{E("为防止滥用，同一网络每分钟只能提交有限次数。请稍等一分钟后返回重试，您填写的内容可用浏览器的“返回”找回。")}</p>
            <p>{E("如情况紧急，请直接联系科室护士站或医院医患沟通办公室。")}</p>
            <p><a class="btn btn-primary btn-lg" href="/Patient/Feedback">{E("返回意见反馈")}</a></p>
            </main></body></html>
            """, ct);
    }
}
