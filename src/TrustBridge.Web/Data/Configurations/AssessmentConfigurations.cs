using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Data.Configurations;

internal sealed class AssessmentWeightsVersionConfiguration : IEntityTypeConfiguration<AssessmentWeightsVersion>
{
    public void Configure(EntityTypeBuilder<AssessmentWeightsVersion> e)
    {
        e.ToTable("assessment_weights");
        e.Property(x => x.Note).HasMaxLength(500);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasIndex(x => x.EffectiveFrom);
        e.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentIndicatorSettingConfiguration : IEntityTypeConfiguration<AssessmentIndicatorSetting>
{
    public void Configure(EntityTypeBuilder<AssessmentIndicatorSetting> e)
    {
        e.ToTable("assessment_indicators");
        e.Property(x => x.IndicatorCode).HasMaxLength(32);
        e.Property(x => x.Weight).HasPrecision(5, 2);
        e.HasIndex(x => new { x.VersionId, x.IndicatorCode }).IsUnique();
    }
}

internal sealed class AssessmentNoticeConfiguration : IEntityTypeConfiguration<AssessmentNotice>
{
    public void Configure(EntityTypeBuilder<AssessmentNotice> e)
    {
        e.ToTable("assessment_notices");
        e.Property(x => x.Period).HasMaxLength(8);
        e.Property(x => x.Band).HasMaxLength(24);
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.IssuedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.DepartmentId, x.Period }).IsUnique();
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AssessmentWeightsVersion>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ImprovementPlan>().WithMany().HasForeignKey(x => x.ImprovementPlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> e)
    {
        e.ToTable("training_courses");
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Framework).HasMaxLength(32);
        e.Property(x => x.Outline).HasMaxLength(8000);
        e.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> e)
    {
        e.ToTable("training_sessions");
        e.Property(x => x.Trainer).HasMaxLength(100);
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.Level).HasMaxLength(16);
        e.Property(x => x.CreditClass).HasMaxLength(4);
        e.Property(x => x.Hours).HasPrecision(6, 2);
        e.Property(x => x.Credits).HasPrecision(6, 2);
        e.Property(x => x.ScanToken).HasMaxLength(64);
        e.HasIndex(x => x.ScanToken).IsUnique();
        e.HasIndex(x => x.HeldOn);
        e.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingEnrolmentConfiguration : IEntityTypeConfiguration<TrainingEnrolment>
{
    public void Configure(EntityTypeBuilder<TrainingEnrolment> e)
    {
        e.ToTable("training_enrolments");
        e.Property(x => x.AttendedBy).HasMaxLength(8);
        e.HasIndex(x => new { x.SessionId, x.StaffId }).IsUnique();
        e.HasIndex(x => x.StaffId);
        e.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CmeCreditRecordConfiguration : IEntityTypeConfiguration<CmeCreditRecord>
{
    public void Configure(EntityTypeBuilder<CmeCreditRecord> e)
    {
        e.ToTable("cme_credits");
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Level).HasMaxLength(16);
        e.Property(x => x.CreditClass).HasMaxLength(4);
        e.Property(x => x.Role).HasMaxLength(16);
        e.Property(x => x.Hours).HasPrecision(6, 2);
        e.Property(x => x.Credits).HasPrecision(6, 2);
        e.Property(x => x.CertificateNumber).HasMaxLength(64);
        e.Property(x => x.EvidenceName).HasMaxLength(200);
        e.Property(x => x.EvidencePath).HasMaxLength(500);
        e.HasIndex(x => new { x.StaffId, x.Year });
        e.HasIndex(x => new { x.SessionId, x.StaffId }).IsUnique();
        e.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> e)
    {
        e.ToTable("nominations");
        e.Property(x => x.NominatedBy).HasMaxLength(256);
        e.Property(x => x.Story).HasMaxLength(4000);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.Award).HasMaxLength(100);
        e.Property(x => x.Citation).HasMaxLength(2000);
        e.HasIndex(x => x.StaffId);
        e.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MonthlyReportConfiguration : IEntityTypeConfiguration<MonthlyReport>
{
    public void Configure(EntityTypeBuilder<MonthlyReport> e)
    {
        e.ToTable("monthly_reports");
        e.Property(x => x.Month).HasMaxLength(7);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasIndex(x => x.Month);
    }
}
