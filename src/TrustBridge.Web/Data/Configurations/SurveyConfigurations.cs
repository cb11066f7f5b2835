using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Data.Configurations;

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> e)
    {
        e.ToTable("instruments");
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.TitleZh).HasMaxLength(200);
        e.Property(x => x.TitleEn).HasMaxLength(200);
        e.Property(x => x.IntroZh).HasMaxLength(2000);
        e.Property(x => x.IntroEn).HasMaxLength(2000);
        e.Property(x => x.Status).HasMaxLength(16);
        e.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.InstrumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InstrumentItemConfiguration : IEntityTypeConfiguration<InstrumentItem>
{
    public void Configure(EntityTypeBuilder<InstrumentItem> e)
    {
        e.ToTable("instrument_items");
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.TextZh).HasMaxLength(500);
        e.Property(x => x.TextEn).HasMaxLength(500);
        e.Property(x => x.Scale).HasMaxLength(16);
        e.Property(x => x.Dimension).HasMaxLength(32);
        e.HasIndex(x => new { x.InstrumentId, x.Code }).IsUnique();
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> e)
    {
        // Migration 0006's triggers keep trust_daily_sums in step; declared so EF Core does not assume a trigger-free table.
        e.ToTable("survey_responses", t =>
        {
            t.HasTrigger("trust_daily_sums_insert");
            t.HasTrigger("trust_daily_sums_update");
            t.HasTrigger("trust_daily_sums_delete");
        });
        e.Property(x => x.ResponseKey).HasMaxLength(64);
        e.Property(x => x.Source).HasMaxLength(16);
        e.Property(x => x.Answers).HasMaxLength(2000);
        e.Property(x => x.Comment).HasMaxLength(4000);
        e.HasIndex(x => x.ResponseKey).IsUnique();
        e.HasIndex(x => new { x.InstrumentId, x.EncounterDate, x.DepartmentId });
        e.HasIndex(x => x.StaffId);
        e.HasIndex(x => x.DepartmentId);
        e.HasOne(x => x.Instrument).WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrustDailySumConfiguration : IEntityTypeConfiguration<TrustDailySum>
{
    public void Configure(EntityTypeBuilder<TrustDailySum> e)
    {
        e.ToTable("trust_daily_sums");
        e.HasKey(x => new { x.InstrumentId, x.EncounterDate, x.DepartmentId, x.Source });
        e.Property(x => x.Source).HasMaxLength(16);
    }
}

internal sealed class TrustDailySumsPauseConfiguration : IEntityTypeConfiguration<TrustDailySumsPause>
{
    public void Configure(EntityTypeBuilder<TrustDailySumsPause> e)
    {
        e.ToTable("trust_daily_sums_paused");
        e.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class SurveyWaveConfiguration : IEntityTypeConfiguration<SurveyWave>
{
    public void Configure(EntityTypeBuilder<SurveyWave> e)
    {
        e.ToTable("survey_waves");
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasOne(x => x.Instrument).WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Departments).WithOne().HasForeignKey(d => d.WaveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyWaveDepartmentConfiguration : IEntityTypeConfiguration<SurveyWaveDepartment>
{
    public void Configure(EntityTypeBuilder<SurveyWaveDepartment> e)
    {
        e.ToTable("survey_wave_departments");
        e.HasKey(x => new { x.WaveId, x.DepartmentId });
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> e)
    {
        e.ToTable("survey_invitations");
        e.Property(x => x.Token).HasMaxLength(32);
        e.Property(x => x.Status).HasMaxLength(16);
        e.HasIndex(x => x.Token).IsUnique();
        e.HasIndex(x => new { x.WaveId, x.PatientId }).IsUnique();
        e.HasIndex(x => new { x.PatientId, x.ContactDate });
        e.HasOne(x => x.Wave).WithMany().HasForeignKey(x => x.WaveId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Encounter>().WithMany().HasForeignKey(x => x.EncounterId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImprovementPlanConfiguration : IEntityTypeConfiguration<ImprovementPlan>
{
    public void Configure(EntityTypeBuilder<ImprovementPlan> e)
    {
        e.ToTable("improvement_plans");
        e.Property(x => x.InstrumentCode).HasMaxLength(64);
        e.Property(x => x.Owner).HasMaxLength(100);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.Notes).HasMaxLength(4000);
        e.HasIndex(x => new { x.DepartmentId, x.InstrumentCode, x.PeriodFrom, x.PeriodTo }).IsUnique();
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> e)
    {
        e.ToTable("improvement_actions");
        e.Property(x => x.What).HasMaxLength(500);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.Evidence).HasMaxLength(4000);
        e.Property(x => x.EvidenceUrl).HasMaxLength(500);
        e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceRecoveryTaskConfiguration : IEntityTypeConfiguration<ServiceRecoveryTask>
{
    public void Configure(EntityTypeBuilder<ServiceRecoveryTask> e)
    {
        e.ToTable("service_recovery_tasks");
        e.Property(x => x.Reason).HasMaxLength(200);
        e.Property(x => x.Comment).HasMaxLength(4000);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.Notes).HasMaxLength(4000);
        e.HasIndex(x => x.ResponseId).IsUnique();
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasOne(x => x.Response).WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyDraftConfiguration : IEntityTypeConfiguration<SurveyDraft>
{
    public void Configure(EntityTypeBuilder<SurveyDraft> e)
    {
        e.ToTable("survey_drafts");
        e.HasKey(x => x.InvitationId);
        e.Property(x => x.InvitationId).ValueGeneratedNever();
        e.Property(x => x.Answers).HasMaxLength(2000);
        e.Property(x => x.Comment).HasMaxLength(4000);
        e.HasOne<SurveyInvitation>().WithOne().HasForeignKey<SurveyDraft>(x => x.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}
