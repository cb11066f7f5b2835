using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Tests.Infrastructure;
using TrustBridge.Web.Tests.Pages.Shared;

namespace TrustBridge.Web.Tests.Pages.Surveys;

public class RecoveryPageTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    /// <summary>One low answer in department RC, turned into a service-recovery task the way a patient's submission is.</summary>
    private async Task<int> SeedTaskAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var instrument = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Code == ShippedInstruments.Trust10);
        var dept = db.Departments.Add(new Department { Code = "RC", Name = "康复科" }).Entity;
        await db.SaveChangesAsync();
        var (s, _) = ResponseScoring.Score(instrument, instrument.Items.ToDictionary(i => i.Code, i => (string?)(i.Reverse ? "5" : "1")));
        var response = new SurveyResponse
        {
            ResponseKey = "RC-1", InstrumentId = instrument.Id, DepartmentId = dept.Id, Source = ResponseSources.Invitation, EncounterDate = new DateOnly(2026, 10, 3),
            SubmittedAt = DateTime.UtcNow, Answers = s!.Answers, Score = s.Score, Trusts = s.Trusts, Comment = "护士态度冷淡",
        };
        db.SurveyResponses.Add(response);
        var task = db.ServiceRecoveryTasks.Add(ServiceRecovery.TaskFor(response, ServiceRecovery.ReasonFor(response)!, DateTime.UtcNow)).Entity;
        await db.SaveChangesAsync();
        return task.Id;
    }

    [Fact]
    public async Task The_office_closes_a_task_with_notes_and_others_only_read_within_their_scope()
    {
        var id = await SeedTaskAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.recovery@test.local", ["PatientRelations"]);
        var list = await office.GetHtmlAsync("/Staff/Surveys/Recovery");
        list.ShouldContain($"data-task=\"{id}\"");
        list.ShouldContain("护士态度冷淡");

        var closed = await office.PostFormAsync("/Staff/Surveys/Recovery", $"/Staff/Surveys/Recovery?id={id}",
            new Dictionary<string, string> { ["newStatus"] = "done", ["notes"] = "已电话致歉，患者表示理解" });
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var done = await office.GetHtmlAsync("/Staff/Surveys/Recovery?status=done");
        done.ShouldContain("已电话致歉，患者表示理解");
        done.ShouldContain("<span class=\"badge text-bg-secondary task-status\">已办结</span>");
        (await office.GetHtmlAsync("/Staff/Surveys/Recovery?status=open")).ShouldNotContain($"data-task=\"{id}\"");

        var supervisor = await CookieBrowser.WithRolesAsync(app, "sup.recovery@test.local", ["Supervisor"]);
        var read = await supervisor.GetHtmlAsync("/Staff/Surveys/Recovery");
        read.ShouldContain("已电话致歉，患者表示理解");
        read.ShouldNotContain("name=\"newStatus\"");
        (await supervisor.PostFormAsync("/Staff/Surveys/Recovery", $"/Staff/Surveys/Recovery?id={id}", new Dictionary<string, string> { ["newStatus"] = "open" }))
            .Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");

        await RegistrySeed.DepartmentAsync(app, "RD", "皮肤科");
        var otherHead = await CookieBrowser.WithRolesAsync(app, "head.rd.recovery@test.local", ["DepartmentHead"], ["RD"]);
        (await otherHead.GetHtmlAsync("/Staff/Surveys/Recovery")).ShouldNotContain($"data-task=\"{id}\"");
    }
}
