using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Assessment;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Training;

public sealed record CourseInput(string? Code, string? Title, string? Framework, string? Outline);
public sealed record SessionInput(string? CourseCode, DateOnly? HeldOn, string? Trainer, string? Place, int? Capacity, string? Level, string? CreditClass, decimal? Hours, decimal? Credits);
public sealed record StaffCodesInput(string[]? StaffCodes);
public sealed record CreditInput(string? StaffCode, DateOnly? EarnedOn, string? Title, string? Level, string? CreditClass, string? Role, decimal? Hours, decimal? Credits, string? CertificateNumber);

public sealed record CourseView(int Id, string Code, string Title, string Framework, string[] Outline, bool Shipped);
public sealed record SessionView(int Id, string CourseCode, string CourseTitle, DateOnly HeldOn, string Trainer, string Place, int Capacity, string Level, string CreditClass,
    decimal Hours, decimal Credits, int Enrolled, int Attended, string ScanToken);
public sealed record AttendeeView(string StaffCode, string StaffName, string? DepartmentName, DateTime EnrolledAt, DateTime? AttendedAt, string? AttendedBy);
public sealed record ScanResult(int SessionId, string StaffCode, bool AlreadyRecorded, decimal Credits);

/// <summary>A result of a training operation: the value, or the problems keyed by the field (400), or not found.</summary>
public sealed record TrainingResult<T>(T? Value, Dictionary<string, string[]>? Errors = null, bool NotFound = false)
{
    public static TrainingResult<T> Invalid(string field, string message) => new(default, new() { [field] = [message] });
}

/// <summary>The training office's operations: courses, sessions, enrolment, attendance (list or scan) and credit records.</summary>
public sealed class TrainingWork(TrustDbContext db, AuditLog audit, HospitalClock clock)
{
    public async Task<List<CourseView>> CoursesAsync(CancellationToken ct = default)
    {
        await ShippedCourses.EnsureAsync(db, clock.Time, ct);
        var all = await db.TrainingCourses.AsNoTracking().OrderByDescending(c => c.Shipped).ThenBy(c => c.Code).ToListAsync(ct);
        return all.Select(c => new CourseView(c.Id, c.Code, c.Title, c.Framework, (c.Outline ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), c.Shipped)).ToList();
    }

