using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Calendar;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Demo;

/// <summary>
/// Gives the demo hospital a year of feedback: about 300 (small) or 3,000 (large) cases received over the last 12
/// months across the clinical departments, of every type, category, channel and risk level, with deadlines from the
/// hospital calendar, history, replies and ratings. Most are handled on time, some late, a few still open and overdue;
/// praise names doctors; two complainants write several times from the same mobile. Every high-risk case has had its
/// alert acknowledged, so the demo does not open with a red banner. Written in bulk without audit rows or
/// notifications (the seed itself is audited). Deterministic for a seed, apart from tracking codes and encryption.
/// </summary>
public sealed class DemoFeedbackCases(TrustDbContext db, HospitalCalendar calendar, HospitalClock clock, TriageEngine triage,
    PatientIdentifierProtector protector, MobileHash mobileHash)
{
    public const int BatchSize = 250;
    /// <summary>The two repeat complainants' mobiles and how many cases each sends.</summary>
    public static readonly (string Mobile, string Name, int Cases)[] RepeatComplainants = [("13912345678", "陈建国", 4), ("13687654321", "李秀英", 3)];

    private static readonly string[] OfficeStaff = ["医患办 刘敏", "医患办 王磊", "医患办 赵丽"];

    public static int CountFor(DemoSize size) => size == DemoSize.Large ? 3_000 : 300;

    public async Task<int> RunAsync(int seed, int count, CancellationToken ct = default)
    {
        var rng = new Random(Core.Sampling.StratifiedDraw.StableSeed(seed, "demo-feedback"));
        var departments = await db.Departments.AsNoTracking().Where(d => d.Kind == DepartmentKinds.Clinical && d.Active)
            .Where(d => !db.Departments.Any(c => c.ParentId == d.Id)).OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        if (departments.Count == 0 || count <= 0) return 0;
        var doctors = (await db.Staff.AsNoTracking().Where(s => s.Active && s.Title != null && s.Title.EndsWith("医师") && s.DepartmentId != null).OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.Name, DepartmentId = s.DepartmentId!.Value }).ToListAsync(ct))
            .GroupBy(s => s.DepartmentId).ToDictionary(g => g.Key, g => g.Select(s => (s.Id, s.Name)).ToArray());
        // Busier departments hear more; cardiology (the demo logins' department) is among them.
        var weights = departments.Select(d => d.Code == DemoDepartments.CardiologyCode ? 4.0 : 0.5 + rng.NextDouble() * 1.5).ToArray();
        var cal = await calendar.LoadAsync(ct);
        var now = clock.UtcNow;
        var today = clock.Today;
        var names = new ChineseNameGenerator(rng);
        var repeatSlots = RepeatComplainants.SelectMany(r => Enumerable.Repeat(r, r.Cases)).ToList();
        var repeatAt = Enumerable.Range(0, repeatSlots.Count).Select(i => (int)((i + 0.5) * count / repeatSlots.Count)).ToArray();

        var written = 0;
        var batch = new List<(FeedbackCase Case, List<FeedbackCaseEvent> Events)>();
        for (var i = 0; i < count; i++)
        {
            var type = i < FeedbackTypes.All.Length ? FeedbackTypes.All[i] : Weighted(rng, FeedbackTypes.All, [45, 20, 20, 15]);
            var categories = DemoFeedbackPhrases.CategoriesFor(type);
            var category = type == FeedbackTypes.Complaint && i < FeedbackCategories.All.Length ? FeedbackCategories.All[i] : categories[rng.Next(categories.Length)];
            var risk = type != FeedbackTypes.Complaint ? RiskLevels.Low
                : i == 0 || rng.NextDouble() < 0.025 ? RiskLevels.High : rng.NextDouble() < 0.15 ? RiskLevels.Medium : RiskLevels.Low;
            var channel = i < FeedbackChannels.All.Length ? FeedbackChannels.All[i]
                : Weighted(rng, FeedbackChannels.All, [30, 20, 18, 4, 10, 4, 3, 5, 4, 2]);
            var d = departments[WeightedIndex(rng, weights)];
            var second = type == FeedbackTypes.Complaint && rng.NextDouble() < 0.05 ? departments[rng.Next(departments.Count)] : null;
            if (second?.Id == d.Id) second = null;
            (int Id, string Name)? doctor = null;
            if (doctors.TryGetValue(d.Id, out var inDept) && inDept.Length > 0 &&
                (type == FeedbackTypes.Praise ? rng.NextDouble() < 0.85 : type == FeedbackTypes.Complaint && rng.NextDouble() < 0.3))
                doctor = inDept[(int)(inDept.Length * Math.Pow(rng.NextDouble(), 2.5))]; // a few doctors are praised (or named) often

            // Received on a day of the last year, in the day-time, the older days a little less often.
            var daysAgo = (int)(364 * Math.Pow(rng.NextDouble(), 1.15));
            var localDay = today.AddDays(-daysAgo);
            var received = clock.LocalToUtc(localDay.ToDateTime(new TimeOnly(7 + rng.Next(0, 14), rng.Next(0, 60))));
            if (received > now) received = now.AddMinutes(-rng.Next(5, 120));
            var deadlines = CaseDeadlines.For(cal, clock, received, risk, type == FeedbackTypes.Complaint ? (second is null ? 1 : 2) : 1);

            var repeat = Array.IndexOf(repeatAt, i) is var slot and >= 0 ? repeatSlots[slot] : default;
            var anonymous = repeat.Mobile is null && rng.NextDouble() < 0.25;
            var mobile = repeat.Mobile ?? (anonymous || rng.NextDouble() < 0.2 ? null : "1" + "3456789"[rng.Next(7)] + rng.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture));
            var name = repeat.Name ?? (anonymous ? null : names.Name(rng.NextDouble() < 0.5 ? Genders.Male : Genders.Female, 1940 + rng.Next(0, 65)));
            var content = DemoFeedbackPhrases.Write(rng, type, category, risk, d.Name, doctor?.Name,
                localDay.AddDays(-rng.Next(0, 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var suggestion = triage.Classify(content);
            var protectedMobile = protector.ProtectMobile(mobile);

            var c = new FeedbackCase
            {
                TrackingCode = TrackingCodes.New(), Type = type, Category = category, RiskLevel = risk, Channel = channel, Content = content,
                SuggestedType = suggestion.Type, SuggestedCategory = suggestion.Category, SuggestedRiskLevel = suggestion.RiskLevel,
                TriageCues = Feedback.TriageCueJson.Write(suggestion.Cues),
                Anonymous = anonymous, ComplainantName = name, MobileEncrypted = protectedMobile?.Encrypted, MobileMasked = protectedMobile?.Masked,
                MobileHash = mobile is null ? null : mobileHash.Of(mobile), StaffId = doctor?.Id, DepartmentId = d.Id,
                Departments = [new FeedbackCaseDepartment { DepartmentId = d.Id }, .. second is null ? [] : new[] { new FeedbackCaseDepartment { DepartmentId = second.Id } }],
                ReceivedAt = received, AcknowledgeBy = deadlines.AcknowledgeBy, DueBy = deadlines.DueBy, RemindAt = deadlines.RemindAt,
                CreatedAt = received, UpdatedAt = received,
            };
            batch.Add((c, Live(c, rng, now)));
            if (batch.Count == BatchSize) written += await WriteAsync(batch, ct);
        }
        written += await WriteAsync(batch, ct);
        return written;
    }

    /// <summary>What has happened to the case by now: acknowledged, replied, closed, rated — or still open, perhaps overdue.</summary>
    private static List<FeedbackCaseEvent> Live(FeedbackCase c, Random rng, DateTime now)
    {
        var events = new List<FeedbackCaseEvent> { Event(c.ReceivedAt, "created", null, CaseStatuses.New, c.Channel, true) };
        var owner = OfficeStaff[rng.Next(OfficeStaff.Length)];
        void Set(DateTime at, string kind, string to, string? text, bool visible)
        {
            events.Add(Event(at, kind, c.Status, to, text, visible, owner));
            c.Status = to;
            c.UpdatedAt = at;
        }
        DateTime Between(DateTime from, DateTime to) => to <= from ? from : from + TimeSpan.FromTicks((long)((to - from).Ticks * rng.NextDouble()));

        if (c.RiskLevel == RiskLevels.High)
        {
            c.AlertAcknowledgedAt = c.ReceivedAt.AddMinutes(3 + rng.Next(0, 20));
            c.AlertAcknowledgedBy = owner;
            events.Add(Event(c.AlertAcknowledgedAt.Value, "alert-acknowledged", null, null, null, false, owner));
        }
        var onTheSpot = c.Type == FeedbackTypes.Complaint && c.Channel == FeedbackChannels.Visit && c.RiskLevel == RiskLevels.Low && rng.NextDouble() < 0.4;
        if (onTheSpot)
        {
            c.ResolvedOnTheSpot = true;
            c.AcknowledgedAt = c.RepliedAt = c.ClosedAt = c.ReceivedAt;
            c.Reply = "已当场协调处理，患者表示理解。";
            c.OwnerName = owner;
            Set(c.ReceivedAt, "resolved-on-the-spot", CaseStatuses.Closed, c.Reply, true);
            return events;
        }

        // Acknowledged: usually well inside the deadline, now and then late; a case that has just come in may still wait.
        var ackAt = rng.NextDouble() < 0.93 ? Between(c.ReceivedAt, Min(c.AcknowledgeBy, c.ReceivedAt.AddHours(20))) : c.AcknowledgeBy.AddHours(2 + rng.Next(0, 30));
        if (c.RiskLevel == RiskLevels.High) ackAt = c.AlertAcknowledgedAt!.Value.AddMinutes(2);
        if (ackAt > now) return events;
        c.AcknowledgedAt = ackAt;
        c.OwnerName = owner;
        Set(ackAt, "acknowledged", CaseStatuses.Acknowledged, null, true);

        if (c.Type == FeedbackTypes.Praise)
        {
            // Praise is routed to the member of staff and closed.
            var closed = ackAt.AddHours(1 + rng.Next(0, 24));
            if (closed > now) return events;
            c.ClosedAt = closed;
            Set(closed, "status", CaseStatuses.Closed, "表扬已转达本人及科室。", true);
            return events;
        }

        var past = c.DueBy < now;
        var fate = rng.NextDouble();
        // Of the cases whose deadline has passed: 85% answered in time, 11% late, 4% still open (overdue).
        // Of the cases still within it: about half are answered already.
        if (past ? fate >= 0.96 : fate >= 0.5)
        {
            if (rng.NextDouble() < 0.6) Set(Between(ackAt, Min(now, ackAt.AddDays(2))), "status", CaseStatuses.InProgress, null, false);
            return events;
        }
        var start = Between(ackAt, Min(now, ackAt.AddDays(1)));
        Set(start, "status", CaseStatuses.InProgress, null, false);
        var repliedAt = past && fate >= 0.85 ? c.DueBy.AddHours(6 + rng.Next(0, 24 * 6)) : Between(start, Min(now, c.DueBy));
        if (repliedAt > now) repliedAt = now.AddMinutes(-1);
        c.Reply = c.Type == FeedbackTypes.Consultation ? DemoFeedbackPhrases.Replies[4] : DemoFeedbackPhrases.Replies[rng.Next(DemoFeedbackPhrases.Replies.Length)];
        c.RepliedAt = repliedAt;
        events.Add(Event(repliedAt, "reply-drafted", null, null, null, false, owner));
        Set(repliedAt, "reply-sent", CaseStatuses.Replied, c.Reply, true);

        if (!c.Anonymous && rng.NextDouble() < 0.55)
        {
            var ratedAt = repliedAt.AddHours(2 + rng.Next(0, 72));
            if (ratedAt < now)
            {
                c.PatientRating = Weighted(rng, [5, 4, 3, 2, 1], [45, 30, 12, 8, 5]);
                c.PatientRatingComment = c.PatientRating >= 4 ? DemoFeedbackPhrases.RatingComments[rng.Next(3)] : DemoFeedbackPhrases.RatingComments[2 + rng.Next(4)];
                if (c.PatientRatingComment.Length == 0) c.PatientRatingComment = null;
                events.Add(Event(ratedAt, "rated", null, null, $"{c.PatientRating}", false, "patient"));
            }
        }
        var closeAt = repliedAt.AddDays(1 + rng.Next(0, 5));
        if (closeAt < now && rng.NextDouble() < 0.7)
        {
            c.ClosedAt = closeAt;
            Set(closeAt, "status", CaseStatuses.Closed, null, true);
        }
        return events;
    }

    private async Task<int> WriteAsync(List<(FeedbackCase Case, List<FeedbackCaseEvent> Events)> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return 0;
        db.FeedbackCases.AddRange(batch.Select(b => b.Case));
        await db.SaveChangesAsync(ct);
        foreach (var (c, events) in batch)
            foreach (var e in events) e.CaseId = c.Id;
        db.FeedbackCaseEvents.AddRange(batch.SelectMany(b => b.Events));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var n = batch.Count;
        batch.Clear();
        return n;
    }

    private static FeedbackCaseEvent Event(DateTime at, string kind, string? from, string? to, string? text, bool visible, string? actor = null) =>
        new() { At = at, Kind = kind, FromStatus = from, ToStatus = to, Text = text, VisibleToPatient = visible, ActorName = actor };

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static T Weighted<T>(Random rng, T[] items, double[] weights) => items[WeightedIndex(rng, weights)];

    private static int WeightedIndex(Random rng, double[] weights)
    {
        var x = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((x -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }
}
