using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Data.Configurations;

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> e)
    {
        e.ToTable("disputes");
        e.Property(x => x.Reference).HasMaxLength(16);
        e.HasIndex(x => x.Reference).IsUnique();
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.PatientName).HasMaxLength(100);
        e.Property(x => x.Claim).HasMaxLength(20000);
        e.Property(x => x.ClaimedAmount).HasPrecision(14, 2);
        e.Property(x => x.Severity).HasMaxLength(16);
        e.Property(x => x.AutopsyDecision).HasMaxLength(16);
        e.Property(x => x.ReportedBy).HasMaxLength(100);
        e.Property(x => x.AuthorityReportedTo).HasMaxLength(200);
        e.Property(x => x.NegotiationNotes).HasMaxLength(20000);
        e.Property(x => x.Outcome).HasMaxLength(16);
        e.Property(x => x.RootCauses).HasMaxLength(400);
        e.Property(x => x.Lessons).HasMaxLength(20000);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.HasIndex(x => x.FeedbackCaseId).IsUnique();
        e.HasIndex(x => new { x.Status, x.ArisenOn });
        e.HasOne(x => x.Patient).WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.FeedbackCase).WithMany().HasForeignKey(x => x.FeedbackCaseId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<ImprovementPlan>().WithMany().HasForeignKey(x => x.ImprovementPlanId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Departments).WithOne().HasForeignKey(x => x.DisputeId);
        e.HasMany(x => x.Staff).WithOne().HasForeignKey(x => x.DisputeId);
        e.HasMany(x => x.Encounters).WithOne().HasForeignKey(x => x.DisputeId);
        e.HasMany(x => x.Routes).WithOne().HasForeignKey(x => x.DisputeId);
        e.HasMany(x => x.Appraisals).WithOne().HasForeignKey(x => x.DisputeId);
        e.HasMany(x => x.CompensationLines).WithOne().HasForeignKey(x => x.DisputeId);
        e.HasMany(x => x.Payments).WithOne().HasForeignKey(x => x.DisputeId);
        e.HasMany(x => x.Seals).WithOne().HasForeignKey(x => x.DisputeId);
        e.HasMany(x => x.Duties).WithOne().HasForeignKey(x => x.DisputeId);
        e.HasMany(x => x.Accountability).WithOne().HasForeignKey(x => x.DisputeId);
        e.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.DisputeId);
    }
}

