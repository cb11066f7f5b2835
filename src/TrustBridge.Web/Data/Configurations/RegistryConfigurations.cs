using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.ToTable("departments");
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.HasIndex(x => x.Code).IsUnique();
        e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> e)
    {
        e.ToTable("staff");
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Title).HasMaxLength(32);
        e.Property(x => x.LicenceNumber).HasMaxLength(32);
        e.Property(x => x.Specialties).HasMaxLength(500);
        e.Property(x => x.Bio).HasMaxLength(4000);
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.DepartmentId);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> e)
    {
        e.ToTable("patients");
        e.Property(x => x.Mrn).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Gender).HasMaxLength(8);
        e.Property(x => x.MobileMasked).HasMaxLength(16);
        e.Property(x => x.IdNumberMasked).HasMaxLength(24);
        e.HasIndex(x => x.Mrn).IsUnique();
        e.HasIndex(x => x.Name);
    }
}

internal sealed class EncounterConfiguration : IEntityTypeConfiguration<Encounter>
{
    public void Configure(EntityTypeBuilder<Encounter> e)
    {
        e.ToTable("encounters");
        e.Property(x => x.HisId).HasMaxLength(64);
        e.Property(x => x.Type).HasMaxLength(16);
        e.Property(x => x.DischargeDisposition).HasMaxLength(16);
        e.HasIndex(x => x.HisId).IsUnique();
        e.HasIndex(x => new { x.DepartmentId, x.StartedAt });
        e.HasIndex(x => x.PatientId);
        e.HasIndex(x => x.AttendingStaffId);
        e.HasOne(x => x.Patient).WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.AttendingStaff).WithMany().HasForeignKey(x => x.AttendingStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_log");
        e.HasKey(x => x.Sequence);
        e.Property(x => x.Sequence).ValueGeneratedNever();
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.EntityType).HasMaxLength(64);
        e.Property(x => x.EntityId).HasMaxLength(64);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.RemoteAddress).HasMaxLength(64);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => x.AtUtc);
        e.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}

internal sealed class UserDepartmentScopeConfiguration : IEntityTypeConfiguration<UserDepartmentScope>
{
    public void Configure(EntityTypeBuilder<UserDepartmentScope> e)
    {
        e.ToTable("user_department_scopes");
        e.HasKey(x => new { x.UserId, x.DepartmentId });
        e.HasOne<StaffUser>().WithMany(u => u.DepartmentScopes).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e)
    {
        e.ToTable("data_protection_keys");
        e.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}
