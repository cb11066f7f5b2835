using System.Security.Claims;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Features.Calendar;

/// <summary>/api/calendar: the working-day calendar deadlines are counted in. Staff read it; administrators change it.</summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar/days").WithTags("Calendar");
        group.MapGet("/", async (int? year, CalendarDays days, Hospital.HospitalClock clock, CancellationToken ct) =>
            {
                var y = year ?? clock.Today.Year;
                if (y is < CalendarDays.MinYear or > CalendarDays.MaxYear) return Invalid("year", $"Give a year in {CalendarDays.MinYear}–{CalendarDays.MaxYear}.");
                return Results.Ok(await days.ListAsync(y, ct));
            }).RequireAuthorization(Policies.Staff)
            .WithSummary("Every special day of a year (default this year): shipped national days merged with the hospital's entries; date, kind holiday|workday, name, source shipped|hospital.");
        group.MapGet("/{date}", async (string date, CalendarDays days, CancellationToken ct) =>
                CalendarDays.TryParseDate(date, out var d) ? Results.Ok(await days.DayAsync(d, ct)) : BadDate(date))
            .RequireAuthorization(Policies.Staff).WithSummary("Whether a day (yyyy-MM-dd) is a working day, and why if it is special.");
        group.MapPut("/{date}", async (string date, CalendarDayInput body, CalendarDays days, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (!CalendarDays.TryParseDate(date, out var d)) return BadDate(date);
                var (day, errors) = await days.SetAsync(d, body, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
                return day is not null ? Results.Ok(day) : Results.ValidationProblem(errors);
            }).RequireAuthorization(Policies.Admin)
            .WithSummary("Make a day a holiday or a working day ({kind, name}); applies to cases received afterwards.");
        group.MapDelete("/{date}", async (string date, CalendarDays days, CancellationToken ct) =>
            {
                if (!CalendarDays.TryParseDate(date, out var d)) return BadDate(date);
                return await days.RemoveAsync(d, ct)
                    ? Results.NoContent()
                    : Results.Problem("The hospital has no entry for this day.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
            }).RequireAuthorization(Policies.Admin).WithSummary("Remove the hospital's entry: the day follows the shipped calendar again.");
        return app;
    }

    private static IResult BadDate(string date) => Invalid("date", $"'{date}' is not a date; write yyyy-MM-dd, e.g. 2026-10-01.");

    private static IResult Invalid(string field, string message) => Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
