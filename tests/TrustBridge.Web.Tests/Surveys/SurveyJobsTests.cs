using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Core.Calendar;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Tests.Trust;

namespace TrustBridge.Web.Tests.Surveys;

/// <summary>The same four departments, answered in the last complete quarter of whenever the test runs.</summary>
public sealed class LastQuarterLowAlarmFixture : LowAlarmFixture
{
    protected override DateOnly AnswerDate(IServiceProvider services) =>
        Quarters.LastComplete(services.GetRequiredService<HospitalClock>().Today).From.AddDays(10);
}

public class SurveyJobsTests(LastQuarterLowAlarmFixture app) : IClassFixture<LastQuarterLowAlarmFixture>
{
    [Fact]
    public async Task The_hourly_job_opens_plans_for_last_quarters_low_alarm_departments_once()
    {
        await app.SeedAsync();
        using var scope = app.Services.CreateScope();
        var jobs = scope.ServiceProvider.GetRequiredService<RunSurveyJobs>();
        var first = await jobs.RunOnceAsync();
        first.Ran.ShouldBeTrue();
        first.PlansOpened.ShouldBe(1);
        (await jobs.RunOnceAsync()).PlansOpened.ShouldBe(0);
        var plan = await scope.ServiceProvider.GetRequiredService<TrustDbContext>().ImprovementPlans.Include(p => p.Department).AsNoTracking().SingleAsync();
        plan.Department!.Code.ShouldBe("L4");
        plan.InstrumentCode.ShouldBe(ShippedInstruments.Trust10);
    }
}
