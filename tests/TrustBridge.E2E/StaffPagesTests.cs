using System.Text;
using Microsoft.Playwright;

namespace TrustBridge.E2E;

/// <summary>The staff pages in real Chromium, on a desktop and on a phone.</summary>
[Collection(AppCollection.Name)]
public sealed class StaffPagesTests(TrustBridgeApp app)
{
    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Staff_member_logs_in_and_sees_the_dashboard_with_figures_and_chart(string viewport)
    {
        await using var s = await BrowserSession.OpenAsync(app, viewport);
        await s.Page.GotoAsync("/Staff");
        new Uri(s.Page.Url).AbsolutePath.ShouldBe("/Account/Login");
        await s.ScreenshotAsync("login");

        await s.Page.FillAsync("#Email", TrustBridgeApp.AdminEmail);
        await s.Page.FillAsync("#Password", "wrong-password-1");
        await s.Page.ClickAsync("form button[type=submit]");
        (await s.Page.TextContentAsync("#login-error"))!.ShouldContain("邮箱或密码错误");

        await s.LoginAsync();
        // Other tests may import more departments into the shared app: at least the seeded ones are counted.
        var departments = await s.Page.TextContentAsync("#dashboard-counts a[href='/Staff/Organization/Departments'] .stat-value");
        int.Parse(departments!.Replace(",", "")).ShouldBeGreaterThanOrEqualTo(SeedData.Departments.Length);
        var patients = await s.Page.TextContentAsync("#dashboard-counts a[href='/Staff/Patients'] .stat-value");
        int.Parse(patients!).ShouldBe(SeedData.Patients.Length);
        await s.Page.WaitForSelectorAsync("#encounters-chart svg"); // ECharts drew the monthly bars
        (await s.Page.TextContentAsync("#top-departments"))!.ShouldNotBeNullOrWhiteSpace();
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("dashboard");

        if (viewport == Viewports.Phone)
        {
            // The menu is folded behind the toggler on a phone and opens on a tap.
            (await s.Page.IsVisibleAsync("#staffNav a[href='/Staff/Patients']")).ShouldBeFalse();
            await s.Page.TapAsync(".navbar-toggler");
            await s.Page.WaitForSelectorAsync("#staffNav a[href='/Staff/Patients']", new() { State = Microsoft.Playwright.WaitForSelectorState.Visible });
            await s.Page.WaitForTimeoutAsync(400); // let the collapse animation finish before the picture
            await s.Page.ScreenshotAsync(new() { Path = Path.Combine(TrustBridgeApp.ScreenshotDir, "menu-phone.png") });
            await s.Page.TapAsync("#staffNav a[href='/Staff/Patients']");
            await s.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Staff/Patients");
        }
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Pages_work_without_javascript(string viewport)
    {
        var context = await app.Browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, JavaScriptEnabled = false,
            ViewportSize = viewport == Viewports.Phone ? new() { Width = 390, Height = 844 } : new() { Width = 1366, Height = 900 },
        });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            await page.FillAsync("#Email", TrustBridgeApp.AdminEmail);
            await page.FillAsync("#Password", TrustBridgeApp.AdminPassword);
            await page.ClickAsync("form button[type=submit]");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Staff");
            // Without JavaScript the menu is open, the chart's table is open, and forms and links still navigate.
            (await page.IsVisibleAsync("#staffNav a[href='/Staff/Patients']")).ShouldBeTrue();
            (await page.IsVisibleAsync("#encounters-table table")).ShouldBeTrue();
            await page.ClickAsync("#staffNav a[href='/Staff/Patients']");
            await page.FillAsync("#q", "王秀英");
            await page.ClickAsync("form[role=search] button[type=submit]");
            (await page.TextContentAsync("#patients"))!.ShouldContain(TrustBridgeApp.MaskedMobile);
            (await page.Locator("#patients tbody tr").CountAsync()).ShouldBe(1);
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Patient_list_masks_mobiles_and_the_detail_reveals_once_on_request(string viewport)
    {
        await using var s = await BrowserSession.OpenAsync(app, viewport);
        await s.LoginAsync();
        await s.Page.GotoAsync("/Staff/Patients");
        var list = await s.Page.ContentAsync();
        list.ShouldContain(TrustBridgeApp.MaskedMobile);
        list.ShouldNotContain(TrustBridgeApp.FullMobile);
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("patients");

        // The search form swaps the list in place (htmx) and keeps the address shareable.
        await s.Page.EvaluateAsync("() => { window.stillHere = true; }");
        await s.Page.FillAsync("#q", "李建国");
        await s.Page.ClickAsync("form[role=search] button[type=submit]");
        await s.Page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        await s.Page.WaitForFunctionAsync("() => document.querySelectorAll('#patients tbody tr').length === 1");
        (await s.Page.TextContentAsync("#patients"))!.ShouldContain("139****1111");
        (await s.Page.EvaluateAsync<bool>("() => window.stillHere === true")).ShouldBeTrue("the list was swapped in place, not reloaded");
        // Switching language comes back to the filtered list, not to the page as first loaded.
        await s.Page.ClickAsync("a.lang-switch");
        await s.Page.WaitForSelectorAsync("html[lang=en]");
        Uri.UnescapeDataString(new Uri(s.Page.Url).Query).ShouldContain("q=李建国");
        (await s.Page.Locator("#patients tbody tr").CountAsync()).ShouldBe(1);
        await s.Page.ClickAsync("a.lang-switch");
        await s.Page.WaitForSelectorAsync("html[lang=zh-CN]");
        await s.Page.GotoAsync("/Staff/Patients");

        await s.Page.ClickAsync($"#patients a[href='/Staff/Patients/Detail/{app.PatientWithMobileId}'] >> nth=0");
        (await s.Page.TextContentAsync("#patient-mobile"))!.Trim().ShouldBe(TrustBridgeApp.MaskedMobile);
        (await s.Page.ContentAsync()).ShouldNotContain(TrustBridgeApp.FullMobile);
        (await s.Page.Locator("#encounter-timeline li").CountAsync()).ShouldBeGreaterThan(0);
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("patient-detail");

        await s.Page.FillAsync("#Reason", "电话回访");
        await s.Page.ClickAsync("#reveal-form button[type=submit]");
        (await s.Page.TextContentAsync("#patient-mobile"))!.Trim().ShouldBe(TrustBridgeApp.FullMobile);
        await s.Page.WaitForSelectorAsync("#revealed-notice");

        // Shown once: opening the page again masks it again.
        await s.Page.GotoAsync($"/Staff/Patients/Detail/{app.PatientWithMobileId}");
        (await s.Page.TextContentAsync("#patient-mobile"))!.Trim().ShouldBe(TrustBridgeApp.MaskedMobile);
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task A_clinician_sees_masked_numbers_without_a_reveal_button_and_no_audit(string viewport)
    {
        await using var s = await BrowserSession.OpenAsync(app, viewport);
        await s.LoginAsync("d001@e2e.local", SeedData.UserPassword);
        (await s.Page.Locator("#staffNav a[href='/Staff/Audit']").CountAsync()).ShouldBe(0);
        await s.Page.GotoAsync("/Staff/Patients");
        var first = s.Page.Locator("#patients tbody tr a").First;
        await first.ClickAsync();
        await s.Page.WaitForSelectorAsync("#patient-mobile");
        (await s.Page.Locator("#reveal-form").CountAsync()).ShouldBe(0);
        await s.Page.GotoAsync("/Staff/Audit");
        (await s.Page.TextContentAsync("#access-denied"))!.ShouldContain("无权访问");
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Registry_and_audit_pages_render_and_fit_the_screen(string viewport)
    {
        await using var s = await BrowserSession.OpenAsync(app, viewport);
        await s.LoginAsync();

        await s.Page.GotoAsync("/Staff/Organization/Departments?q=内科");
        (await s.Page.TextContentAsync("#departments"))!.ShouldContain("心血管内科");
        await s.ShouldNotScrollSidewaysAsync();
        await s.Page.GotoAsync("/Staff/Organization/Departments");
        await s.ScreenshotAsync("departments");

        await s.Page.GotoAsync("/Staff/Organization/Departments/Edit");
        await s.Page.FillAsync("#Form_Code", "NK");
        await s.Page.FillAsync("#Form_Name", "内科（重复）");
        await s.Page.ClickAsync("#department-form button[type=submit]");
        (await s.Page.TextContentAsync("#department-form"))!.ShouldContain("科室代码 NK 已存在。");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("department-edit");

        await s.Page.GotoAsync("/Staff/Organization/Staff/Profile/D001");
        (await s.Page.TextContentAsync("#staff-profile"))!.ShouldContain("张伟");
        (await s.Page.ContentAsync()).ShouldContain("冠心病介入治疗");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("staff-profile");

        await s.Page.GotoAsync("/Staff/Patients/Encounters?type=inpatient");
        (await s.Page.Locator("#encounters tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("encounters");

        await s.Page.GotoAsync("/Staff/Audit");
        await s.Page.ClickAsync("#verify-chain");
        (await s.Page.TextContentAsync("#verification"))!.ShouldContain("哈希链完整");
        (await s.Page.TextContentAsync("#audit-log"))!.ShouldContain("login.succeeded");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("audit");

        await s.Page.GotoAsync("/Staff/Imports");
        await s.Page.WaitForSelectorAsync("#import-form");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("imports");

        await s.Page.GotoAsync("/Staff/Accounts");
        (await s.Page.TextContentAsync("#users"))!.ShouldContain(TrustBridgeApp.AdminEmail);
        await s.ScreenshotAsync("accounts");

        await s.Page.GotoAsync("/Staff/FollowUps");
        (await s.Page.TextContentAsync(".under-construction"))!.ShouldContain("本功能尚在建设中");
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task English_switch_translates_the_navigation_and_keeps_the_page(string viewport)
    {
        await using var s = await BrowserSession.OpenAsync(app, viewport);
        await s.LoginAsync();
        await s.Page.GotoAsync("/Staff/Organization/Departments");
        await s.Page.ClickAsync("a.lang-switch");
        await s.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Staff/Organization/Departments");
        (await s.Page.TextContentAsync("h1"))!.ShouldContain("Departments");
        (await s.Page.GetAttributeAsync("html", "lang")).ShouldBe("en");
        await s.ScreenshotAsync("departments-english");
        await s.Page.ClickAsync("a.lang-switch");
        (await s.Page.TextContentAsync("h1"))!.ShouldContain("科室");
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Import_page_uploads_a_department_csv_and_shows_the_report(string viewport)
    {
        await using var s = await BrowserSession.OpenAsync(app, viewport);
        await s.LoginAsync();
        await s.Page.GotoAsync("/Staff/Imports");
        if (await s.Page.Locator("#importer-off").CountAsync() > 0)
            throw new ShouldAssertException("The import page has no importer: register an IRegistryFileImporter over Features/Imports.");
        var code = viewport == Viewports.Phone ? "PHK" : "DSK";
        var csv = $"code,name,kind,parent_code,active\n{code},{(viewport == Viewports.Phone ? "皮肤科" : "导入测试科")},clinical,,true\n,缺代码的科室,clinical,,true\n";
        await s.Page.SetInputFilesAsync("#Upload", new FilePayload { Name = "departments.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await s.Page.SelectOptionAsync("#Kind", "Departments");
        await s.Page.ClickAsync("#import-form button[type=submit]");
        await s.Page.WaitForSelectorAsync("#import-report");
        (await s.Page.TextContentAsync("#report-inserted"))!.Trim().ShouldBe("1");
        (await s.Page.TextContentAsync("#report-rejected"))!.Trim().ShouldBe("1");
        (await s.Page.TextContentAsync("#row-errors tbody tr td >> nth=0"))!.Trim().ShouldBe("3"); // the line of the rejected row
        (await s.Page.TextContentAsync("#row-errors"))!.ShouldContain("代码为必填项"); // its problem, in the reader's language
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("imports-result");

        await s.Page.GotoAsync($"/Staff/Organization/Departments/Detail/{code}");
        (await s.Page.TextContentAsync("h1"))!.ShouldContain(code);
    }
}
