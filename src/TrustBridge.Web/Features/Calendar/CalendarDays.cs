using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Calendar;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Calendar;

/// <summary>A special day: kind holiday or workday, source shipped (the national calendar) or hospital (an administrator's entry).</summary>
public sealed record CalendarDayView(DateOnly Date, string Kind, string Name, string Source);

/// <summary>One day: whether people work, and why it is special if it is.</summary>
public sealed record WorkingDayView(DateOnly Date, bool IsWorkingDay, string? Kind, string? Name, string? Source);

public sealed record CalendarDayInput(string? Kind, string? Name);

public static class CalendarSources
{
    public const string Shipped = "shipped";
    public const string Hospital = "hospital";
}

/// <summary>
/// Reads and edits the working-day calendar deadlines are computed with. Changes are audited; they apply to cases
/// received afterwards (a case's deadlines are fixed when it is received).
/// </summary>
public sealed class CalendarDays(TrustDbContext db, HospitalClock clock, AuditLog audit)
{
    /// <summary>The audit action of a removed entry (the shared list has no deletions yet).</summary>
    public const string Deleted = "deleted";
    public const int MaxName = 50;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Every special day of the year, shipped days merged with the hospital's entries (an entry wins), by date.</summary>
    public async Task<List<CalendarDayView>> ListAsync(int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var days = HospitalCalendar.Shipped.Where(d => d.Date.Year == year)
            .ToDictionary(d => d.Date, d => new CalendarDayView(d.Date, KindOf(d.Kind), d.Name, CalendarSources.Shipped));
        foreach (var e in await db.CalendarDays.AsNoTracking().Where(e => e.Date >= from && e.Date <= to).ToListAsync(ct))
            days[e.Date] = new CalendarDayView(e.Date, e.Kind, e.Name, CalendarSources.Hospital);
        return [.. days.Values.OrderBy(d => d.Date)];
    }

    public async Task<WorkingDayView> DayAsync(DateOnly date, CancellationToken ct = default)
    {
        var entry = await db.CalendarDays.AsNoTracking().FirstOrDefaultAsync(e => e.Date == date, ct);
        if (entry is not null) return new WorkingDayView(date, entry.Kind == CalendarDayKinds.Workday, entry.Kind, entry.Name, CalendarSources.Hospital);
        var shipped = HospitalCalendar.Shipped.FirstOrDefault(d => d.Date == date);
        if (shipped is not null) return new WorkingDayView(date, shipped.Kind == DayKind.Workday, KindOf(shipped.Kind), shipped.Name, CalendarSources.Shipped);
        return new WorkingDayView(date, date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), null, null, null);
    }

    public static Dictionary<string, string[]> Check(CalendarDayInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Kind is not { } kind || !CalendarDayKinds.All.Contains(kind))
            errors["kind"] = [$"Unknown kind '{input.Kind}'; use holiday or workday."];
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = ["Name the day (e.g. 国庆节 or 院庆调休上班)."];
        else if (name.Length > MaxName) errors["name"] = [$"The name is longer than {MaxName} characters."];
        return errors;
    }

    /// <summary>Sets the hospital's entry for a day; returns the errors by field, or the stored day.</summary>
    public async Task<(CalendarDayView? Day, Dictionary<string, string[]> Errors)> SetAsync(DateOnly date, CalendarDayInput input, string? userId, CancellationToken ct = default)
    {
        var errors = Check(input);
        if (date.Year is < MinYear or > MaxYear) errors["date"] = [$"Give a date in {MinYear}–{MaxYear}."];
        if (errors.Count > 0) return (null, errors);
        var name = input.Name!.Trim();
        var entry = await db.CalendarDays.FirstOrDefaultAsync(e => e.Date == date, ct);
        var before = entry is null ? null : new { entry.Kind, entry.Name };
        if (entry is null) entry = db.CalendarDays.Add(new CalendarDayEntry { Date = date, Kind = input.Kind!, Name = name }).Entity;
        entry.Kind = input.Kind!;
        entry.Name = name;
        entry.UpdatedBy = userId;
        entry.UpdatedAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(before is null ? AuditActions.Created : AuditActions.Updated, "calendar-day", Key(date),
            new { kind = entry.Kind, name, before }, ct);
        return (new CalendarDayView(date, entry.Kind, name, CalendarSources.Hospital), errors);
    }

    /// <summary>Removes the hospital's entry: the day follows the shipped calendar (or Monday–Friday) again. False if there was none.</summary>
    public async Task<bool> RemoveAsync(DateOnly date, CancellationToken ct = default)
    {
        var entry = await db.CalendarDays.FirstOrDefaultAsync(e => e.Date == date, ct);
        if (entry is null) return false;
        db.CalendarDays.Remove(entry);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(Deleted, "calendar-day", Key(date), new { entry.Kind, entry.Name }, ct);
        return true;
    }

    public static string KindOf(DayKind kind) => kind == DayKind.Holiday ? CalendarDayKinds.Holiday : CalendarDayKinds.Workday;

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
