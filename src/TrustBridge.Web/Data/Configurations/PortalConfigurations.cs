using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Data.Configurations;

internal sealed class PortalPageConfiguration : IEntityTypeConfiguration<PortalPage>
{
    public void Configure(EntityTypeBuilder<PortalPage> e)
    {
        e.ToTable("portal_pages");
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Slug).HasMaxLength(64);
        e.Property(x => x.Tags).HasMaxLength(200);
        e.HasIndex(x => new { x.Kind, x.Slug }).IsUnique();
        e.HasIndex(x => x.DueOn);
    }
}

internal sealed class PortalPageVersionConfiguration : IEntityTypeConfiguration<PortalPageVersion>
{
    public void Configure(EntityTypeBuilder<PortalPageVersion> e)
    {
        e.ToTable("portal_page_versions");
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Summary).HasMaxLength(500);
        e.Property(x => x.Body).HasMaxLength(100000);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.WrittenBy).HasMaxLength(100);
        e.Property(x => x.ReviewedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.PageId, x.Number }).IsUnique();
        e.HasOne(x => x.Page).WithMany(p => p.Versions).HasForeignKey(x => x.PageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClinicSessionConfiguration : IEntityTypeConfiguration<ClinicSession>
{
    public void Configure(EntityTypeBuilder<ClinicSession> e)
    {
        e.ToTable("clinic_sessions");
        e.Property(x => x.HalfDay).HasMaxLength(8);
        e.Property(x => x.ClinicKind).HasMaxLength(32);
        e.Property(x => x.Place).HasMaxLength(100);
        e.HasIndex(x => new { x.StaffId, x.Weekday, x.HalfDay }).IsUnique();
        e.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClinicStopConfiguration : IEntityTypeConfiguration<ClinicStop>
{
    public void Configure(EntityTypeBuilder<ClinicStop> e)
    {
        e.ToTable("clinic_stops");
        e.Property(x => x.HalfDay).HasMaxLength(8);
        e.Property(x => x.Reason).HasMaxLength(200);
        e.HasIndex(x => new { x.StaffId, x.Date });
        e.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PriceItemConfiguration : IEntityTypeConfiguration<PriceItem>
{
    public void Configure(EntityTypeBuilder<PriceItem> e)
    {
        e.ToTable("price_items");
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Content).HasMaxLength(2000);
        e.Property(x => x.Exclusions).HasMaxLength(1000);
        e.Property(x => x.BrandName).HasMaxLength(200);
        e.Property(x => x.DosageForm).HasMaxLength(50);
        e.Property(x => x.Specification).HasMaxLength(200);
        e.Property(x => x.Unit).HasMaxLength(50);
        e.Property(x => x.Price).HasPrecision(14, 2);
        e.Property(x => x.InsuranceClass).HasMaxLength(16);
        e.Property(x => x.Manufacturer).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => new { x.Kind, x.Line });
    }
}

internal sealed class YouSaidWeDidConfiguration : IEntityTypeConfiguration<YouSaidWeDid>
{
    public void Configure(EntityTypeBuilder<YouSaidWeDid> e)
    {
        e.ToTable("you_said_we_did");
        e.Property(x => x.Quarter).HasMaxLength(8);
        e.Property(x => x.Theme).HasMaxLength(32);
        e.Property(x => x.Said).HasMaxLength(1000);
        e.Property(x => x.Did).HasMaxLength(2000);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.SourceKind).HasMaxLength(32);
        e.Property(x => x.WrittenBy).HasMaxLength(100);
        e.HasIndex(x => new { x.Quarter, x.DepartmentId });
        e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PortalEventConfiguration : IEntityTypeConfiguration<PortalEvent>
{
    public void Configure(EntityTypeBuilder<PortalEvent> e)
    {
        e.ToTable("portal_events");
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.Place).HasMaxLength(200);
        e.HasIndex(x => x.StartsAt);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> e)
    {
        e.ToTable("event_registrations");
        e.Property(x => x.Reference).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.MobileMasked).HasMaxLength(16);
        e.Property(x => x.MobileHash).HasMaxLength(64);
        e.Property(x => x.Status).HasMaxLength(16);
        e.HasIndex(x => x.Reference).IsUnique();
        e.HasIndex(x => new { x.EventId, x.MobileHash }).IsUnique();
        e.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
