namespace TrustBridge.Web.Features.Feedback.Symposia;

public sealed record SymposiumRow(int Id, DateOnly HeldOn, string Title, string? Location, string? DepartmentName,
    int Participants, int Items, int ItemsClosed, DateTime? ReportedAt);

public sealed record ParticipantView(int Id, string Name, string Role, string? StaffCode, string? MobileMasked);

public sealed record SymposiumItemView(int CaseId, string TrackingCode, string Type, string Category, string RiskLevel, string Status,
    string Content, string? Reply, DateTime ReceivedAt, DateTime DueBy, DateTime? RepliedAt, DateTime? ClosedAt, IReadOnlyList<string> Departments);

public sealed record ReportMessageView(long Id, string RecipientMasked, string Status, DateTime CreatedAt, DateTime? SentAt);

public sealed record SymposiumDetail(int Id, DateOnly HeldOn, string Title, string? Location, string? DepartmentCode, string? DepartmentName,
    string? Minutes, string? ReportBack, DateTime? ReportedAt, string? CreatedBy, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<ParticipantView> Participants, IReadOnlyList<SymposiumItemView> Items, IReadOnlyList<ReportMessageView> ReportMessages,
    string ReportDraft);
