using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Calendar;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Features.Surveys;

public sealed record SurveyJobsResult(bool Ran, int Reminders, int PlansOpened);

/// <summary>
/// The survey work nobody should have to remember: one reminder for unanswered invitations, and improvement plans for
/// departments that ended the last complete quarter as low-alarm. On PostgreSQL a session advisory lock lets only one
/// web node run it at a time; both steps are idempotent anyway.
/// </summary>
public sealed class RunSurveyJobs(TrustDbContext db, DatabaseOptions database, SendWaveInvitations invitations,
    OpenImprovementPlans plans, HospitalClock clock, ILogger<RunSurveyJobs> log)
{
    private const long JobLockKey = 0x7375727679; // "survy"

    public async Task<SurveyJobsResult> RunOnceAsync(CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await JobLock.TryTakeAsync(db, database, JobLockKey, ct)) return new SurveyJobsResult(false, 0, 0);
            var reminders = await invitations.RemindAsync(ct);
            var opened = 0;
            var (from, to) = Quarters.LastComplete(clock.Today);
            var instruments = await db.SurveyResponses.Where(r => r.EncounterDate >= from && r.EncounterDate <= to)
                .Select(r => r.Instrument!.Code).Distinct().ToListAsync(ct);
            foreach (var code in instruments) opened += (await plans.RunAsync(code, from, to, ct)).Count;
            await JobLock.ReleaseAsync(db, database, JobLockKey, ct);
            if (reminders + opened > 0) log.LogInformation("Survey jobs: {Reminders} reminders queued, {Plans} improvement plans opened", reminders, opened);
            return new SurveyJobsResult(true, reminders, opened);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Runs <see cref="RunSurveyJobs"/> every Surveys:JobIntervalMinutes (default 60) on each web node.</summary>
public sealed class SurveyJobs(IServiceScopeFactory scopes, IConfiguration configuration, Health.StartupState startup, ILogger<SurveyJobs> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Surveys:JobsEnabled", true)) return;
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Surveys:JobIntervalMinutes", 60)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (startup.DatabaseReady)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<RunSurveyJobs>().RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The survey jobs failed; they will run again.");
            }
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
