namespace TrustBridge.Web.Features.Audit;

/// <summary>The action names written to the audit log.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked-out";
    public const string Logout = "logout";
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Imported = "imported";
    public const string PatientViewed = "patient.viewed";
    public const string PatientListViewed = "patient.list-viewed";
    public const string PatientsExported = "patient.exported";
    public const string PatientIdentifiersRevealed = "patient.identifiers-revealed";
    public const string EncountersViewed = "encounter.list-viewed";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDeleted = "user.deleted";
    public const string UserSignedOutEverywhere = "user.signed-out-everywhere";
    public const string DemoSeeded = "demo.seeded";
    public const string InvitationQrIssued = "survey-invitation.qr-issued";
}
