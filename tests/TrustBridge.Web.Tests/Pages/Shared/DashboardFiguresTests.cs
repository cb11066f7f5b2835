using System.Text.RegularExpressions;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages.Shared;

public class DashboardFiguresTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task The_dashboard_counts_recent_encounters_by_type_and_month_and_ranks_departments()
    {
        await RegistrySeed.PatientAsync(app, "P-DASH-1", "林小红", "13800001234", "DSH"); // one inpatient stay started 3 days ago
        await RegistrySeed.PatientAsync(app, "P-DASH-2", "林小明", "13800004321", "DSH");
        var html = await (await CookieBrowser.AdminAsync(app)).GetHtmlAsync("/Staff");

        html.ShouldNotContain("id=\"dashboard-empty\"");
        StatValue(html, "/Staff/Patients").ShouldBe("2");
        StatValue(html, "/Staff/Patients/Encounters").ShouldBe("2");
        StatValue(html, "/Staff/Patients/Encounters?type=inpatient").ShouldBe("2");
        StatValue(html, "/Staff/Patients/Encounters?type=outpatient").ShouldBe("0");

        var month = DateTime.UtcNow.AddDays(-3).AddHours(8).ToString("yyyy-MM");
        html.ShouldContain($"<tr><td class=\"nowrap\">{month}</td><td class=\"text-end\">0</td><td class=\"text-end\">2</td><td class=\"text-end\">0</td><td class=\"text-end\">2</td></tr>");
        Regex.Matches(html, "<tr><td class=\"nowrap\">20\\d\\d-\\d\\d</td>").Count.ShouldBe(24);
        html.ShouldContain("href=\"/Staff/Organization/Departments/Detail/DSH\">DSH科</a>");
        html.ShouldContain("\"months\":[");
    }

    private static string StatValue(string html, string href)
    {
        html = html[html.IndexOf("id=\"dashboard-counts\"", StringComparison.Ordinal)..];
        var m = Regex.Match(html, $"class=\"card stat-card h-100 text-decoration-none\" href=\"{Regex.Escape(href)}\">.*?<div class=\"stat-value text-body\">([^<]+)</div>", RegexOptions.Singleline);
        m.Success.ShouldBeTrue($"no figure linked to {href}");
        return m.Groups[1].Value;
    }
}
