using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Data.Configurations;

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> e)
    {
        e.ToTable("staff_sessions");
        e.Property(x => x.Id).HasMaxLength(64);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Kind).HasMaxLength(16);
        e.Property(x => x.RemoteAddress).HasMaxLength(64);
        e.HasIndex(x => x.UserId);
        e.HasIndex(x => x.ExpiresAt);
    }
}
