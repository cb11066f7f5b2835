using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Demo;

namespace TrustBridge.Web.Tests.Demo;

public partial class DemoHospitalTests
{
    [Fact]
    public async Task About_60_disputes_over_two_years_on_every_route_and_outcome_averaging_10_81_wan_paid()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var disputes = await db.Disputes.AsNoTracking().Include(d => d.Routes).Include(d => d.Payments).Include(d => d.CompensationLines).AsSplitQuery().ToListAsync();
        disputes.Count.ShouldBe(DemoDisputes.Count);
        disputes.SelectMany(d => d.Routes.Select(r => r.Route)).Distinct().Order().ShouldBe(DisputeRoutes.All.Order());
        disputes.Where(d => d.Outcome != null).Select(d => d.Outcome!).Distinct().Order().ShouldBe(DisputeOutcomes.All.Order());
        disputes.ShouldContain(d => d.Status == DisputeStatuses.Open);
        (disputes.Max(d => d.ArisenOn).DayNumber - disputes.Min(d => d.ArisenOn).DayNumber).ShouldBeGreaterThan(600);
        var escalated = disputes.Where(d => d.FeedbackCaseId != null).ToList();
        escalated.Count.ShouldBeGreaterThanOrEqualTo(3);
        (await db.FeedbackCases.Where(c => escalated.Select(d => d.FeedbackCaseId).Contains(c.Id)).Select(c => c.Status).Distinct().ToListAsync()).ShouldBe([CaseStatuses.Escalated]);
        var paid = disputes.Select(d => d.Payments.Sum(p => p.Amount)).Where(p => p > 0).ToList();
        (paid.Sum() / paid.Count).ShouldBe(108_100m);
        disputes.ShouldAllBe(d => d.Payments.Sum(p => p.Amount) == d.CompensationLines.Sum(l => l.Agreed) || d.Status == DisputeStatuses.Open);

        var analytics = await (await app.AdminClientAsync()).GetFromJsonAsync<JsonElement>("/api/disputes/analytics");
        analytics.GetProperty("total").GetProperty("averageCompensation").GetDecimal().ShouldBe(108_100m);
    }
}
