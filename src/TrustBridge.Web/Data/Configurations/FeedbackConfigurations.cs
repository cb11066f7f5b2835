using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Data.Configurations;

internal sealed class FeedbackCaseConfiguration : IEntityTypeConfiguration<FeedbackCase>
{
    public void Configure(EntityTypeBuilder<FeedbackCase> e)
    {
        e.ToTable("feedback_cases");
        e.Property(x => x.TrackingCode).HasMaxLength(16);
        e.Property(x => x.Type).HasMaxLength(16);
        e.Property(x => x.Category).HasMaxLength(16);
        e.Property(x => x.RiskLevel).HasMaxLength(8);
        e.Property(x => x.Channel).HasMaxLength(16);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.Content).HasMaxLength(20000);
        e.Property(x => x.SuggestedType).HasMaxLength(16);
        e.Property(x => x.SuggestedCategory).HasMaxLength(16);
        e.Property(x => x.SuggestedRiskLevel).HasMaxLength(8);
        e.Property(x => x.TriageCues).HasMaxLength(4000);
        e.Property(x => x.ComplainantName).HasMaxLength(100);
        e.Property(x => x.MobileMasked).HasMaxLength(16);
        e.Property(x => x.MobileHash).HasMaxLength(64);
        e.Property(x => x.OwnerUserId).HasMaxLength(64);
        e.Property(x => x.OwnerName).HasMaxLength(100);
        e.Property(x => x.AlertAcknowledgedBy).HasMaxLength(100);
        e.Property(x => x.ReplyDraft).HasMaxLength(20000);
        e.Property(x => x.ReplyDraftBy).HasMaxLength(100);
        e.Property(x => x.Reply).HasMaxLength(20000);
        e.Property(x => x.PatientRatingComment).HasMaxLength(2000);
        e.HasIndex(x => x.TrackingCode).IsUnique();
        e.HasIndex(x => new { x.Status, x.DueBy });
        e.HasIndex(x => x.ReceivedAt);
        e.HasIndex(x => x.DepartmentId);
        e.HasIndex(x => x.StaffId);
        e.HasIndex(x => x.MobileHash);
        e.HasIndex(x => new { x.RiskLevel, x.AlertAcknowledgedAt });
        e.HasIndex(x => x.SurveyResponseId).IsUnique();
        e.Property(x => x.ThreatReported).HasDefaultValue(false);
        e.Property(x => x.SecondLookClearedBy).HasMaxLength(100);
        e.Property(x => x.SecondLookOutcome).HasMaxLength(16);
        e.Property(x => x.SecondLookReason).HasMaxLength(2000);
        e.HasIndex(x => new { x.SecondLookDueBy, x.SecondLookClearedAt });
        e.HasOne(x => x.Patient).WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Encounter).WithMany().HasForeignKey(x => x.EncounterId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FeedbackCase>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Symposium>().WithMany().HasForeignKey(x => x.SymposiumId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Departments).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackCaseDepartmentConfiguration : IEntityTypeConfiguration<FeedbackCaseDepartment>
{
    public void Configure(EntityTypeBuilder<FeedbackCaseDepartment> e)
    {
        e.ToTable("feedback_case_departments");
        e.HasKey(x => new { x.CaseId, x.DepartmentId });
        e.HasIndex(x => x.DepartmentId);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedbackCaseEventConfiguration : IEntityTypeConfiguration<FeedbackCaseEvent>
{
    public void Configure(EntityTypeBuilder<FeedbackCaseEvent> e)
    {
        e.ToTable("feedback_case_events");
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.ActorUserId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.FromStatus).HasMaxLength(16);
        e.Property(x => x.ToStatus).HasMaxLength(16);
        e.Property(x => x.Text).HasMaxLength(20000);
        e.HasIndex(x => new { x.CaseId, x.At });
        e.HasOne<FeedbackCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackAttachmentConfiguration : IEntityTypeConfiguration<FeedbackAttachment>
{
    public void Configure(EntityTypeBuilder<FeedbackAttachment> e)
    {
        e.ToTable("feedback_attachments");
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.HasIndex(x => x.CaseId);
        e.HasOne<FeedbackCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TriageOverrideConfiguration : IEntityTypeConfiguration<TriageOverride>
{
    public void Configure(EntityTypeBuilder<TriageOverride> e)
    {
        e.ToTable("triage_overrides");
        e.Property(x => x.Text).HasMaxLength(20000);
        e.Property(x => x.SuggestedType).HasMaxLength(16);
        e.Property(x => x.SuggestedCategory).HasMaxLength(16);
        e.Property(x => x.SuggestedRiskLevel).HasMaxLength(8);
        e.Property(x => x.Type).HasMaxLength(16);
        e.Property(x => x.Category).HasMaxLength(16);
        e.Property(x => x.RiskLevel).HasMaxLength(8);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.HasIndex(x => x.CaseId);
        e.HasOne<FeedbackCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarDayEntryConfiguration : IEntityTypeConfiguration<CalendarDayEntry>
{
    public void Configure(EntityTypeBuilder<CalendarDayEntry> e)
    {
        e.ToTable("calendar_days");
        e.HasKey(x => x.Date);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.UpdatedBy).HasMaxLength(100);
    }
}

internal sealed class SymposiumConfiguration : IEntityTypeConfiguration<Symposium>
{
    public void Configure(EntityTypeBuilder<Symposium> e)
    {
        e.ToTable("symposia");
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Location).HasMaxLength(200);
        e.Property(x => x.Minutes).HasMaxLength(20000);
        e.Property(x => x.ReportBack).HasMaxLength(20000);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.HasIndex(x => x.HeldOn);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.SymposiumId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SymposiumParticipantConfiguration : IEntityTypeConfiguration<SymposiumParticipant>
{
    public void Configure(EntityTypeBuilder<SymposiumParticipant> e)
    {
        e.ToTable("symposium_participants");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Role).HasMaxLength(16);
        e.Property(x => x.MobileMasked).HasMaxLength(16);
        e.HasIndex(x => x.SymposiumId);
        e.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.SetNull);
    }
}
