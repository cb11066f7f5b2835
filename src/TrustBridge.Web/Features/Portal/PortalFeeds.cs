using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Portal;

/// <summary>sitemap.xml, the Atom feed of articles and 您说·我们做, and the large-text switch (a link: no JavaScript).</summary>
internal static class PortalFeeds
{
    public static string BaseUrl(HttpRequest r, PortalOptions o) => (o.PublicBaseUrl ?? $"{r.Scheme}://{r.Host}").TrimEnd('/');

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", async (HttpContext http, TrustDbContext db, PortalContent content, IOptions<PortalOptions> options, CancellationToken ct) =>
        {
            var root = BaseUrl(http.Request, options.Value);
            XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            var paths = new List<string> { "/Public", "/Public/About", "/Public/Departments", "/Public/Doctors", "/Public/Guides", "/Public/Faq",
                "/Public/Catalogue", "/Public/Prices", "/Public/Prices?kind=drug", "/Public/Results", "/Public/YouSaidWeDid", "/Public/Articles", "/Public/Events" };
            paths.AddRange(await db.Departments.AsNoTracking().Where(d => d.Active && d.Kind != DepartmentKinds.Admin).OrderBy(d => d.Code)
                .Select(d => "/Public/Departments/" + d.Code).ToListAsync(ct));
            paths.AddRange(await db.Staff.AsNoTracking().Where(s => s.Active && db.ClinicSessions.Any(c => c.StaffId == s.Id)).OrderBy(s => s.Code)
                .Select(s => "/Public/Doctors/" + s.Code).ToListAsync(ct));
            foreach (var p in await content.AllAsync(ct))
                if (p.Kind is PortalPageKinds.Guide or PortalPageKinds.Article or PortalPageKinds.Catalogue) paths.Add(PortalContent.PathOf(p.Kind, p.Slug));
            var doc = new XDocument(new XElement(ns + "urlset", paths.Distinct().Select(p => new XElement(ns + "url", new XElement(ns + "loc", root + p)))));
            return Results.Text(doc.Declaration + doc.ToString(SaveOptions.DisableFormatting), "application/xml; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/Public/feed.atom", async (HttpContext http, PortalContent content, YouSaidWeDidBook book, HospitalClock clock,
            IConfiguration configuration, IOptions<PortalOptions> options, CancellationToken ct) =>
        {
            var root = BaseUrl(http.Request, options.Value);
            XNamespace a = "http://www.w3.org/2005/Atom";
            var hospital = configuration["Hospital:Name"] is { Length: > 0 } n ? n : "医院";
            var entries = (await content.ListAsync(PortalPageKinds.Article, ct)).Select(p => (Title: p.Title, Url: root + PortalContent.PathOf(p.Kind, p.Slug),
                    Updated: p.PublishedAt, Summary: p.Description))
                .Concat((await book.PublishedAsync(null, ct)).Take(50).Select(y => (Title: $"您说·我们做 {y.Quarter} {y.DepartmentName}", Url: $"{root}/Public/YouSaidWeDid?quarter={y.Quarter}#ysw-{y.Id}",
                    Updated: clock.StartOfDayUtc(y.DoneOn ?? QuarterStart(y.Quarter)), Summary: $"您说：{y.Said} 我们做：{y.Did}")))
                .OrderByDescending(e => e.Updated).ToList();
            string Time(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var feed = new XElement(a + "feed",
                new XElement(a + "title", $"{hospital} 健康科普与您说·我们做"), new XElement(a + "id", root + "/Public/feed.atom"),
                new XElement(a + "link", new XAttribute("rel", "self"), new XAttribute("href", root + "/Public/feed.atom")),
                new XElement(a + "updated", Time(entries.Count > 0 ? entries[0].Updated : clock.UtcNow)),
                new XElement(a + "author", new XElement(a + "name", hospital)),
                entries.Select(e => new XElement(a + "entry", new XElement(a + "title", e.Title), new XElement(a + "id", e.Url),
                    new XElement(a + "link", new XAttribute("href", e.Url)), new XElement(a + "updated", Time(e.Updated)), new XElement(a + "summary", e.Summary))));
            return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + feed.ToString(SaveOptions.DisableFormatting), "application/atom+xml; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/Public/TextSize", (string? size, string? returnUrl, HttpContext http) =>
        {
            http.Response.Cookies.Append(PublicCache.TextSizeCookie, size == "large" ? "large" : "normal",
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = returnUrl is { Length: > 1 } && returnUrl[0] == '/' && returnUrl[1] is not ('/' or '\\') ? returnUrl : "/Public";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static DateOnly QuarterStart(string quarter) =>
        new(int.Parse(quarter[..4], CultureInfo.InvariantCulture), (quarter[5] - '1') * 3 + 1, 1);
}