internal sealed class DisputeDepartmentConfiguration : IEntityTypeConfiguration<DisputeDepartment>
{
    public void Configure(EntityTypeBuilder<DisputeDepartment> e)
    {
        e.ToTable("dispute_departments");
        e.HasKey(x => new { x.DisputeId, x.DepartmentId });
        e.HasIndex(x => x.DepartmentId);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisputeStaffConfiguration : IEntityTypeConfiguration<DisputeStaff>
{
    public void Configure(EntityTypeBuilder<DisputeStaff> e)
    {
        e.ToTable("dispute_staff");
        e.HasKey(x => new { x.DisputeId, x.StaffId });
        e.HasIndex(x => x.StaffId);
        e.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisputeEncounterConfiguration : IEntityTypeConfiguration<DisputeEncounter>
{
    public void Configure(EntityTypeBuilder<DisputeEncounter> e)
    {
        e.ToTable("dispute_encounters");
        e.HasKey(x => new { x.DisputeId, x.EncounterId });
        e.HasIndex(x => x.EncounterId);
        e.HasOne(x => x.Encounter).WithMany().HasForeignKey(x => x.EncounterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisputeEventConfiguration : IEntityTypeConfiguration<DisputeEvent>
{
    public void Configure(EntityTypeBuilder<DisputeEvent> e)
    {
        e.ToTable("dispute_events");
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.HasIndex(x => new { x.DisputeId, x.At });
    }
}

internal sealed class DisputeRouteConfiguration : IEntityTypeConfiguration<DisputeRoute>
{
    public void Configure(EntityTypeBuilder<DisputeRoute> e)
    {
        e.ToTable("dispute_routes");
        e.Property(x => x.Route).HasMaxLength(32);
        e.Property(x => x.Body).HasMaxLength(200);
        e.Property(x => x.CaseNumber).HasMaxLength(100);
        e.Property(x => x.Result).HasMaxLength(16);
        e.Property(x => x.Notes).HasMaxLength(4000);
        e.HasIndex(x => x.DisputeId);
    }
}

internal sealed class DisputeAppraisalConfiguration : IEntityTypeConfiguration<DisputeAppraisal>
{
    public void Configure(EntityTypeBuilder<DisputeAppraisal> e)
    {
        e.ToTable("dispute_appraisals");
        e.Property(x => x.Body).HasMaxLength(200);
        e.Property(x => x.Fee).HasPrecision(14, 2);
        e.Property(x => x.FeePrepaidBy).HasMaxLength(16);
        e.Property(x => x.HarmDegree).HasMaxLength(100);
        e.Property(x => x.Causation).HasMaxLength(400);
        e.Property(x => x.Liability).HasMaxLength(16);
        e.Property(x => x.LiabilityPercent).HasPrecision(5, 2);
        e.HasIndex(x => x.DisputeId);
    }
}

internal sealed class DisputeCompensationLineConfiguration : IEntityTypeConfiguration<DisputeCompensationLine>
{
    public void Configure(EntityTypeBuilder<DisputeCompensationLine> e)
    {
        e.ToTable("dispute_compensation_lines");
        e.Property(x => x.Item).HasMaxLength(32);
        e.Property(x => x.Claimed).HasPrecision(14, 2);
        e.Property(x => x.Agreed).HasPrecision(14, 2);
        e.Property(x => x.Note).HasMaxLength(400);
        e.HasIndex(x => new { x.DisputeId, x.Item }).IsUnique();
    }
}

internal sealed class DisputePaymentConfiguration : IEntityTypeConfiguration<DisputePayment>
{
    public void Configure(EntityTypeBuilder<DisputePayment> e)
    {
        e.ToTable("dispute_payments");
        e.Property(x => x.Payer).HasMaxLength(16);
        e.Property(x => x.Amount).HasPrecision(14, 2);
        e.Property(x => x.Voucher).HasMaxLength(100);
        e.HasIndex(x => x.DisputeId);
    }
}

internal sealed class DisputeSealConfiguration : IEntityTypeConfiguration<DisputeSeal>
{
    public void Configure(EntityTypeBuilder<DisputeSeal> e)
    {
        e.ToTable("dispute_seals");
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Form).HasMaxLength(16);
        e.Property(x => x.Stage).HasMaxLength(100);
        e.Property(x => x.Contents).HasMaxLength(4000);
        e.Property(x => x.HospitalSigner).HasMaxLength(100);
        e.Property(x => x.FamilySigner).HasMaxLength(100);
        e.Property(x => x.UnsealReason).HasMaxLength(400);
        e.Property(x => x.UnsealedBy).HasMaxLength(100);
        e.HasIndex(x => x.DisputeId);
    }
}

internal sealed class DisputeDutyConfiguration : IEntityTypeConfiguration<DisputeDuty>
{
    public void Configure(EntityTypeBuilder<DisputeDuty> e)
    {
        e.ToTable("dispute_duties");
        e.Property(x => x.Duty).HasMaxLength(16);
        e.Property(x => x.ToldBy).HasMaxLength(100);
        e.Property(x => x.ToldWhom).HasMaxLength(100);
        e.HasIndex(x => x.DisputeId);
    }
}

internal sealed class DisputeAccountabilityConfiguration : IEntityTypeConfiguration<DisputeAccountability>
{
    public void Configure(EntityTypeBuilder<DisputeAccountability> e)
    {
        e.ToTable("dispute_accountability");
        e.Property(x => x.Decision).HasMaxLength(16);
        e.Property(x => x.Amount).HasPrecision(14, 2);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.DecidedBy).HasMaxLength(100);
        e.HasIndex(x => x.DisputeId);
        e.HasIndex(x => x.StaffId);
        e.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}
