using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace TrustBridge.E2E;

/// <summary>A patient answers the survey from an SMS link on a phone; the answer reaches the department report.</summary>
[Collection(AppCollection.Name)]
public sealed class PatientSurveyTests(TrustBridgeApp app)
{
    private static readonly string[] Clinical = SeedData.Departments.Where(d => d.Kind == "clinical").Select(d => d.Code).ToArray();

    private async Task<HttpClient> AdminApiAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = TrustBridgeApp.AdminEmail, password = TrustBridgeApp.AdminPassword });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return http;
    }

    /// <summary>A wave over the past year's outpatients; the link of one drawn patient, with its department and visit date.</summary>
    private async Task<(string Token, string DepartmentCode, string DepartmentName, string VisitDate, string From, string To)> InvitationAsync(HttpClient admin)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var from = today.AddDays(-365).ToString("yyyy-MM-dd");
        var to = today.AddDays(-1).ToString("yyyy-MM-dd");
        var resp = await admin.PostAsJsonAsync("/api/surveys/waves", new
        {
            name = "E2E 门诊满意度", instrument = "satisfaction-outpatient", periodFrom = from, periodTo = to,
            departmentCodes = Clinical, margin = 0.3, responseRate = 1.0, seed = 11,
        });
        resp.EnsureSuccessStatusCode();
        var waveId = (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await using var db = new SqliteConnection(app.ConnectionString);
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = """
            SELECT i.token, d.code, d.name, i.encounter_date FROM survey_invitations i JOIN departments d ON d.id = i.department_id
            WHERE i.wave_id = $wave AND i.status = 'pending' ORDER BY i.id LIMIT 1
            """;
        cmd.Parameters.AddWithValue("$wave", waveId);
        await using var r = await cmd.ExecuteReaderAsync();
        (await r.ReadAsync()).ShouldBeTrue("the wave drew nobody");
        return (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), from, to);
    }

    [Fact]
    public async Task A_patient_answers_on_a_phone_and_the_answer_reaches_the_department_report()
    {
        using var admin = await AdminApiAsync();
        var (token, departmentCode, departmentName, visitDate, from, to) = await InvitationAsync(admin);

        await using var s = await BrowserSession.OpenAsync(app, Viewports.Phone);
        await s.Page.GotoAsync($"/s/{token}");
        (await s.Page.TextContentAsync("#survey-about"))!.ShouldContain(departmentName);
        (await s.Page.TextContentAsync("#survey-about"))!.ShouldContain(visitDate);
        (await s.Page.TextContentAsync("#survey-progress-text"))!.ShouldContain("第 1 步，共 4 步");

        // Big tap targets: every answer button is at least 44 px high and as wide as the screen allows.
        foreach (var label in await s.Page.QuerySelectorAllAsync(".scale label"))
        {
            var box = (await label.BoundingBoxAsync())!;
            box.Height.ShouldBeGreaterThanOrEqualTo(44);
            box.Width.ShouldBeGreaterThanOrEqualTo(44);
        }
        await s.Page.TapAsync("label[for=q_A1_5]");
        await s.Page.TapAsync("label[for=q_A2_4]");
        await s.Page.TapAsync("label[for=q_C1_4]");
        (await s.Page.IsCheckedAsync("#q_A1_5")).ShouldBeTrue();
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("survey-step");
        await s.Page.TapAsync("#survey-next");
        await s.Page.WaitForURLAsync(u => u.EndsWith("?step=1"));

        // The patient leaves and comes back later: the link opens where they stopped.
        await s.Page.GotoAsync($"/s/{token}");
        (await s.Page.TextContentAsync("#survey-progress-text"))!.ShouldContain("第 2 步，共 4 步");
        foreach (var code in new[] { "F1", "F2", "O1", "O2" }) await s.Page.TapAsync($"label[for=q_{code}_4]");
        await s.Page.TapAsync("#survey-next");
        await s.Page.WaitForURLAsync(u => u.EndsWith("?step=2"));
        foreach (var code in new[] { "P1", "P2", "E1", "E2" }) await s.Page.TapAsync($"label[for=q_{code}_5]");
        await s.Page.TapAsync("#survey-next");
        await s.Page.WaitForURLAsync(u => u.EndsWith("?step=3"));
        await s.Page.TapAsync("label[for=q_V1_5]");
        await s.Page.TapAsync("label[for=q_OVERALL_9]");
        await s.Page.TapAsync("label[for=q_RECOMMEND_10]");
        await s.Page.FillAsync("#q_COMMENT", "医生讲解很清楚，谢谢！");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("survey-last-step");
        await s.Page.TapAsync("#survey-submit");
        await s.Page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/Patient/Thanks");
        (await s.Page.TextContentAsync("#thanks"))!.ShouldContain("感谢您的评价");
        await s.ShouldNotScrollSidewaysAsync();
        await s.ScreenshotAsync("survey-thanks");

        await s.Page.GotoAsync($"/s/{token}");
        (await s.Page.GetAttributeAsync("#link-state", "data-state")).ShouldBe("answered");

        var report = await admin.GetFromJsonAsync<JsonElement>($"/api/trust/report?instrument=satisfaction-outpatient&from={from}&to={to}");
        var unit = report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == departmentCode);
        unit.GetProperty("n").GetInt32().ShouldBe(1);
        // One answer is below the reportable n: the report counts it but shows no figure (MEASUREMENT.md).
        unit.GetProperty("trustIndex").ValueKind.ShouldBe(JsonValueKind.Null);
        unit.GetProperty("status").GetString().ShouldBe("insufficient-sample");
        // Its score is still stored: 15 items, 12 answered: 5,4,4 + 4×4 + 4×5 + 5 = 54 → mean 4.5 → (4.5 − 1) × 25 = 87.5
        await using var db = new SqliteConnection(app.ConnectionString);
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT r.score FROM survey_responses r JOIN departments d ON d.id = r.department_id WHERE d.code = $code ORDER BY r.id DESC LIMIT 1";
        cmd.Parameters.AddWithValue("$code", departmentCode);
        Convert.ToDouble(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(87.5, 1e-9);
    }

    [Fact]
    public async Task Staff_print_department_qr_posters_that_open_the_survey()
    {
        await using var s = await BrowserSession.OpenAsync(app, Viewports.Desktop);
        await s.LoginAsync();
        await s.Page.GotoAsync("/Staff/Surveys/Posters?department=XNK");
        (await s.Page.TextContentAsync("#poster-XNK .poster-department"))!.ShouldBe("心血管内科");
        var qr = (await s.Page.QuerySelectorAsync("#poster-XNK img.poster-qr"))!;
        (await qr.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(200);
        await s.ScreenshotAsync("posters");

        // Printed: one poster per A4 page, without the staff navigation.
        await s.Page.GotoAsync("/Staff/Surveys/Posters");
        var posters = await s.Page.Locator(".poster").CountAsync();
        posters.ShouldBeGreaterThanOrEqualTo(Clinical.Length); // other tests may import more departments into the shared app
        var pdf = await s.Page.PdfAsync(new PagePdfOptions { Format = "A4" });
        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
        pages.ShouldBe(posters);

        await using var phone = await BrowserSession.OpenAsync(app, Viewports.Phone);
        await phone.Page.GotoAsync("/q/XNK");
        (await phone.Page.TextContentAsync("#survey-about"))!.ShouldContain("心血管内科");
        await phone.ShouldNotScrollSidewaysAsync();
        await phone.ScreenshotAsync("qr-survey");
    }
}
