using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;
using System.Security.Claims;
using TrustBridge.Core.Calendar;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Calendar;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Pages.Shared;

namespace TrustBridge.Web.Pages.Staff.Calendar;

/// <summary>A day of the year view: its kind decides the colour.</summary>
public sealed record CalendarCell(DateOnly Date, bool Working, bool Weekend, CalendarDayView? Special);

/// <summary>
/// 工作日历: the year's working days as twelve month grids and the list of special days. Every member of staff may read
/// it; administrators set and remove the hospital's entries (they apply to cases received afterwards).
/// </summary>
public sealed class IndexModel(CalendarDays days, HospitalClock clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Name { get; set; }

    public int ShownYear { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }
    public IReadOnlyList<CalendarDayView> Special { get; private set; } = [];
    public IReadOnlyList<(int Month, IReadOnlyList<CalendarCell?> Cells)> Months { get; private set; } = [];
    public Dictionary<string, FormError> Errors { get; } = [];
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? saved, CancellationToken ct)
    {
        Saved = saved;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostSetAsync(CancellationToken ct)
    {
        if (!await IsAdminAsync()) return Forbid();
        if (!CalendarDays.TryParseDate(Date, out var date)) Errors["date"] = new("请填写日期，格式如 2026-10-01。", []);
        var check = CalendarDays.Check(new CalendarDayInput(Kind, Name));
        if (check.ContainsKey("kind")) Errors["kind"] = new("请选择“休息（节假日）”或“上班（调休）”。", []);
        if (check.ContainsKey("name")) Errors["name"] = new("请填写名称，最多 {0} 个字。", [CalendarDays.MaxName]);
        if (Errors.Count == 0)
        {
            var (_, errors) = await days.SetAsync(date, new CalendarDayInput(Kind, Name), User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
            if (errors.ContainsKey("date")) Errors["date"] = new("日期须在 {0}–{1} 年之间。", [CalendarDays.MinYear, CalendarDays.MaxYear]);
            if (Errors.Count == 0) return Redirect($"/Staff/Calendar?year={date.Year}&saved={Date}");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!await IsAdminAsync()) return Forbid();
        if (!CalendarDays.TryParseDate(Date, out var date)) return BadRequest();
        if (!await days.RemoveAsync(date, ct)) return NotFound();
        return Redirect($"/Staff/Calendar?year={date.Year}");
    }

    private async Task<bool> IsAdminAsync() => (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Today = clock.Today;
        ShownYear = Year is { } y && y is >= CalendarDays.MinYear and <= CalendarDays.MaxYear ? y : Today.Year;
        CanEdit = await IsAdminAsync();
        Special = await days.ListAsync(ShownYear, ct);
        var byDate = Special.ToDictionary(d => d.Date);
        var calendar = new WorkingCalendar(Special.Select(d => new CalendarDay(d.Date, d.Kind == CalendarDayKinds.Holiday ? DayKind.Holiday : DayKind.Workday, d.Name)));
        var months = new List<(int, IReadOnlyList<CalendarCell?>)>();
        for (var m = 1; m <= 12; m++)
        {
            var first = new DateOnly(ShownYear, m, 1);
            var cells = new List<CalendarCell?>();
            // Weeks start on Monday (一).
            for (var i = 0; i < ((int)first.DayOfWeek + 6) % 7; i++) cells.Add(null);
            for (var d = first; d.Month == m; d = d.AddDays(1))
                cells.Add(new CalendarCell(d, calendar.IsWorkingDay(d), d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, byDate.GetValueOrDefault(d)));
            while (cells.Count % 7 != 0) cells.Add(null);
            months.Add((m, cells));
        }
        Months = months;
        return Page();
    }

    public static string Css(CalendarCell c, DateOnly today)
    {
        var css = "cal-day";
        if (c.Special is { } s) css += s.Kind == CalendarDayKinds.Holiday ? " holiday" : c.Weekend ? " swapped" : "";
        else if (c.Weekend) css += " weekend";
        if (c.Special?.Source == CalendarSources.Hospital) css += " hospital";
        if (c.Date == today) css += " today";
        return css;
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
