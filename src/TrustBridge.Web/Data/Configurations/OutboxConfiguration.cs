using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Data.Configurations;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("outbox_messages");
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Channel).HasMaxLength(16);
        e.Property(x => x.RecipientMasked).HasMaxLength(64);
        e.Property(x => x.Body).HasMaxLength(2000);
        e.Property(x => x.Correlation).HasMaxLength(64);
        e.Property(x => x.Status).HasMaxLength(16);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        e.HasIndex(x => x.Correlation);
    }
}
