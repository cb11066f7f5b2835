using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Privacy;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>
/// Takes a case in from any channel: checks it, triages it, sets its deadlines from the working calendar, and stores it
/// with its history, attachments, alerts and audit record in one transaction (shared with concurrent submissions, see
/// <see cref="IntakeWriter"/>), so an acknowledged case is durable.
/// </summary>
public sealed class ReceiveFeedback(TrustDbContext db, HospitalCalendar calendar, HospitalClock clock, TriageEngine triage,
    PatientIdentifierProtector protector, MobileHash mobileHash, IntakeWriter writer, IHttpContextAccessor http, IServiceProvider services)
{
    public const int MaxContent = 20_000;

    public async Task<(CaseCreated? Created, Dictionary<string, string[]> Errors)> RunAsync(FeedbackInput input, Submitter who,
        IReadOnlyList<AttachmentInput>? files = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        var content = input.Content?.Trim() ?? "";
        if (content.Length == 0) Error("content", "Say what happened: the content is empty.");
        else if (content.Length > MaxContent) Error("content", $"The content is longer than {MaxContent:N0} characters.");
        if (input.Type is { } t && !FeedbackTypes.All.Contains(t)) Error("type", $"Unknown type '{t}'; use one of {string.Join(", ", FeedbackTypes.All)}.");
        if (input.Category is { } cat && !FeedbackCategories.All.Contains(cat)) Error("category", $"Unknown category '{cat}'.");
        if (input.RiskLevel is { } risk && !RiskLevels.All.Contains(risk)) Error("riskLevel", $"Unknown risk level '{risk}'.");
        var channel = input.Channel ?? FeedbackChannels.Api;
        if (!FeedbackChannels.All.Contains(channel)) Error("channel", $"Unknown channel '{channel}'.");
        else if (!who.IsStaff && !FeedbackChannels.Public.Contains(channel)) Error("channel", $"Only staff may enter a case from channel '{channel}'.");
        if (!who.IsStaff)
        {
            if (input.ReceivedAt is not null) Error("receivedAt", "Only staff may set the time a case was received.");
            if (input.Category is not null || input.RiskLevel is not null) Error("category", "Only staff may set the category or risk level.");
            if (input.ResolvedOnTheSpot is true) Error("resolvedOnTheSpot", "Only staff may record an on-the-spot resolution.");
            if (input.ThreatReported is true) Error("threatReported", "Only staff may mark that the other party threatened.");
            if (input.StaffCode is null && (input.PatientMrn is not null || input.EncounterId is not null)) Error("patientMrn", "Only staff may link a case to a patient or encounter.");
        }
        var now = clock.UtcNow;
        var received = input.ReceivedAt ?? now;
        if (received > now.AddMinutes(5)) Error("receivedAt", "The time received is in the future.");

        var anonymous = input.Anonymous is true;
        string? mobile = null;
        if (!anonymous && !string.IsNullOrWhiteSpace(input.Mobile) && (mobile = ChineseMobile.Normalize(input.Mobile)) is null)
            Error("mobile", "Not a mainland China mobile number (11 digits starting with 13–19).");
        var name = anonymous ? null : input.Name?.Trim();
        if (name is { Length: > 100 }) Error("name", "The name is longer than 100 characters.");
        if (name is { Length: 0 }) name = null;

        var codes = (input.DepartmentCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        if (Organization.DepartmentCodeList.TooLong(codes) is { } tooLong) { Error("departmentCodes", tooLong); codes = []; }
        var departments = codes.Count == 0 ? [] : await db.Departments.Where(d => codes.Contains(d.Code)).Select(d => new { d.Id, d.Code }).ToListAsync(ct);
        var unknown = codes.Except(departments.Select(d => d.Code)).ToList();
        if (unknown.Count > 0) Error("departmentCodes", $"Unknown department {string.Join(", ", unknown)}.");
        int? staffId = null, staffDepartment = null;
        if (!string.IsNullOrWhiteSpace(input.StaffCode))
        {
            var staff = await db.Staff.Where(s => s.Code == input.StaffCode).Select(s => new { s.Id, s.DepartmentId }).FirstOrDefaultAsync(ct);
            if (staff is null) Error("staffCode", $"Unknown staff member '{input.StaffCode}'.");
            else (staffId, staffDepartment) = (staff.Id, staff.DepartmentId);
        }
        int? patientId = null;
        if (who.IsStaff && !string.IsNullOrWhiteSpace(input.PatientMrn))
        {
            patientId = await db.Patients.Where(p => p.Mrn == input.PatientMrn).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (patientId is null) Error("patientMrn", $"Unknown patient '{input.PatientMrn}'.");
        }
        if (who.IsStaff && input.EncounterId is { } enc && !await db.Encounters.AnyAsync(e => e.Id == enc, ct)) Error("encounterId", $"Unknown encounter {enc}.");
        if (input.SymposiumId is { } sym && !await db.Symposia.AnyAsync(s => s.Id == sym, ct)) Error("symposiumId", $"Unknown symposium {sym}.");
        if (files is { Count: > Attachments.MaxFiles }) Error("attachment", $"At most {Attachments.MaxFiles} files.");
        foreach (var f in files ?? []) if (Attachments.Check(f) is { } problem) Error("attachment", problem);
        if (errors.Count > 0) return (null, errors);

        var suggestion = triage.Classify(content);
        var type = input.Type ?? suggestion.Type;
        var category = input.Category ?? suggestion.Category;
        // 对方有威胁言行: the person who took the case heard a threat; high whatever the text says.
        var threatReported = who.IsStaff && input.ThreatReported is true;
        var riskLevel = threatReported ? RiskLevels.High : input.RiskLevel ?? suggestion.RiskLevel;
        var departmentIds = departments.Select(d => d.Id).ToList();
        if (departmentIds.Count == 0 && staffDepartment is { } sd) departmentIds.Add(sd);
        var deadlines = CaseDeadlines.For(await calendar.LoadAsync(ct), clock, received,
            riskLevel, type == FeedbackTypes.Complaint ? departmentIds.Count : 1);
        var protectedMobile = protector.ProtectMobile(mobile);
        var onTheSpot = input.ResolvedOnTheSpot is true;

        var c = new FeedbackCase
        {
            TrackingCode = TrackingCodes.New(), Type = type, Category = category, RiskLevel = riskLevel, Channel = channel,
            Content = content, SuggestedType = suggestion.Type, SuggestedCategory = suggestion.Category, SuggestedRiskLevel = suggestion.RiskLevel,
            TriageCues = TriageCueJson.Write(suggestion.Cues),
            Anonymous = anonymous, ComplainantName = name, MobileEncrypted = protectedMobile?.Encrypted, MobileMasked = protectedMobile?.Masked,
            MobileHash = mobile is null ? null : mobileHash.Of(mobile),
            PatientId = patientId, EncounterId = who.IsStaff ? input.EncounterId : null, StaffId = staffId,
            DepartmentId = departmentIds.Count > 0 ? departmentIds[0] : null,
            Departments = [.. departmentIds.Select(id => new FeedbackCaseDepartment { DepartmentId = id })],
            OwnerUserId = who.IsStaff ? who.UserId : null, OwnerName = who.IsStaff ? who.Name : null,
            ReceivedAt = received, AcknowledgeBy = deadlines.AcknowledgeBy, DueBy = deadlines.DueBy, RemindAt = deadlines.RemindAt,
            SymposiumId = input.SymposiumId, CreatedAt = now, UpdatedAt = now, ThreatReported = threatReported,
            SecondLookDueBy = SecondLook.DueBy(riskLevel, suggestion, now),
        };
        // Staff who take a case in person have received it (首诉负责制); on the spot they also close it.
        if (who.IsStaff && channel is not (FeedbackChannels.Survey or FeedbackChannels.Symposium)) { c.Status = CaseStatuses.Acknowledged; c.AcknowledgedAt = now; }
        if (onTheSpot)
        {
            c.ResolvedOnTheSpot = true;
            c.Status = CaseStatuses.Closed;
            // Settled when it was received: acknowledged, answered and closed at that moment, not at data entry.
            c.AcknowledgedAt = received;
            c.RepliedAt = received;
            c.ClosedAt = received;
            c.Reply = input.Resolution?.Trim() is { Length: > 0 } r ? r : "已当场协调处理。";
        }
        var actor = AuditActor.From(http.HttpContext);
        var pending = new PendingCase(c, files ?? [], who, actor, who.IsStaff && (type != suggestion.Type || category != suggestion.Category || riskLevel != suggestion.RiskLevel)
            ? new TriageOverride
            {
                Text = content, SuggestedType = suggestion.Type, SuggestedCategory = suggestion.Category, SuggestedRiskLevel = suggestion.RiskLevel,
                Type = type, Category = category, RiskLevel = riskLevel, UserId = who.UserId, At = now,
            }
            : null, onTheSpot ? c.Reply : null);
        if (db.Database.CurrentTransaction is not null)
            await IntakeWriter.StoreAsync(db, services, [pending], ct); // the caller's transaction: stored with the caller's change
        else
            await writer.WriteAsync(pending, ct);
        return (new CaseCreated(c.Id, c.TrackingCode, c.Type, c.Category, c.RiskLevel, c.Status, c.ReceivedAt, c.AcknowledgeBy, c.DueBy)
        {
            PatientAcknowledgeBy = riskLevel == RiskLevels.High ? CaseDeadlines.PatientAcknowledgeBy(await calendar.LoadAsync(ct), clock, received) : c.AcknowledgeBy,
        }, errors);
    }
}
