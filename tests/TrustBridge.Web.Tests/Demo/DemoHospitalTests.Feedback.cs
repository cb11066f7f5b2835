using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Demo;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Tests.Demo;

public partial class DemoHospitalTests
{
    [Fact]
    public async Task A_year_of_feedback_cases_of_every_kind_with_calendar_deadlines_history_and_no_open_alert()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<HospitalClock>();
        var calendar = await scope.ServiceProvider.GetRequiredService<HospitalCalendar>().LoadAsync();
        var cases = await db.FeedbackCases.AsNoTracking().Include(c => c.Departments).ToListAsync();
        cases.Count.ShouldBe(DemoFeedbackCases.CountFor(DemoSize.Small));

        cases.Select(c => c.Type).Distinct().Order().ShouldBe(FeedbackTypes.All.Order());
        cases.Select(c => c.Category).Distinct().Order().ShouldBe(FeedbackCategories.All.Order());
        cases.Select(c => c.Channel).Distinct().Order().ShouldBe(FeedbackChannels.All.Order());
        cases.Select(c => c.RiskLevel).Distinct().Order().ShouldBe(RiskLevels.All.Order());
        var high = cases.Where(c => c.RiskLevel == RiskLevels.High).ToList();
        high.Count.ShouldBeInRange(2, 15);
        high.ShouldAllBe(c => c.AlertAcknowledgedAt != null); // the demo opens without a red banner
        cases.ShouldAllBe(c => c.ReceivedAt >= clock.StartOfDayUtc(clock.Today.AddYears(-1).AddDays(1)) && c.ReceivedAt <= clock.UtcNow);

        // Deadlines are the hospital calendar's.
        foreach (var c in cases.Take(40))
        {
            var expected = CaseDeadlines.For(calendar, clock, c.ReceivedAt, c.RiskLevel, c.Type == FeedbackTypes.Complaint ? c.Departments.Count : 1);
            (c.AcknowledgeBy, c.DueBy, c.RemindAt).ShouldBe((expected.AcknowledgeBy, expected.DueBy, expected.RemindAt));
        }

        var replied = cases.Where(c => c.RepliedAt != null).ToList();
        replied.Count.ShouldBeGreaterThan(cases.Count / 3);
        replied.ShouldAllBe(c => c.Reply != null && c.RepliedAt >= c.ReceivedAt);
        replied.Count(c => c.RepliedAt > c.DueBy).ShouldBeGreaterThan(0);
        cases.Count(c => c.PatientRating != null).ShouldBeGreaterThan(10);
        cases.Count(c => c.Status == CaseStatuses.Closed).ShouldBeGreaterThan(10);
        cases.Count(c => CaseStatuses.Open.Contains(c.Status) && c.DueBy < clock.UtcNow).ShouldBeGreaterThan(0); // some overdue
        var praise = cases.Where(c => c.Type == FeedbackTypes.Praise).ToList();
        praise.Count(c => c.StaffId != null).ShouldBeGreaterThan(praise.Count / 2);
        cases.Where(c => c.MobileHash != null).GroupBy(c => c.MobileHash).Count(g => g.Count() >= 2).ShouldBeGreaterThanOrEqualTo(2);
        cases.Where(c => c.MobileMasked != null).ShouldAllBe(c => c.MobileMasked!.Contains('*'));
        cases.Select(c => c.Content).Distinct().Count().ShouldBeGreaterThan(cases.Count / 2);

        var withHistory = await db.FeedbackCaseEvents.Select(e => e.CaseId).Distinct().CountAsync();
        withHistory.ShouldBe(cases.Count);

        // The analytics over the default period (the last 12 months) count every one of them.
        var office = await app.LoginAsync("office@demo.local", DemoHospitalFactory.Password);
        var report = await office.GetFromJsonAsync<JsonElement>("/api/feedback/analytics");
        report.GetProperty("total").GetInt32().ShouldBe(cases.Count);
        report.GetProperty("byMonth").GetArrayLength().ShouldBeInRange(12, 13);
        report.GetProperty("repeatComplainants").GetProperty("people").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        report.GetProperty("onTime").GetProperty("value").GetDouble().ShouldBeInRange(0.6, 0.98);
    }
}
