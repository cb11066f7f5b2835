using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrustBridge.E2E;

/// <summary>The dispute queue and page in real Chromium on desktop and phone: the worked clock, the compensation form, no sideways scrolling.</summary>
[Collection(AppCollection.Name)]
public sealed class DisputePagesTests(TrustBridgeApp app)
{
    private static int _id;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private async Task<int> DisputeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_id != 0) return _id;
            using var office = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            var login = await office.PostAsJsonAsync("/api/auth/login", new { email = "yhb@e2e.local", password = SeedData.UserPassword });
            login.EnsureSuccessStatusCode();
            office.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            async Task<JsonElement> Post(string path, object body)
            {
                var resp = await office.PostAsJsonAsync(path, body);
                var text = await resp.Content.ReadAsStringAsync();
                resp.IsSuccessStatusCode.ShouldBeTrue(text);
                return JsonDocument.Parse(text).RootElement.Clone();
            }
            var id = (await Post("/api/disputes", new
            {
                departmentCodes = new[] { "WK" }, staffCodes = new[] { "D002" }, claim = "阑尾切除术后切口感染，二次清创，要求赔偿医疗费、误工费和精神损害抚慰金",
                claimedAmount = 160000m, arisenOn = "2026-09-20", severity = "severe", patientName = "刘先生", reportedBy = "患者本人",
            })).GetProperty("id").GetInt32();
            await Post($"/api/disputes/{id}/duties", new { duty = "routes", toldOn = "2026-09-20", toldBy = "医患办 刘敏", toldWhom = "患者本人" });
            await Post($"/api/disputes/{id}/seals", new { kind = "records", form = "copies", contents = "住院病历复制件全套", hospitalSigner = "医务科 王磊", familySigner = "患者本人" });
            await Post($"/api/disputes/{id}/routes", new { route = "people-mediation", acceptedOn = "2026-09-24", body = "市医疗纠纷人民调解委员会" });
            await Post($"/api/disputes/{id}/appraisals", new { body = "市医学会", commissionedOn = "2026-10-12", opinionOn = "2026-10-23", fee = 3500m, feePrepaidBy = "hospital", harm = true, fault = true, liability = "major", liabilityPercent = 70m });
            await Post($"/api/disputes/{id}/compensation/lines", new { lines = new object[] { new { item = "medical", claimed = 60000m, agreed = 45000m }, new { item = "lost-earnings", claimed = 70000m, agreed = 53100m }, new { item = "mental-distress", claimed = 30000m, agreed = 10000m } } });
            await Post($"/api/disputes/{id}/payments", new { payer = "hospital", amount = 30000m, paidOn = "2026-11-20" });
            return _id = id;
        }
        finally { Gate.Release(); }
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task The_office_opens_a_dispute_from_the_queue_sees_its_clocks_and_records_a_payment(string viewport)
    {
        var id = await DisputeAsync();
        await using var s = await BrowserSession.OpenAsync(app, viewport);
        await s.LoginAsync("yhb@e2e.local", SeedData.UserPassword);
        await s.Page.GotoAsync("/Staff/Disputes");
        await s.Page.WaitForSelectorAsync($"a[href='/Staff/Disputes/{id}']");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("disputes-queue");

        await s.Page.ClickAsync($"a[href='/Staff/Disputes/{id}']");
        await s.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/Staff/Disputes/{id}");
        (await s.Page.TextContentAsync(".route-due"))!.ShouldContain("2026-11-26 23:59");
        (await s.Page.TextContentAsync(".appraisal .liability"))!.ShouldContain("主要责任");
        (await s.Page.TextContentAsync(".comp-agreed"))!.ShouldContain("108,100.00");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("dispute-page");

        if (viewport == Viewports.Desktop)
        {
            await s.Page.ClickAsync("#compensation summary");
            await s.Page.SelectOptionAsync("#pay-payer", "insurer");
            await s.Page.FillAsync("#pay-amount", "1000");
            await s.Page.FillAsync("#pay-on", "2026-11-25");
            await s.Page.ClickAsync("#compensation details form button[type=submit]");
            await s.Page.WaitForSelectorAsync(".alert-success");
            (await s.Page.TextContentAsync(".comp-paid"))!.ShouldContain("31,000.00");

            await s.Page.GotoAsync("/Staff/Disputes/Analytics?year=2026");
            await s.Page.WaitForSelectorAsync("#year-chart svg");
            (await s.Page.TextContentAsync("#by-department"))!.ShouldContain("外科");
            await s.ShouldNotScrollSidewaysAsync();
            await s.ScreenshotAsync("disputes-analytics");
        }
    }
}
