using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Calendar;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>
/// The hospital's working-day calendar: the shipped national calendar with the administrators' entries on top (an
/// entry wins). Read from the database on every use: the table is small, and another node may have changed it.
/// </summary>
public sealed class HospitalCalendar(TrustDbContext db)
{
    public static IReadOnlyList<CalendarDay> Shipped => ChinaPublicHolidays.Year2026;

    public async Task<WorkingCalendar> LoadAsync(CancellationToken ct = default)
    {
        var entries = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var days = Shipped.ToDictionary(d => d.Date);
        foreach (var e in entries) days[e.Date] = ToDay(e);
        return new WorkingCalendar(days.Values);
    }

    public static CalendarDay ToDay(CalendarDayEntry e) =>
        new(e.Date, e.Kind == CalendarDayKinds.Holiday ? DayKind.Holiday : DayKind.Workday, e.Name);
}

public static class CalendarDayKinds
{
    public const string Holiday = "holiday";
    public const string Workday = "workday";
    public static readonly string[] All = [Holiday, Workday];
}
