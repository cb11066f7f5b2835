using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Portal;

public sealed record SessionInput(int Weekday, string? HalfDay, string? ClinicKind, string? Place);
public sealed record SessionView(int Weekday, string HalfDay, string ClinicKind, string? Place);
public sealed record StopView(DateOnly Date, string HalfDay, string? Reason);
public sealed record DoctorCard(int Id, string Code, string Name, string? Title, string? Specialties, string? Bio, string? DepartmentCode,
    string? DepartmentName, IReadOnlyList<SessionView> Sessions, IReadOnlyList<StopView> Stops);

/// <summary>Doctors' weekly outpatient sessions (出诊时间, weekday × half-day) and stop-clinic notices (停诊) for the portal.</summary>
public sealed class ClinicSchedules(TrustDbContext db, HospitalClock clock, AuditLog audit, PublicCache cache)
{
    public static readonly string[] ClinicKinds = ["普通门诊", "专家门诊", "特需门诊"];
    public const int NoticeDays = 14;

    /// <summary>The doctors who see patients: active staff with a session, of one department or all.</summary>
    public async Task<List<DoctorCard>> DoctorsAsync(string? departmentCode, string? staffCode = null, CancellationToken ct = default)
    {
        var staff = db.Staff.AsNoTracking().Where(s => s.Active && db.ClinicSessions.Any(c => c.StaffId == s.Id));
        if (departmentCode is not null) staff = staff.Where(s => s.Department!.Code == departmentCode);
        if (staffCode is not null) staff = staff.Where(s => s.Code == staffCode);
        var people = await staff.OrderBy(s => s.Code)
            .Select(s => new { s.Id, s.Code, s.Name, s.Title, s.Specialties, s.Bio, DepartmentCode = s.Department!.Code, DepartmentName = s.Department.Name })
            .ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var sessions = (await db.ClinicSessions.AsNoTracking().Where(c => ids.Contains(c.StaffId)).ToListAsync(ct)).ToLookup(c => c.StaffId);
        var today = clock.Today;
        var until = today.AddDays(NoticeDays);
        var stops = (await db.ClinicStops.AsNoTracking().Where(c => ids.Contains(c.StaffId) && c.Date >= today && c.Date <= until).ToListAsync(ct))
            .ToLookup(c => c.StaffId);
        return people.Select(p => new DoctorCard(p.Id, p.Code, p.Name, p.Title, p.Specialties, p.Bio, p.DepartmentCode, p.DepartmentName,
            sessions[p.Id].OrderBy(s => s.Weekday).ThenBy(s => s.HalfDay, StringComparer.Ordinal).Select(s => new SessionView(s.Weekday, s.HalfDay, s.ClinicKind, s.Place)).ToList(),
            stops[p.Id].OrderBy(s => s.Date).Select(s => new StopView(s.Date, s.HalfDay, s.Reason)).ToList())).ToList();
    }

    /// <summary>Replaces a doctor's week. Two sessions on the same weekday and half-day overlap: the second is named as the problem.</summary>
    public async Task<PortalOutcome> SetWeekAsync(string staffCode, IReadOnlyList<SessionInput>? sessions, CancellationToken ct = default)
    {
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Code == staffCode, ct);
        if (staff is null) return new PortalOutcome(NotFound: true);
        var errors = new Dictionary<string, string[]>();
        var seen = new Dictionary<(int, string), int>();
        var list = sessions ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var s = list[i];
            if (s.Weekday is < 1 or > 7) errors[$"sessions[{i}].weekday"] = ["weekday must be 1 (Monday) – 7 (Sunday)."];
            if (s.HalfDay is not (HalfDays.Morning or HalfDays.Afternoon)) errors[$"sessions[{i}].halfDay"] = ["halfDay must be am or pm."];
            if (s.ClinicKind is not null && !ClinicKinds.Contains(s.ClinicKind)) errors[$"sessions[{i}].clinicKind"] = [$"clinicKind must be one of {string.Join(", ", ClinicKinds)}."];
            if (s.Place is { Length: > 100 }) errors[$"sessions[{i}].place"] = ["place must be at most 100 characters."];
            if (s.HalfDay is not null && seen.TryGetValue((s.Weekday, s.HalfDay), out var first))
                errors[$"sessions[{i}]"] = [$"sessions[{i}] overlaps sessions[{first}]: the same weekday and half-day twice."];
            else if (s.HalfDay is not null) seen[(s.Weekday, s.HalfDay)] = i;
        }
        if (errors.Count > 0) return new PortalOutcome(Errors: errors);
        await db.ClinicSessions.Where(c => c.StaffId == staff.Id).ExecuteDeleteAsync(ct);
        db.ClinicSessions.AddRange(list.Select(s => new ClinicSession
        {
            StaffId = staff.Id, Weekday = s.Weekday, HalfDay = s.HalfDay!, ClinicKind = s.ClinicKind ?? ClinicKinds[0], Place = s.Place,
        }));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("portal.schedule-set", "staff", staff.Code, new { sessions = list.Count }, ct);
        await cache.EvictAsync(ct);
        return new PortalOutcome(staff.Id);
    }

    public static string WeekdayName(int d) => d switch { 1 => "周一", 2 => "周二", 3 => "周三", 4 => "周四", 5 => "周五", 6 => "周六", _ => "周日" };
    public static string HalfDayName(string h) => h switch { HalfDays.Morning => "上午", HalfDays.Afternoon => "下午", _ => "全天" };
}
