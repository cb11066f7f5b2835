using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Feedback;

public sealed record FeedbackJobsResult(bool Ran, int Reminders, int Breaches, int AlertsOverdue, int SecondLooksOverdue = 0);

/// <summary>
/// The deadlines nobody should have to watch: at 80% of the time the owner is reminded (no owner: the office lead);
/// past the deadline the office lead and the heads of the case's departments are told (超时升级); a high-risk alert
/// nobody acknowledged within 30 minutes goes to the office lead once more. Each happens once per case: the first two
/// are marked on the case, the third by its history entry. On PostgreSQL a session advisory lock lets one node run it.
/// </summary>
public sealed class RunFeedbackJobs(TrustDbContext db, DatabaseOptions database, CaseNotifications notify, HospitalClock clock,
    IOptions<FeedbackOptions> options, ILogger<RunFeedbackJobs> log)
{
    private const long JobLockKey = 0x6664626b6a62; // "fdbkjb"
    public const string ReminderEvent = "reminder";
    public const string BreachEvent = "breach";
    public const string AlertOverdueEvent = "alert-overdue";
    /// <summary>Cases handled per run and step, so a backlog is worked off in bounded steps.</summary>
    public const int Batch = 500;

    private static readonly Submitter System = new(null, "system", true);

    public async Task<FeedbackJobsResult> RunOnceAsync(CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await JobLock.TryTakeAsync(db, database, JobLockKey, ct)) return new FeedbackJobsResult(false, 0, 0, 0);
            try
            {
                var now = clock.UtcNow;
                var reminders = await RemindAsync(now, ct);
                var breaches = await EscalateAsync(now, ct);
                var alerts = await AlertOverdueAsync(now, ct);
                var looks = await SecondLookOverdueAsync(now, ct);
                if (reminders + breaches + alerts + looks > 0)
                    log.LogInformation("Feedback jobs: {Reminders} reminders, {Breaches} breach escalations, {Alerts} overdue high-risk alerts, {Looks} overdue second looks", reminders, breaches, alerts, looks);
                return new FeedbackJobsResult(true, reminders, breaches, alerts, looks);
            }
            finally
            {
                await JobLock.ReleaseAsync(db, database, JobLockKey, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private IQueryable<FeedbackCase> OpenCases => db.FeedbackCases.Where(c => CaseStatuses.Open.Contains(c.Status));

    private async Task<int> RemindAsync(DateTime now, CancellationToken ct)
    {
        var due = await OpenCases.Where(c => c.ReminderSentAt == null && c.RemindAt <= now).OrderBy(c => c.RemindAt).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var ownerIds = due.Where(c => c.OwnerUserId != null).Select(c => c.OwnerUserId!).Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => new AlertRecipient { Name = u.DisplayName, Channel = "email", Address = u.Email! }, ct);
        var history = new CaseHistory(db, now);
        foreach (var c in due)
        {
            string to;
            if (c.OwnerUserId is { } id && owners.TryGetValue(id, out var owner)) { notify.Remind(c, owner); to = owner.Name; }
            else { foreach (var lead in options.Value.OfficeLead) notify.Remind(c, lead); to = "office-lead"; }
            c.ReminderSentAt = now;
            history.Add(c, ReminderEvent, System, null, null, $"到期提醒已发送（{to}）");
        }
        await SaveAsync(ct);
        return due.Count;
    }

    private async Task<int> EscalateAsync(DateTime now, CancellationToken ct)
    {
        var due = await OpenCases.Include(c => c.Departments).Where(c => c.BreachEscalatedAt == null && c.DueBy <= now)
            .OrderBy(c => c.DueBy).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var departmentIds = due.SelectMany(DepartmentsOf).Distinct().ToList();
        var heads = await (from s in db.UserDepartmentScopes
                           join u in db.Users on s.UserId equals u.Id
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == Roles.DepartmentHead && departmentIds.Contains(s.DepartmentId) && u.Email != null
                           select new { s.DepartmentId, u.DisplayName, u.Email }).ToListAsync(ct);
        var history = new CaseHistory(db, now);
        foreach (var c in due)
        {
            var mine = DepartmentsOf(c).ToHashSet();
            var recipients = heads.Where(h => mine.Contains(h.DepartmentId))
                .Select(h => new AlertRecipient { Name = h.DisplayName, Channel = "email", Address = h.Email! }).ToList();
            var sent = notify.Breached(c, recipients);
            c.BreachEscalatedAt = now;
            history.Add(c, BreachEvent, System, null, null, $"已超过答复期限，已通知医患办负责人及科室负责人（{sent}人）");
        }
        await SaveAsync(ct);
        return due.Count;
    }

    private async Task<int> AlertOverdueAsync(DateTime now, CancellationToken ct)
    {
        var due = await OpenCases
            .Where(c => c.RiskLevel == RiskLevels.High && c.AlertAcknowledgedAt == null && c.AcknowledgeBy <= now
                && !db.FeedbackCaseEvents.Any(e => e.CaseId == c.Id && e.Kind == AlertOverdueEvent))
            .OrderBy(c => c.AcknowledgeBy).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var history = new CaseHistory(db, now);
        foreach (var c in due)
        {
            notify.AlertNotAcknowledged(c);
            history.Add(c, AlertOverdueEvent, System, null, null, "高危预警未在30分钟内确认，已再次通知医患办负责人");
        }
        await SaveAsync(ct);
        return due.Count;
    }

    /// <summary>可能高危 not cleared within 2 hours: escalated to the office lead once, like an unacknowledged alert.</summary>
    private async Task<int> SecondLookOverdueAsync(DateTime now, CancellationToken ct)
    {
        var due = await db.FeedbackCases
            .Where(c => c.SecondLookDueBy != null && c.SecondLookDueBy <= now && c.SecondLookClearedAt == null && c.SecondLookEscalatedAt == null
                && c.Status != CaseStatuses.Merged)
            .OrderBy(c => c.SecondLookDueBy).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var history = new CaseHistory(db, now);
        foreach (var c in due)
        {
            notify.SecondLookNotCleared(c);
            c.SecondLookEscalatedAt = now;
            history.Add(c, SecondLook.OverdueEvent, System, null, null, "可能高危复核未在2小时内完成，已通知医患办负责人");
        }
        await SaveAsync(ct);
        return due.Count;
    }

    private static IEnumerable<int> DepartmentsOf(FeedbackCase c) =>
        c.Departments.Select(d => d.DepartmentId).Concat(c.DepartmentId is { } id ? [id] : []).Distinct();

    private async Task SaveAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(database.WriteIsolation, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>Runs <see cref="RunFeedbackJobs"/> every minute on each web node (off with Feedback:JobsEnabled=false).</summary>
public sealed class FeedbackJobs(IServiceScopeFactory scopes, IConfiguration configuration, Health.StartupState startup, ILogger<FeedbackJobs> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Feedback:JobsEnabled", true)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (startup.DatabaseReady)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<RunFeedbackJobs>().RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The feedback jobs failed; they will run again.");
            }
            try { await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
