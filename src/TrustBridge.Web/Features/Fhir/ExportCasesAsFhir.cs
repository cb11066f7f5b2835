using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using F = Hl7.Fhir.Model;

namespace TrustBridge.Web.Features.Fhir;

/// <summary>
/// Feedback cases (反馈工单) as FHIR <c>Communication</c> resources for a hospital's data platform, paged and audited
/// (profile in README, "FHIR"): the patient's words are the payload, the reply a note; type, category, channel, risk
/// and status are codes in TrustBridge's systems; patient, encounter, department and the named staff member are
/// references by the same identifiers as the registry export. The complainant's name, mobile and the tracking code
/// (the patient's key to the case) never leave TrustBridge; an anonymous case has no subject.
/// </summary>
public sealed class ExportCasesAsFhir(TrustDbContext db, HospitalClock clock, AuditLog audit)
{
    public const string CaseSystem = "urn:trustbridge:feedback-case", TypeSystem = "urn:trustbridge:feedback-type",
        CategorySystem = "urn:trustbridge:feedback-category", ChannelSystem = "urn:trustbridge:feedback-channel";
    public const string RiskExtension = FhirJson.ExtensionBase + "feedback-risk", StatusExtension = FhirJson.ExtensionBase + "feedback-status",
        DueExtension = FhirJson.ExtensionBase + "feedback-due";

    public async Task<F.Bundle> RunAsync(HttpRequest request, string[] lastUpdated, int? count, int? page, CancellationToken ct)
    {
        var set = new FhirSearchset(request, count, page);
        var updated = FhirLastUpdated.Parse(lastUpdated, clock);
        var cases = db.FeedbackCases.AsNoTracking();
        if (updated.From is { } from) cases = cases.Where(c => c.UpdatedAt >= from);
        if (updated.Until is { } until) cases = cases.Where(c => c.UpdatedAt < until);
        var total = await cases.CountAsync(ct);
        var rows = await cases.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id).Skip(set.Skip).Take(set.Count)
            .Select(c => new Row(c.Id, c.Type, c.Category, c.RiskLevel, c.Channel, c.Status, c.Content, c.Reply, c.Anonymous,
                c.Patient == null ? null : c.Patient.Mrn, c.Encounter == null ? null : c.Encounter.HisId,
                c.Department == null ? null : c.Department.Code, c.Staff == null ? null : c.Staff.Code,
                c.ReceivedAt, c.AcknowledgedAt, c.DueBy, c.RepliedAt, c.UpdatedAt))
            .ToListAsync(ct);
        var bundle = set.Bundle(total, rows.Select(ToCommunication), clock.UtcNow, FhirSearchset.LastUpdatedParameters(lastUpdated));
        await audit.RecordAsync(FhirAuditActions.Exported, "Communication", null,
            new { lastUpdated, page = set.Page, count = set.Count, returned = rows.Count, total, cases = rows.Select(r => r.Id).ToArray() }, ct);
        return bundle;
    }

    private sealed record Row(int Id, string Type, string Category, string Risk, string Channel, string Status, string Content, string? Reply,
        bool Anonymous, string? Mrn, string? HisId, string? Department, string? Staff,
        DateTime ReceivedAt, DateTime? AcknowledgedAt, DateTime DueBy, DateTime? RepliedAt, DateTime UpdatedAt);

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    private F.Communication ToCommunication(Row c)
    {
        var id = c.Id.ToString(CultureInfo.InvariantCulture);
        var communication = new F.Communication
        {
            Id = id,
            Meta = new F.Meta { LastUpdated = Utc(c.UpdatedAt) },
            Identifier = [new F.Identifier(CaseSystem, id)],
            Status = c.Status switch
            {
                CaseStatuses.Replied or CaseStatuses.Closed => F.EventStatus.Completed,
                CaseStatuses.Merged => F.EventStatus.Stopped,
                _ => F.EventStatus.InProgress,
            },
            Category = [new F.CodeableConcept(TypeSystem, c.Type), new F.CodeableConcept(CategorySystem, c.Category)],
            Priority = c.Risk == RiskLevels.High ? F.RequestPriority.Urgent : F.RequestPriority.Routine,
            Medium = [new F.CodeableConcept(ChannelSystem, c.Channel)],
            Subject = c.Anonymous || c.Mrn is null ? null : new F.ResourceReference { Identifier = new F.Identifier(ExportRegistryAsFhir.MrnSystem, c.Mrn) },
            Encounter = c.HisId is null ? null : new F.ResourceReference { Identifier = new F.Identifier(ExportRegistryAsFhir.HisSystem, c.HisId) },
            Recipient = c.Department is null ? [] : [new F.ResourceReference { Identifier = new F.Identifier(ExportRegistryAsFhir.DepartmentSystem, c.Department) }],
            About = c.Staff is null ? [] : [new F.ResourceReference { Identifier = new F.Identifier(ExportRegistryAsFhir.StaffSystem, c.Staff) }],
            Sent = new F.FhirDateTime(clock.ToLocal(c.ReceivedAt)).Value,
            Received = c.AcknowledgedAt is { } ack ? new F.FhirDateTime(clock.ToLocal(ack)).Value : null,
            Payload = [new F.Communication.PayloadComponent { Content = new F.FhirString(c.Content) }],
            Note = c.Reply is null ? [] :
                [new F.Annotation { Text = new F.Markdown(c.Reply), Time = c.RepliedAt is { } at ? new F.FhirDateTime(clock.ToLocal(at)).Value : null }],
        };
        communication.Extension.Add(new F.Extension(RiskExtension, new F.Code(c.Risk)));
        communication.Extension.Add(new F.Extension(StatusExtension, new F.Code(c.Status)));
        communication.Extension.Add(new F.Extension(DueExtension, new F.FhirDateTime(clock.ToLocal(c.DueBy))));
        return communication;
    }
}