    public async Task<TrainingResult<CourseView>> AddCourseAsync(CourseInput input, CancellationToken ct = default)
    {
        var code = input.Code?.Trim() ?? "";
        if (code.Length is 0 or > 64) return TrainingResult<CourseView>.Invalid("code", "code is required (at most 64 characters).");
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 200) return TrainingResult<CourseView>.Invalid("title", "title is required (at most 200 characters).");
        var framework = input.Framework?.Trim() ?? "custom";
        if (!ShippedCourses.Frameworks.Contains(framework)) return TrainingResult<CourseView>.Invalid("framework", $"framework is one of {string.Join(", ", ShippedCourses.Frameworks)}.");
        await ShippedCourses.EnsureAsync(db, clock.Time, ct);
        if (await db.TrainingCourses.AnyAsync(c => c.Code == code, ct)) return TrainingResult<CourseView>.Invalid("code", $"A course '{code}' exists.");
        var c = db.TrainingCourses.Add(new TrainingCourse { Code = code, Title = input.Title.Trim(), Framework = framework, Outline = input.Outline?.Trim(), CreatedAt = clock.UtcNow }).Entity;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Created, "training-course", c.Id.ToString(CultureInfo.InvariantCulture), new { code }, ct);
        return new(new CourseView(c.Id, c.Code, c.Title, c.Framework, (c.Outline ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), false));
    }

    public async Task<TrainingResult<SessionView>> AddSessionAsync(SessionInput input, CancellationToken ct = default)
    {
        await ShippedCourses.EnsureAsync(db, clock.Time, ct);
        var course = await db.TrainingCourses.FirstOrDefaultAsync(c => c.Code == (input.CourseCode ?? "").Trim(), ct);
        if (course is null) return TrainingResult<SessionView>.Invalid("courseCode", "Unknown course.");
        if (input.HeldOn is null) return TrainingResult<SessionView>.Invalid("heldOn", "heldOn is required (yyyy-MM-dd).");
        if (string.IsNullOrWhiteSpace(input.Trainer)) return TrainingResult<SessionView>.Invalid("trainer", "trainer is required.");
        if (string.IsNullOrWhiteSpace(input.Place)) return TrainingResult<SessionView>.Invalid("place", "place is required.");
        if (input.Capacity is not (> 0 and <= 10000)) return TrainingResult<SessionView>.Invalid("capacity", "capacity is 1–10000.");
        var level = input.Level ?? CmeLevels.Hospital;
        if (!CmeLevels.All.Contains(level)) return TrainingResult<SessionView>.Invalid("level", $"level is one of {string.Join(", ", CmeLevels.All)}.");
        var cls = input.CreditClass ?? CmeClasses.II;
        if (!CmeClasses.All.Contains(cls)) return TrainingResult<SessionView>.Invalid("creditClass", "creditClass is I or II.");
        if (input.Hours is not { } hours || hours < 0 || hours > 200) return TrainingResult<SessionView>.Invalid("hours", "hours are 0–200, never negative.");
        var credits = input.Credits ?? CmeCreditRules.ForProject(level, CmeRoles.Learner, hours);
        if (credits is not { } cr || cr < 0 || cr > 25) return TrainingResult<SessionView>.Invalid("credits", "credits are 0–25 (required for municipal and hospital sessions).");
        var s = db.TrainingSessions.Add(new TrainingSession
        {
            CourseId = course.Id, HeldOn = input.HeldOn.Value, Trainer = input.Trainer.Trim(), Place = input.Place.Trim(), Capacity = input.Capacity.Value,
            Level = level, CreditClass = cls, Hours = hours, Credits = cr, ScanToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), CreatedAt = clock.UtcNow,
        }).Entity;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Created, "training-session", s.Id.ToString(CultureInfo.InvariantCulture), new { course = course.Code, s.HeldOn }, ct);
        return new((await SessionsAsync(s.Id, ct)).Single());
    }

    public async Task<List<SessionView>> SessionsAsync(int? id = null, CancellationToken ct = default)
    {
        var q = db.TrainingSessions.AsNoTracking();
        if (id is { } one) q = q.Where(s => s.Id == one);
        return await q.OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id).Select(s => new SessionView(s.Id, s.Course!.Code, s.Course.Title, s.HeldOn, s.Trainer, s.Place, s.Capacity,
            s.Level, s.CreditClass, s.Hours, s.Credits, db.TrainingEnrolments.Count(e => e.SessionId == s.Id), db.TrainingEnrolments.Count(e => e.SessionId == s.Id && e.AttendedAt != null), s.ScanToken))
            .Take(500).ToListAsync(ct);
    }

    public async Task<List<AttendeeView>> AttendeesAsync(int sessionId, CancellationToken ct = default) =>
        await db.TrainingEnrolments.AsNoTracking().Where(e => e.SessionId == sessionId).OrderBy(e => e.Staff!.Code)
            .Select(e => new AttendeeView(e.Staff!.Code, e.Staff.Name, e.Staff.Department!.Name, e.EnrolledAt, e.AttendedAt, e.AttendedBy)).ToListAsync(ct);

    /// <summary>Enrols staff (by code); a full session refuses the ones beyond capacity.</summary>
    public async Task<TrainingResult<SessionView>> EnrolAsync(int sessionId, StaffCodesInput input, CancellationToken ct = default)
    {
        var session = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return new(default, NotFound: true);
        var (staff, error) = await StaffAsync(input.StaffCodes, ct);
        if (error is not null) return new(default, error);
        var existing = await db.TrainingEnrolments.Where(e => e.SessionId == sessionId).Select(e => e.StaffId).ToListAsync(ct);
        var adding = staff.Where(s => !existing.Contains(s.Id)).ToList();
        if (existing.Count + adding.Count > session.Capacity) return TrainingResult<SessionView>.Invalid("staffCodes", $"The session holds {session.Capacity}; {existing.Count} are enrolled.");
        foreach (var s in adding) db.TrainingEnrolments.Add(new TrainingEnrolment { SessionId = sessionId, StaffId = s.Id, EnrolledAt = clock.UtcNow });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("training.enrol", "training-session", sessionId.ToString(CultureInfo.InvariantCulture), new { staff = adding.Select(s => s.Code) }, ct);
        return new((await SessionsAsync(sessionId, ct)).Single());
    }

    /// <summary>Attendance by list (the office ticks who came): each attendee gets the session's credit record once.</summary>
    public async Task<TrainingResult<SessionView>> AttendByListAsync(int sessionId, StaffCodesInput input, CancellationToken ct = default)
    {
        var session = await db.TrainingSessions.Include(s => s.Course).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return new(default, NotFound: true);
        var (staff, error) = await StaffAsync(input.StaffCodes, ct);
        if (error is not null) return new(default, error);
        foreach (var s in staff) await AttendAsync(session, s.Id, "list", ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("training.attend", "training-session", sessionId.ToString(CultureInfo.InvariantCulture), new { by = "list", staff = staff.Select(s => s.Code) }, ct);
        return new((await SessionsAsync(sessionId, ct)).Single());
    }

    /// <summary>
    /// A member of staff scanned the session's QR code on her phone: only on the session's day (hospital time), and only
    /// for a user linked to a staff record. Scanning twice records once.
    /// </summary>
    public async Task<TrainingResult<ScanResult>> ScanAsync(string token, int? staffId, CancellationToken ct = default)
    {
        var session = await db.TrainingSessions.Include(s => s.Course).FirstOrDefaultAsync(s => s.ScanToken == token, ct);
        if (session is null) return new(default, NotFound: true);
        if (session.HeldOn != clock.Today)
            return TrainingResult<ScanResult>.Invalid("session", $"The session is held on {session.HeldOn:yyyy-MM-dd}, not today ({clock.Today:yyyy-MM-dd}): attendance is scanned on the day.");
        if (staffId is null) return TrainingResult<ScanResult>.Invalid("staff", "Your account is not linked to a staff record; ask the office to record your attendance.");
        var staff = await db.Staff.AsNoTracking().FirstAsync(s => s.Id == staffId, ct);
        var already = await db.CmeCredits.AnyAsync(c => c.SessionId == session.Id && c.StaffId == staff.Id, ct);
        if (!already)
        {
            var enrolled = await db.TrainingEnrolments.AnyAsync(e => e.SessionId == session.Id && e.StaffId == staff.Id, ct);
            var count = await db.TrainingEnrolments.CountAsync(e => e.SessionId == session.Id, ct);
            if (!enrolled && count >= session.Capacity) return TrainingResult<ScanResult>.Invalid("session", "The session is full.");
            await AttendAsync(session, staff.Id, "scan", ct);
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync("training.attend", "training-session", session.Id.ToString(CultureInfo.InvariantCulture), new { by = "scan", staff = staff.Code }, ct);
        }
        return new(new ScanResult(session.Id, staff.Code, already, session.Credits));
    }

    private async Task AttendAsync(TrainingSession session, int staffId, string by, CancellationToken ct)
    {
        var e = await db.TrainingEnrolments.FirstOrDefaultAsync(x => x.SessionId == session.Id && x.StaffId == staffId, ct)
            ?? db.TrainingEnrolments.Add(new TrainingEnrolment { SessionId = session.Id, StaffId = staffId, EnrolledAt = clock.UtcNow }).Entity;
        if (e.AttendedAt is not null) return;
        e.AttendedAt = clock.UtcNow;
        e.AttendedBy = by;
        db.CmeCredits.Add(new CmeCreditRecord
        {
            StaffId = staffId, Year = session.HeldOn.Year, EarnedOn = session.HeldOn, SessionId = session.Id, Title = session.Course!.Title, Level = session.Level,
            CreditClass = session.CreditClass, Role = CmeRoles.Learner, Hours = session.Hours, Credits = session.Credits, CreatedAt = clock.UtcNow,
        });
    }

    /// <summary>A credit record from a certificate (another hospital's project, a lecture given…).</summary>
    public async Task<TrainingResult<CreditRow>> AddCreditAsync(CreditInput input, string? evidenceName, string? evidencePath, CancellationToken ct = default)
    {
        var staff = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Code == (input.StaffCode ?? "").Trim(), ct);
        if (staff is null) return TrainingResult<CreditRow>.Invalid("staffCode", "Unknown staff member.");
        if (input.EarnedOn is not { } on) return TrainingResult<CreditRow>.Invalid("earnedOn", "earnedOn is required (yyyy-MM-dd).");
        if (on > clock.Today) return TrainingResult<CreditRow>.Invalid("earnedOn", "earnedOn lies in the future.");
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 200) return TrainingResult<CreditRow>.Invalid("title", "title is required (at most 200 characters).");
        var level = input.Level ?? "";
        if (!CmeLevels.All.Contains(level)) return TrainingResult<CreditRow>.Invalid("level", $"level is one of {string.Join(", ", CmeLevels.All)}.");
        var cls = input.CreditClass ?? "";
        if (!CmeClasses.All.Contains(cls)) return TrainingResult<CreditRow>.Invalid("creditClass", "creditClass is I or II.");
        var role = input.Role ?? CmeRoles.Learner;
        if (!CmeRoles.All.Contains(role)) return TrainingResult<CreditRow>.Invalid("role", "role is learner or lecturer.");
        if (input.Hours is not { } hours) return TrainingResult<CreditRow>.Invalid("hours", "hours are required.");
        if (hours < 0) return TrainingResult<CreditRow>.Invalid("hours", "hours are never negative.");
        if (hours > 500) return TrainingResult<CreditRow>.Invalid("hours", "hours are at most 500.");
        var credits = input.Credits ?? CmeCreditRules.ForProject(level, role, hours);
        if (credits is not { } cr) return TrainingResult<CreditRow>.Invalid("credits", "credits are required for municipal and hospital projects.");
        if (cr < 0 || cr > CmeRules.Default.PerProjectMaximum) return TrainingResult<CreditRow>.Invalid("credits", "credits are 0–25 per project.");
        if (input.CertificateNumber is { Length: > 64 }) return TrainingResult<CreditRow>.Invalid("certificateNumber", "At most 64 characters.");
        var r = db.CmeCredits.Add(new CmeCreditRecord
        {
            StaffId = staff.Id, Year = on.Year, EarnedOn = on, Title = input.Title.Trim(), Level = level, CreditClass = cls, Role = role, Hours = hours, Credits = cr,
            CertificateNumber = string.IsNullOrWhiteSpace(input.CertificateNumber) ? null : input.CertificateNumber.Trim(), EvidenceName = evidenceName, EvidencePath = evidencePath,
            CreatedAt = clock.UtcNow,
        }).Entity;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.Created, "cme-credit", r.Id.ToString(CultureInfo.InvariantCulture), new { staff = staff.Code, r.Credits, r.CreditClass, r.Level }, ct);
        return new(new CreditRow(r.Id, r.EarnedOn, r.Title, r.Level, r.CreditClass, r.Role, r.Hours, r.Credits, r.CertificateNumber, false, r.EvidenceName));
    }

    private async Task<(List<Staff> Staff, Dictionary<string, string[]>? Error)> StaffAsync(string[]? codes, CancellationToken ct)
    {
        var wanted = (codes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (wanted.Count == 0) return ([], new() { ["staffCodes"] = ["staffCodes are required."] });
        var found = await db.Staff.AsNoTracking().Where(s => wanted.Contains(s.Code)).ToListAsync(ct);
        var unknown = wanted.Except(found.Select(s => s.Code)).ToList();
        return unknown.Count > 0 ? ([], new() { ["staffCodes"] = [$"Unknown staff: {string.Join(", ", unknown)}."] }) : (found, null);
    }
}
