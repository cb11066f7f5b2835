using TrustBridge.Core.Calendar;
using TrustBridge.Core.Disputes;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Disputes;

/// <summary>The clocks of one dispute as of now: the active route's due time, the autopsy deadline, the limitation date.</summary>
public sealed record DisputeClockView(DateTimeOffset? RouteDueBy, DateTimeOffset? AutopsyDueBy, DateOnly LimitationOn, bool Overdue, bool DueSoon)
{
    /// <summary>A due time within 7 days (a route) or 24 hours (an autopsy) is "due soon".</summary>
    public static readonly TimeSpan SoonRoute = TimeSpan.FromDays(7);
    public static readonly TimeSpan SoonAutopsy = TimeSpan.FromHours(24);

    public static DisputeClockView For(Dispute d, WorkingCalendar calendar, HospitalClock clock, IEnumerable<DateOnly>? interruptions = null)
    {
        var active = d.Routes.FirstOrDefault(r => r.Active);
        var routeDue = active is null ? null : RouteDue(active, d, calendar, clock);
        DateTimeOffset? autopsyDue = d.DiedAt is { } died ? Local(clock, DisputeClocks.AutopsyDue(clock.ToLocal(died).DateTime, d.BodyFrozen)) : null;
        var harmOn = d.KnewOn < d.ArisenOn ? d.KnewOn : d.ArisenOn;
        var limitation = DisputeClocks.LimitationDate(d.KnewOn, interruptions, harmOn);
        var now = clock.Now;
        var open = d.Status == DisputeStatuses.Open;
        var autopsyPending = autopsyDue is not null && d.AutopsyDecision is null;
        var overdue = open && ((routeDue is { } r && r < now) || (autopsyPending && autopsyDue < now));
        var soon = open && !overdue && ((routeDue is { } r2 && r2 - now <= SoonRoute) || (autopsyPending && autopsyDue - now <= SoonAutopsy));
        return new DisputeClockView(routeDue, autopsyDue, limitation, overdue, soon);
    }

    /// <summary>People's or administrative mediation: 30 working days from acceptance (plus agreed extensions), appraisal days not counted;
    /// an administrative application not yet accepted: the 5 working days to decide. Other routes have no clock.</summary>
    public static DateTimeOffset? RouteDue(DisputeRoute r, Dispute d, WorkingCalendar calendar, HospitalClock clock)
    {
        if (!DisputeRoutes.Mediation.Contains(r.Route)) return null;
        if (r.AcceptedOn is { } accepted)
        {
            var days = (r.Route == DisputeRoutes.PeopleMediation ? DisputeClocks.PeopleMediationWorkingDays : DisputeClocks.AdministrativeMediationWorkingDays) + r.ExtensionWorkingDays;
            return Local(clock, DisputeClocks.EndOfDay(DisputeClocks.WorkingDaysDue(calendar, accepted, days, Pauses(d, r, clock))));
        }
        return r.AppliedOn is { } applied
            ? Local(clock, DisputeClocks.EndOfDay(DisputeClocks.WorkingDaysDue(calendar, applied, DisputeClocks.AdministrativeAcceptWorkingDays)))
            : null;
    }

    /// <summary>Appraisals running during the route (commission to opinion, or to today while running) stop its clock.</summary>
    public static List<DayRange> Pauses(Dispute d, DisputeRoute r, HospitalClock clock) =>
        [.. d.Appraisals.Select(a => new DayRange(a.CommissionedOn, a.OpinionOn ?? clock.Today)).Where(p => r.AcceptedOn is null || p.To > r.AcceptedOn)];

    public static int PausedWorkingDays(Dispute d, DisputeRoute r, WorkingCalendar calendar, HospitalClock clock) =>
        Pauses(d, r, clock).Sum(p => DisputeClocks.WorkingDaysIn(calendar, r.AcceptedOn is { } a && p.From <= a ? p with { From = a.AddDays(1) } : p));

    public static DateTimeOffset Local(HospitalClock clock, DateTime local) => new(local, clock.Zone.GetUtcOffset(local));
}
