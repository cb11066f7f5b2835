using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace TrustBridge.Web.Features.Localization;

/// <summary>Chinese (zh-CN) by default; English when the culture cookie says so. Set by GET /Culture?c=en&amp;returnUrl=/Staff.</summary>
public static class LocalizationFeature
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddUiLocalization(this IServiceCollection services)
    {
        // Chinese text is written as is, not as &#x...; entities (smaller pages, readable source; still HTML-encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<ChineseEnglishLocalizer>();
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<ChineseEnglishLocalizer>());
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Only the visitor's explicit choice switches language, not the browser's Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        // A plain link (no JavaScript, no form) switches language; it only sets a preference cookie.
        app.MapGet("/Culture", (string? c, string? returnUrl, HttpContext http) =>
        {
            var culture = Cultures.FirstOrDefault(x => string.Equals(x.Name, c, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = returnUrl is { Length: > 0 } && IsLocal(returnUrl) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
