using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Feedback;

public enum CaseOutcome { Done, NotFound, Forbidden, Conflict, Invalid }

public sealed record CaseActionResult(CaseOutcome Outcome, string? Field = null, string? Message = null)
{
    public static readonly CaseActionResult Done = new(CaseOutcome.Done);
    public static readonly CaseActionResult NotFound = new(CaseOutcome.NotFound);
    public static CaseActionResult Forbidden(string message) => new(CaseOutcome.Forbidden, null, message);
    public static CaseActionResult Conflict(string message) => new(CaseOutcome.Conflict, "status", message);
    public static CaseActionResult Invalid(string field, string message) => new(CaseOutcome.Invalid, field, message);
}

public sealed record CaseAction(string? Text = null, string? DepartmentCode = null, string? OwnerEmail = null, int? IntoCaseId = null,
    string? Type = null, string? Category = null, string? RiskLevel = null, string? PatientMrn = null, long? EncounterId = null);

/// <summary>
/// Everything staff do to a case after it came in (FEEDBACK.md, "Life of a case"), each change with a history entry and
/// an audit record in one transaction. The supervision group reads and never changes; replies are reviewed by the office.
/// </summary>
public sealed class CaseWorkflow(TrustDbContext db, HospitalClock clock, HospitalCalendar calendar, CaseNotifications notify,
    PatientIdentifierProtector protector, AuditLog audit, DatabaseOptions database, CaseAssignees assignees,
    ICaseEscalation? escalation = null)
{
    public const int MaxText = ReceiveFeedback.MaxContent;

    public Task<CaseActionResult> AcknowledgeAsync(int id, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "acknowledged", (c, h, who) =>
    {
        if (c.Status != CaseStatuses.New) return CaseActionResult.Conflict($"The case is {c.Status}, not new.");
        c.AcknowledgedAt = clock.UtcNow;
        TakeOwnership(c, who);
        return Move(c, h, who, CaseStatuses.Acknowledged, "acknowledged", null);
    }, ct);

    /// <summary>A person has seen the high-risk alert: the red banner goes, and the case is received if it was new.</summary>
    public Task<CaseActionResult> AcknowledgeAlertAsync(int id, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "alert-acknowledged", (c, h, who) =>
    {
        if (c.RiskLevel != RiskLevels.High) return CaseActionResult.Conflict("The case is not high risk.");
        if (c.AlertAcknowledgedAt is not null) return CaseActionResult.Conflict("The alert was already acknowledged.");
        c.AlertAcknowledgedAt = clock.UtcNow;
        c.AlertAcknowledgedBy = who.Name;
        h.Add(c, "alert-acknowledged", who, c.Status, c.Status, null);
        if (c.Status == CaseStatuses.New)
        {
            c.AcknowledgedAt = clock.UtcNow;
            TakeOwnership(c, who);
            Move(c, h, who, CaseStatuses.Acknowledged, "acknowledged", null);
        }
        return CaseActionResult.Done;
    }, ct, handlersOnly: true);

    public Task<CaseActionResult> StartAsync(int id, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "in-progress", (c, h, who) =>
        c.Status is CaseStatuses.New or CaseStatuses.Acknowledged or CaseStatuses.Reopened
            ? Move(c, h, who, CaseStatuses.InProgress, "status", null, setAcknowledged: true)
            : CaseActionResult.Conflict($"A {c.Status} case cannot be started."), ct);

    /// <summary>
    /// Hands the case to a person (ownerEmail) and/or a department (departmentCode): with a department and no person the
    /// department's head gets it; the department then handles the case (issue 8, defect 8).
    /// </summary>
    public Task<CaseActionResult> AssignAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "assigned", async (c, h, who) =>
    {
        if (string.IsNullOrWhiteSpace(a.OwnerEmail) && string.IsNullOrWhiteSpace(a.DepartmentCode))
            return CaseActionResult.Invalid("ownerEmail", "Choose a department or a person to assign the case to.");
        var dept = string.IsNullOrWhiteSpace(a.DepartmentCode) ? null : await db.Departments.FirstOrDefaultAsync(d => d.Code == a.DepartmentCode, ct);
        if (!string.IsNullOrWhiteSpace(a.DepartmentCode) && dept is null) return CaseActionResult.Invalid("departmentCode", $"Unknown department '{a.DepartmentCode}'.");
        if (c.Status is CaseStatuses.Closed or CaseStatuses.Merged or CaseStatuses.Escalated) return CaseActionResult.Conflict($"A {c.Status} case cannot be assigned.");
        CaseAssignee? owner;
        if (!string.IsNullOrWhiteSpace(a.OwnerEmail))
        {
            var candidates = (await assignees.ListAsync(ct: ct)).Where(x => string.Equals(x.Email, a.OwnerEmail.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (candidates.Count == 0) return CaseActionResult.Invalid("ownerEmail", $"No staff login '{a.OwnerEmail}' who may handle cases.");
            owner = dept is null ? candidates.FirstOrDefault(x => x.DepartmentCode is not null) ?? candidates[0]
                : candidates.FirstOrDefault(x => x.DepartmentCode == dept.Code) ?? (candidates.All(x => x.DepartmentCode is null) ? candidates[0] : null);
            if (owner is null) return CaseActionResult.Invalid("ownerEmail", $"{candidates[0].Name} does not work in {dept!.Name}.");
        }
        else
        {
            owner = (await assignees.ListAsync(dept!.Code, ct: ct)).FirstOrDefault(x => x.IsHead);
            if (owner is null) return CaseActionResult.Invalid("ownerEmail", $"{dept.Name} has no department-head login; choose a person.");
        }
        if (dept is null && owner.DepartmentCode is { } own) dept = await db.Departments.FirstAsync(d => d.Code == own, ct);
        c.OwnerUserId = owner.UserId;
        c.OwnerName = owner.Name;
        if (dept is not null)
        {
            c.DepartmentId = dept.Id;
            if (c.Departments.All(d => d.DepartmentId != dept.Id)) c.Departments.Add(new FeedbackCaseDepartment { CaseId = c.Id, DepartmentId = dept.Id });
        }
        var label = dept is null || owner.Name.Contains(dept.Name, StringComparison.Ordinal) ? owner.Name : $"{owner.Name}（{dept.Name}）";
        h.Add(c, "assigned", who, c.Status, c.Status, $"→ {label}" + (string.IsNullOrWhiteSpace(a.Text) ? "" : $": {a.Text.Trim()}"), visible: false);
        return CaseActionResult.Done;
    }, ct);

    /// <summary>Hands the case to another department; that department is now involved.</summary>
    public Task<CaseActionResult> TransferAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "transferred", async (c, h, who) =>
    {
        var dept = string.IsNullOrWhiteSpace(a.DepartmentCode) ? null : await db.Departments.FirstOrDefaultAsync(d => d.Code == a.DepartmentCode, ct);
        if (dept is null) return CaseActionResult.Invalid("departmentCode", $"Unknown department '{a.DepartmentCode}'.");
        if (c.Status is CaseStatuses.Closed or CaseStatuses.Merged or CaseStatuses.Escalated) return CaseActionResult.Conflict($"A {c.Status} case cannot be transferred.");
        var from = c.DepartmentId;
        c.DepartmentId = dept.Id;
        if (c.Departments.All(d => d.DepartmentId != dept.Id)) c.Departments.Add(new FeedbackCaseDepartment { CaseId = c.Id, DepartmentId = dept.Id });
        h.Add(c, "transferred", who, c.Status, c.Status, $"{from?.ToString(CultureInfo.InvariantCulture) ?? "-"} → {dept.Code} {dept.Name}" + Suffix(a.Text), visible: false);
        return CaseActionResult.Done;
    }, ct);

    public Task<CaseActionResult> NoteAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "note", (c, h, who) =>
    {
        if (Text(a.Text) is not { } text) return CaseActionResult.Invalid("text", "The note is empty or longer than 20,000 characters.");
        h.Add(c, "note", who, c.Status, c.Status, text);
        return CaseActionResult.Done;
    }, ct);

    /// <summary>The handler writes the reply; the office reviews it before the patient sees it.</summary>
    public Task<CaseActionResult> DraftReplyAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "reply-drafted", (c, h, who) =>
    {
        if (Text(a.Text) is not { } text) return CaseActionResult.Invalid("text", "The reply is empty or longer than 20,000 characters.");
        if (c.Status is CaseStatuses.Closed or CaseStatuses.Merged or CaseStatuses.Escalated) return CaseActionResult.Conflict($"A {c.Status} case takes no reply.");
        c.ReplyDraft = text;
        c.ReplyDraftBy = who.Name;
        h.Add(c, "reply-drafted", who, c.Status, c.Status, text);
        if (c.Status is CaseStatuses.New or CaseStatuses.Acknowledged or CaseStatuses.Reopened) Move(c, h, who, CaseStatuses.InProgress, "status", null, setAcknowledged: true);
        return CaseActionResult.Done;
    }, ct);

    /// <summary>The office approves the reply (optionally edited): the patient sees it on the tracking page and is told by SMS.</summary>
    public Task<CaseActionResult> SendReplyAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "reply-sent", (c, h, who) =>
    {
        var text = a.Text is null ? c.ReplyDraft : Text(a.Text);
        if (text is null) return CaseActionResult.Invalid("text", "There is no reply to send: write one first.");
        if (c.Status is CaseStatuses.Closed or CaseStatuses.Merged or CaseStatuses.Escalated) return CaseActionResult.Conflict($"A {c.Status} case takes no reply.");
        c.Reply = text;
        c.ReplyDraft = null;
        c.ReplyDraftBy = null;
        c.RepliedAt = clock.UtcNow;
        h.Add(c, "reply-sent", who, c.Status, CaseStatuses.Replied, null, visible: false);
        Move(c, h, who, CaseStatuses.Replied, "status", null, setAcknowledged: true);
        if (c.MobileEncrypted is not null && protector.Reveal(c.MobileEncrypted) is { } mobile) notify.Reply(c, mobile, c.MobileMasked ?? "");
        return CaseActionResult.Done;
    }, ct, handlersOnly: true);

    public Task<CaseActionResult> CloseAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "closed", (c, h, who) =>
    {
        if (c.Status is CaseStatuses.Closed or CaseStatuses.Merged or CaseStatuses.Escalated) return CaseActionResult.Conflict($"The case is already {c.Status}.");
        if (c.Type is FeedbackTypes.Complaint && c.Reply is null) return CaseActionResult.Conflict("Send the reply to the patient before closing a complaint.");
        c.ClosedAt = clock.UtcNow;
        return Move(c, h, who, CaseStatuses.Closed, "status", Text(a.Text), setAcknowledged: true);
    }, ct);

    /// <summary>Reopens a replied or closed case with a new reply deadline counted from today.</summary>
    public Task<CaseActionResult> ReopenAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "reopened", async (c, h, who) =>
    {
        if (c.Status is not (CaseStatuses.Replied or CaseStatuses.Closed)) return CaseActionResult.Conflict($"A {c.Status} case cannot be reopened.");
        await ReopenCoreAsync(c, ct);
        return Move(c, h, who, CaseStatuses.Reopened, "reopened", Text(a.Text));
    }, ct);

    /// <summary>Hands the case to dispute handling: the dispute is registered in the same transaction (<see cref="ICaseEscalation"/>).</summary>
    public Task<CaseActionResult> EscalateAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "escalated", async (c, h, who) =>
    {
        if (c.Status is CaseStatuses.Closed or CaseStatuses.Merged or CaseStatuses.Escalated) return CaseActionResult.Conflict($"A {c.Status} case cannot be escalated.");
        if (escalation is not null && await escalation.PrepareAsync(c, a, who, ct) is { } error) return error;
        var moved = Move(c, h, who, CaseStatuses.Escalated, "escalated", Text(a.Text), setAcknowledged: true);
        if (escalation is not null)
            _afterSave = async () =>
            {
                if (await escalation.SavedAsync(ct) is { } link) { h.Add(c, "dispute", who, c.Status, c.Status, link); await db.SaveChangesAsync(ct); }
            };
        return moved;
    }, ct, handlersOnly: true);

    private Func<Task>? _afterSave;

    /// <summary>Folds a duplicate into another case; the patient's code then follows the other case.</summary>
    public Task<CaseActionResult> MergeAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "merged", async (c, h, who) =>
    {
        if (a.IntoCaseId is not { } into || into == c.Id) return CaseActionResult.Invalid("intoCaseId", "Name another case to merge into.");
        var target = await db.FeedbackCases.FirstOrDefaultAsync(x => x.Id == into, ct);
        if (target is null) return CaseActionResult.Invalid("intoCaseId", $"Unknown case {into}.");
        if (target.Status == CaseStatuses.Merged) return CaseActionResult.Invalid("intoCaseId", $"Case {into} is itself merged into {target.MergedIntoId}.");
        if (c.Status is CaseStatuses.Merged) return CaseActionResult.Conflict("The case is already merged.");
        c.MergedIntoId = into;
        if (c.AlertAcknowledgedAt is null && c.RiskLevel == RiskLevels.High) { c.AlertAcknowledgedAt = clock.UtcNow; c.AlertAcknowledgedBy = who.Name; }
        h.Add(target, "merged", who, target.Status, target.Status, $"#{c.Id} merged into this case");
        return Move(c, h, who, CaseStatuses.Merged, "merged", $"→ #{into}" + Suffix(a.Text));
    }, ct, handlersOnly: true);

    /// <summary>A person corrects triage; the correction is kept as labelled data.</summary>
    public Task<CaseActionResult> ReclassifyAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "reclassified", (c, h, who) =>
    {
        var type = a.Type ?? c.Type; var category = a.Category ?? c.Category; var risk = a.RiskLevel ?? c.RiskLevel;
        if (!FeedbackTypes.All.Contains(type)) return CaseActionResult.Invalid("type", $"Unknown type '{type}'.");
        if (!FeedbackCategories.All.Contains(category)) return CaseActionResult.Invalid("category", $"Unknown category '{category}'.");
        if (!RiskLevels.All.Contains(risk)) return CaseActionResult.Invalid("riskLevel", $"Unknown risk level '{risk}'.");
        // Issue 16, defect 11: a correction that changes nothing would add a history entry and a training row that only repeat the case.
        if ((type, category, risk) == (c.Type, c.Category, c.RiskLevel))
            return CaseActionResult.Invalid("type", "Nothing to correct: give a type, category or risk level different from the case's.");
        var wasHigh = c.RiskLevel == RiskLevels.High;
        h.Add(c, "reclassified", who, c.Status, c.Status, $"{c.Type}/{c.Category}/{c.RiskLevel} → {type}/{category}/{risk}" + Suffix(a.Text));
        (c.Type, c.Category, c.RiskLevel) = (type, category, risk);
        db.TriageOverrides.Add(new TriageOverride
        {
            CaseId = c.Id, Text = c.Content, SuggestedType = c.SuggestedType, SuggestedCategory = c.SuggestedCategory, SuggestedRiskLevel = c.SuggestedRiskLevel,
            Type = type, Category = category, RiskLevel = risk, UserId = who.UserId, At = clock.UtcNow,
        });
        if (!wasHigh && risk == RiskLevels.High && c.Status != CaseStatuses.Merged) notify.HighRisk(c);
        return CaseActionResult.Done;
    }, ct, handlersOnly: true);

    /// <summary>可能高危 confirmed: the case becomes high, the normal alert goes out (acknowledge within 30 minutes).</summary>
    public Task<CaseActionResult> ConfirmSecondLookAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, SecondLook.ConfirmedEvent, (c, h, who) =>
    {
        if (c.SecondLookDueBy is null || c.SecondLookClearedAt is not null) return CaseActionResult.Conflict("The case has no open second look.");
        var now = clock.UtcNow;
        (c.SecondLookClearedAt, c.SecondLookClearedBy, c.SecondLookOutcome, c.SecondLookReason) = (now, who.Name, SecondLook.Confirmed, Text(a.Text));
        h.Add(c, SecondLook.ConfirmedEvent, who, c.Status, c.Status, $"{c.RiskLevel} → high" + Suffix(a.Text));
        KeepLabel(c, RiskLevels.High, who);
        if (c.RiskLevel != RiskLevels.High)
        {
            c.RiskLevel = RiskLevels.High;
            if (c.AcknowledgeBy > now + TimeSpan.FromMinutes(30)) c.AcknowledgeBy = now + TimeSpan.FromMinutes(30);
            c.AlertAcknowledgedAt = null;
            if (c.Status != CaseStatuses.Merged) notify.HighRisk(c);
        }
        return CaseActionResult.Done;
    }, ct, handlersOnly: true);

    /// <summary>可能高危 dismissed with a reason: the risk stays; the decision is kept as labelled data.</summary>
    public Task<CaseActionResult> DismissSecondLookAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, SecondLook.DismissedEvent, (c, h, who) =>
    {
        if (string.IsNullOrWhiteSpace(a.Text)) return CaseActionResult.Invalid("text", "Say why the case is not high risk.");
        if (a.Text.Length > 2000) return CaseActionResult.Invalid("text", "The reason is longer than 2,000 characters.");
        if (c.SecondLookDueBy is null || c.SecondLookClearedAt is not null) return CaseActionResult.Conflict("The case has no open second look.");
        (c.SecondLookClearedAt, c.SecondLookClearedBy, c.SecondLookOutcome, c.SecondLookReason) = (clock.UtcNow, who.Name, SecondLook.Dismissed, a.Text.Trim());
        h.Add(c, SecondLook.DismissedEvent, who, c.Status, c.Status, a.Text.Trim());
        KeepLabel(c, c.RiskLevel, who);
        return CaseActionResult.Done;
    }, ct, handlersOnly: true);

    private void KeepLabel(FeedbackCase c, string risk, Submitter who) => db.TriageOverrides.Add(new TriageOverride
    {
        CaseId = c.Id, Text = c.Content, SuggestedType = c.SuggestedType, SuggestedCategory = c.SuggestedCategory, SuggestedRiskLevel = c.SuggestedRiskLevel,
        Type = c.Type, Category = c.Category, RiskLevel = risk, UserId = who.UserId, At = clock.UtcNow,
    });

    public Task<CaseActionResult> LinkAsync(int id, CaseAction a, CaseViewer v, CancellationToken ct) => ChangeAsync(id, v, "linked", async (c, h, who) =>
    {
        if (string.IsNullOrWhiteSpace(a.PatientMrn) && a.EncounterId is null)
            return CaseActionResult.Invalid("patientMrn", "Nothing to link: give patientMrn or encounterId.");
        var before = (c.PatientId, c.EncounterId);
        if (!string.IsNullOrWhiteSpace(a.PatientMrn))
        {
            var pid = await db.Patients.Where(p => p.Mrn == a.PatientMrn).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (pid is null) return CaseActionResult.Invalid("patientMrn", $"Unknown patient '{a.PatientMrn}'.");
            c.PatientId = pid;
        }
        if (a.EncounterId is { } enc)
        {
            var e = await db.Encounters.Where(x => x.Id == enc).Select(x => new { x.PatientId }).FirstOrDefaultAsync(ct);
            if (e is null) return CaseActionResult.Invalid("encounterId", $"Unknown encounter {enc}.");
            c.EncounterId = enc;
            c.PatientId ??= e.PatientId;
        }
        if ((c.PatientId, c.EncounterId) == before)
            return CaseActionResult.Invalid(a.EncounterId is null ? "patientMrn" : "encounterId", "Nothing to link: the case is already linked to that.");
        h.Add(c, "linked", who, c.Status, c.Status, null);
        return CaseActionResult.Done;
    }, ct, handlersOnly: true);

    /// <summary>The patient rates the handling from the tracking page (1–5). A replied case is then closed.</summary>
    public async Task<CaseActionResult> RateAsync(string? code, int? rating, string? comment, CancellationToken ct)
    {
        var normalized = TrackingCodes.Normalize(code);
        var c = normalized is null ? null : await db.FeedbackCases.Include(x => x.Departments).FirstOrDefaultAsync(x => x.TrackingCode == normalized, ct);
        if (c is null) return CaseActionResult.NotFound;
        if (rating is not (>= 1 and <= 5)) return CaseActionResult.Invalid("rating", "Rate from 1 to 5.");
        if (comment is { Length: > 2000 }) return CaseActionResult.Invalid("comment", "The comment is longer than 2,000 characters.");
        if (c.Reply is null || c.Status is not (CaseStatuses.Replied or CaseStatuses.Closed)) return CaseActionResult.Conflict("The case has no reply to rate yet.");
        if (c.PatientRating is not null) return CaseActionResult.Conflict("The handling was already rated.");
        return await SaveAsync(c, Submitter.Public, "rated", (h, who) =>
        {
            c.PatientRating = rating;
            c.PatientRatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            h.Add(c, "rated", who, c.Status, c.Status, $"{rating}/5" + Suffix(c.PatientRatingComment));
            if (c.Status == CaseStatuses.Replied) { c.ClosedAt = clock.UtcNow; Move(c, h, who, CaseStatuses.Closed, "status", null); }
            return CaseActionResult.Done;
        }, ct);
    }

    /// <summary>The patient is not satisfied with the reply and asks again, from the tracking page.</summary>
    public async Task<CaseActionResult> PatientReopenAsync(string? code, string? reason, CancellationToken ct)
    {
        var normalized = TrackingCodes.Normalize(code);
        var c = normalized is null ? null : await db.FeedbackCases.Include(x => x.Departments).FirstOrDefaultAsync(x => x.TrackingCode == normalized, ct);
        if (c is null) return CaseActionResult.NotFound;
        if (Text(reason) is not { } text) return CaseActionResult.Invalid("reason", "Say why the reply does not settle it.");
        if (c.Status is not (CaseStatuses.Replied or CaseStatuses.Closed)) return CaseActionResult.Conflict($"A {c.Status} case cannot be reopened.");
        await ReopenCoreAsync(c, ct);
        return await SaveAsync(c, Submitter.Public, "reopened", (h, who) => Move(c, h, who, CaseStatuses.Reopened, "reopened", text, visible: true), ct);
    }

    private async Task ReopenCoreAsync(FeedbackCase c, CancellationToken ct)
    {
        var d = CaseDeadlines.For(await calendar.LoadAsync(ct), clock, clock.UtcNow, c.RiskLevel == RiskLevels.High ? RiskLevels.Medium : c.RiskLevel,
            c.Type == FeedbackTypes.Complaint ? Math.Max(1, c.Departments.Count) : 1);
        (c.DueBy, c.RemindAt) = (d.DueBy, d.RemindAt);
        (c.ClosedAt, c.ReminderSentAt, c.BreachEscalatedAt, c.PatientRating, c.PatientRatingComment) = (null, null, null, null, null);
    }

    private static void TakeOwnership(FeedbackCase c, Submitter who)
    {
        if (c.OwnerUserId is not null || !who.IsStaff) return;
        (c.OwnerUserId, c.OwnerName) = (who.UserId, who.Name);
    }

    private CaseActionResult Move(FeedbackCase c, CaseHistory h, Submitter who, string to, string kind, string? text, bool setAcknowledged = false, bool visible = true)
    {
        if (setAcknowledged && c.AcknowledgedAt is null) { c.AcknowledgedAt = clock.UtcNow; TakeOwnership(c, who); }
        h.Add(c, kind, who, c.Status, to, text, visible && kind != "note");
        c.Status = to;
        return CaseActionResult.Done;
    }

    private static string? Text(string? s) => s?.Trim() is { Length: > 0 and <= MaxText } t ? t : null;
    private static string Suffix(string? s) => string.IsNullOrWhiteSpace(s) ? "" : $": {s.Trim()}";

    private Task<CaseActionResult> ChangeAsync(int id, CaseViewer v, string action, Func<FeedbackCase, CaseHistory, Submitter, CaseActionResult> change,
        CancellationToken ct, bool handlersOnly = false) =>
        ChangeAsync(id, v, action, (c, h, who) => Task.FromResult(change(c, h, who)), ct, handlersOnly);

    private async Task<CaseActionResult> ChangeAsync(int id, CaseViewer v, string action, Func<FeedbackCase, CaseHistory, Submitter, Task<CaseActionResult>> change,
        CancellationToken ct, bool handlersOnly = false)
    {
        var c = await FeedbackAccess.Visible(db.FeedbackCases, v).Include(x => x.Departments).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return CaseActionResult.NotFound;
        if (!FeedbackAccess.MayChange(v, c) || (handlersOnly && !v.Handles))
            return CaseActionResult.Forbidden(handlersOnly ? "Only the patient-relations office may do this." : "You may read this case but not change it.");
        var who = new Submitter(v.UserId, v.Name, true);
        var h = new CaseHistory(db, clock.UtcNow);
        var result = await change(c, h, who);
        if (result.Outcome != CaseOutcome.Done) return result;
        return await SaveAsync(c, who, action, (_, _) => CaseActionResult.Done, ct, h);
    }

    private async Task<CaseActionResult> SaveAsync(FeedbackCase c, Submitter who, string action, Func<CaseHistory, Submitter, CaseActionResult> change,
        CancellationToken ct, CaseHistory? history = null)
    {
        var h = history ?? new CaseHistory(db, clock.UtcNow);
        var result = change(h, who);
        if (result.Outcome != CaseOutcome.Done) return result;
        c.UpdatedAt = clock.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(database.WriteIsolation, ct);
        await db.SaveChangesAsync(ct);
        if (_afterSave is { } after) { _afterSave = null; await after(); }
        await audit.RecordAsync(AuditActions.Updated, "feedback-case", c.Id.ToString(CultureInfo.InvariantCulture), new { action, status = c.Status }, ct);
        await tx.CommitAsync(ct);
        return CaseActionResult.Done;
    }
}
