using System.Net.Http.Json;
using static TrustBridge.Web.Tests.Assessment.AssessmentFixture;

namespace TrustBridge.Web.Tests.Assessment;

/// <summary>The issue's bad input: 4xx problem details naming the field.</summary>
public class AssessmentBadInputTests(AssessmentFixture app) : IClassFixture<AssessmentFixture>
{
    [Fact]
    public async Task Weights_not_adding_up_and_a_target_outside_the_range_name_the_field()
    {
        await app.SeedAsync();
        var admin = await app.AdminClientAsync();
        (await ProblemFieldAsync(await admin.PostAsJsonAsync("/api/assessment/weights", new
        {
            effectiveFrom = "2026-07-01", indicators = new object[] { new { code = "trust-index", weight = 60m, target = 80.0 }, new { code = "training", weight = 30m, target = 0.9 } },
        }))).ShouldBe("weights");
        (await ProblemFieldAsync(await admin.PostAsJsonAsync("/api/assessment/weights", new
        {
            effectiveFrom = "2026-07-01", indicators = new object[] { new { code = "trust-index", weight = 50m, target = 80.0 }, new { code = "trusting-rate", weight = 50m, target = 1.5 } },
        }))).ShouldBe("indicators[1].target");
        (await ProblemFieldAsync(await admin.GetAsync("/api/assessment/departments?period=2026Q5"))).ShouldBe("period");
        var office = await app.ClientWithRolesAsync("office.badw@test.local", [Domain.Roles.PatientRelations]);
        (await office.PostAsJsonAsync("/api/assessment/weights", TrainingWeights("2026-07-01"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/assessment/weights")).GetArrayLength().ShouldBe(1); // only the shipped version
    }

    [Fact]
    public async Task Negative_hours_and_a_scan_for_a_session_not_today_name_the_field()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.badt@test.local", [Domain.Roles.PatientRelations]);
        (await ProblemFieldAsync(await office.PostAsJsonAsync("/api/training/credits", new
        {
            staffCode = "N1", earnedOn = "2026-06-01", title = "省级项目", level = "provincial", creditClass = "I", role = "learner", hours = -6m,
        }))).ShouldBe("hours");
        (await ProblemFieldAsync(await office.PostAsJsonAsync("/api/training/credits", new
        {
            staffCode = "NOPE", earnedOn = "2026-06-01", title = "省级项目", level = "provincial", creditClass = "I", role = "learner", hours = 6m,
        }))).ShouldBe("staffCode");
        (await ProblemFieldAsync(await office.PostAsJsonAsync("/api/training/sessions", new
        {
            courseCode = "aidet", heldOn = "2026-06-01", trainer = "王", place = "礼堂", capacity = 10, level = "hospital", creditClass = "II", hours = -1m, credits = 1m,
        }))).ShouldBe("hours");
        var tomorrow = await JsonAsync(await office.PostAsJsonAsync("/api/training/sessions", new
        {
            courseCode = "aidet", heldOn = app.Today.AddDays(1).ToString("yyyy-MM-dd"), trainer = "王", place = "礼堂", capacity = 10, level = "hospital", creditClass = "II", hours = 2m, credits = 1m,
        }), 201);
        var nurse = await app.LoginAsync(NurseEmail, Infrastructure.TrustBridgeFactory.UserPassword);
        (await ProblemFieldAsync(await nurse.PostAsync($"/api/training/scan/{tomorrow.GetProperty("scanToken").GetString()}", null))).ShouldBe("session");
        (await nurse.PostAsync("/api/training/scan/0000", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
