using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Tests.Feedback;

namespace TrustBridge.Web.Tests.Security;

/// <summary>Issue 16, defect 3: a member the API does not know is a 400 naming it, never silently dropped.</summary>
public class UnknownJsonMembersTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    [Fact]
    public async Task A_misspelt_contact_on_the_public_intake_is_refused_naming_the_member_and_stores_nothing()
    {
        await app.SeedAsync();
        var before = await CountCasesAsync();
        var resp = await app.AnonymousClient().PostAsync("/api/feedback",
            Json("""{"content":"挂号排队等了三个小时","contactPhone":"13800138000","isAdmin":true}"""));
        await ShouldNameAsync(resp, "contactPhone");
        (await CountCasesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_member_in_a_nested_object_is_refused_too()
    {
        var admin = await app.AdminClientAsync();
        var resp = await admin.PutAsync("/api/instruments/unknown-member-test/draft", Json("""
            {"code":"unknown-member-test","titleZh":"测试","titleEn":"Test","items":[{"code":"q1","textZh":"问题","textEn":"Q","scale":"likert5","reverse":false,"dimension":"d","weight":2}]}
            """));
        await ShouldNameAsync(resp, "weight");
    }

    [Fact]
    public async Task An_administrator_cannot_slip_an_unknown_flag_into_a_user()
    {
        var admin = await app.AdminClientAsync();
        var resp = await admin.PostAsync("/api/users", Json("""{"email":"extra@test.local","displayName":"x","password":"User-Pass-1","roles":["Supervisor"],"isAdmin":true}"""));
        await ShouldNameAsync(resp, "isAdmin");
        var list = await admin.GetStringAsync("/api/users?q=extra@test.local");
        list.ShouldNotContain("extra@test.local");
    }

    [Fact]
    public async Task Known_members_still_pass()
    {
        await app.SeedAsync();
        var resp = await app.AnonymousClient().PostAsync("/api/feedback", Json("""{"content":"建议门诊增加自助机","mobile":"13800138000"}"""));
        resp.StatusCode.ShouldBe(HttpStatusCode.Created, await resp.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task ShouldNameAsync(HttpResponseMessage resp, string member)
    {
        var text = await resp.Content.ReadAsStringAsync();
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        resp.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("detail").GetString()!.ShouldContain($"'{member}'");
        problem.GetProperty("errors").TryGetProperty(member, out _).ShouldBeTrue(text);
    }

    private async Task<int> CountCasesAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TrustDbContext>().FeedbackCases.CountAsync();
    }
}
