using System.Net;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages.Audit;

public class AuditPageTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task A_supervisor_reads_the_audit_log_and_verifies_the_chain()
    {
        var browser = await CookieBrowser.WithRolesAsync(app, "supervisor.page@test.local", ["Supervisor"]);
        var html = await browser.GetHtmlAsync("/Staff/Audit?action=login.succeeded");
        html.ShouldContain("supervisor.page@test.local");
        html.ShouldContain("login.succeeded");
        html.ShouldNotContain("<code>user.created</code>");

        var verified = await browser.PostFormAsync("/Staff/Audit", "/Staff/Audit?handler=Verify", new Dictionary<string, string>());
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await verified.Content.ReadAsStringAsync()).ShouldContain("哈希链完整");
    }

    [Fact]
    public async Task A_clinician_is_denied_the_audit_page_and_does_not_see_it_in_the_menu()
    {
        var browser = await CookieBrowser.WithRolesAsync(app, "clinician.audit@test.local", ["Clinician"]);
        var resp = await browser.Client.GetAsync("/Staff/Audit");
        resp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        resp.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        var denied = await browser.Client.GetAsync(resp.Headers.Location);
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync()).ShouldContain("无权访问");
        (await browser.GetHtmlAsync("/Staff")).ShouldNotContain("href=\"/Staff/Audit\"");
    }
}
