using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Feedback;
using TrustBridge.Web.Tests.Pages;

namespace TrustBridge.Web.Tests.Security;

/// <summary>Issue 16, defect 8: the four causes of a 500 on bad input answer a 400 naming the field (or an OperationOutcome).</summary>
public class ImplausibleInputTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private static readonly string[] ManyCodes = Enumerable.Range(0, 40_000).Select(i => $"X{i}").ToArray();

    [Fact]
    public async Task Forty_thousand_department_codes_are_a_400_on_users_and_waves()
    {
        await app.SeedAsync();
        var admin = await app.AdminClientAsync();
        await ShouldNameAsync(await admin.PostAsJsonAsync("/api/users", new { email = "many@test.local", displayName = "x", password = "User-Pass-1", roles = new[] { "DepartmentHead" }, departmentCodes = ManyCodes }), "departmentCodes");
        var created = await admin.PostAsJsonAsync("/api/users", new { email = "few@test.local", displayName = "x", password = "User-Pass-1", roles = new[] { "DepartmentHead" }, departmentCodes = new[] { "F1" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await ShouldNameAsync(await admin.PutAsJsonAsync($"/api/users/{id}", new { departmentCodes = ManyCodes }), "departmentCodes");
        await ShouldNameAsync(await admin.PostAsJsonAsync("/api/surveys/waves", new { name = "w", instrument = "trust-10", periodFrom = "2026-01-01", periodTo = "2026-03-31", departmentCodes = ManyCodes }), "departmentCodes");
        await ShouldNameAsync(await app.AnonymousClient().PostAsJsonAsync("/api/feedback", new { content = "太慢了", departmentCodes = ManyCodes }), "departmentCodes");
    }

    [Theory]
    [InlineData("contactDate", "0001-01-01")]
    [InlineData("periodTo", "9999-12-31")]
    [InlineData("periodFrom", "1899-12-31")]
    public async Task A_wave_date_out_of_range_is_a_400_naming_it(string field, string value)
    {
        await app.SeedAsync();
        var admin = await app.AdminClientAsync();
        var body = new Dictionary<string, object> { ["name"] = "w", ["instrument"] = "trust-10", ["periodFrom"] = "2026-01-01", ["periodTo"] = "2026-03-31", ["departmentCodes"] = new[] { "F1" } };
        body[field] = value;
        await ShouldNameAsync(await admin.PostAsJsonAsync("/api/surveys/waves", body), field);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+08:00")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("1899-06-01T10:00:00")]
    public async Task A_case_received_at_an_implausible_time_is_a_400_and_stores_nothing(string receivedAt)
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.dates@test.local", [Roles.PatientRelations]);
        var before = await CountCasesAsync();
        await ShouldNameAsync(await office.PostAsJsonAsync("/api/feedback", new { type = "complaint", content = "医生态度差", channel = "phone", receivedAt }), "receivedAt");
        (await CountCasesAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("/api/feedback?to=9999-12-31", "to")]
    [InlineData("/api/feedback/export?format=csv&to=9999-12-31", "to")]
    [InlineData("/api/feedback/analytics?to=9999-12-31", "to")]
    [InlineData("/api/feedback/analytics/export?format=csv&to=9999-12-31", "to")]
    [InlineData("/api/encounters?to=9999-12-31", "to")]
    [InlineData("/api/encounters/export?format=csv&to=9999-12-31", "to")]
    [InlineData("/api/encounters?from=0001-01-01", "from")]
    [InlineData("/api/feedback?from=0001-01-01&to=2026-01-01", "from")]
    public async Task A_date_range_query_out_of_range_is_a_400_naming_the_parameter(string url, string field)
    {
        await app.SeedAsync();
        var admin = await app.AdminClientAsync();
        await ShouldNameAsync(await admin.GetAsync(url), field);
    }

    [Fact]
    public async Task A_plausible_range_still_answers()
    {
        await app.SeedAsync();
        var admin = await app.AdminClientAsync();
        (await admin.GetAsync("/api/encounters?from=1900-01-01&to=2030-12-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/api/feedback/analytics?from=2025-01-01&to=2026-12-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/Staff/Patients/Encounters?to=9999-12-31")]
    [InlineData("/Staff/Feedback?to=9999-12-31")]
    [InlineData("/Staff/Feedback/Analytics?from=0001-01-01")]
    public async Task A_page_with_an_implausible_date_filter_says_so_instead_of_failing(string url)
    {
        await app.SeedAsync();
        var browser = await CookieBrowser.AdminAsync(app);
        var html = await browser.GetHtmlAsync(url); // 200, not the error page
        if (!url.Contains("Analytics", StringComparison.Ordinal)) // the filter is reported, not applied
            System.Text.RegularExpressions.Regex.IsMatch(html, "class=\"alert[^>]*>[^<]*2026-11-22").ShouldBeTrue(url);
    }

    public static TheoryData<string, byte[]> NotUnicode => new()
    {
        { "/fhir/QuestionnaireResponse", [0xC3, 0x28] },
        { "/fhir/QuestionnaireResponse", "\\ud800"u8.ToArray() },
        { "/fhir/QuestionnaireResponse", "\\udfff\\ud800"u8.ToArray() },
        { "/api/fhir/import", [0xFF, 0xFE] },
        { "/api/fhir/import", "\\udc00"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(NotUnicode))]
    public async Task Fhir_text_that_is_not_unicode_is_an_outcome_not_a_500(string url, byte[] bad)
    {
        var admin = await app.AdminClientAsync();
        foreach (var body in new[]
                 {
                     [.. "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"identifier\":{\"value\":\""u8, .. bad, .. "\"},\"questionnaire\":\"x\"}"u8],
                     [.. "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"resource\":{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"linkId\":\""u8, .. bad, .. "\",\"answer\":[{\"valueString\":\"ok\"}]}]}}]}"u8],
                     [.. "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\",\"identifier\":[{\"value\":\"M"u8, .. bad, .. "\"}],\"name\":[{\"text\":\"x\"}]}}]}"u8],
                     new byte[][] { [.. "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"meta\":{\"source\":\""u8, .. bad, .. "\"}}"u8] }[0],
                 })
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/fhir+json");
            var resp = await admin.PostAsync(url, content);
            var text = await resp.Content.ReadAsStringAsync();
            ((int)resp.StatusCode).ShouldBeInRange(400, 499, Encoding.UTF8.GetString(body) + " → " + text);
            if (url.StartsWith("/fhir", StringComparison.Ordinal)) text.ShouldContain("OperationOutcome");
        }
    }

    private static async Task ShouldNameAsync(HttpResponseMessage resp, string field)
    {
        var text = await resp.Content.ReadAsStringAsync();
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        resp.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(text);
    }

    private async Task<int> CountCasesAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TrustDbContext>().FeedbackCases.CountAsync();
    }
}
