namespace TrustBridge.Web.Domain;

/// <summary>One row of the append-only, hash-chained audit log.</summary>
public class AuditEntry
{
    /// <summary>1, 2, 3 … with no gaps: a gap is a deleted row.</summary>
    public long Sequence { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Detail { get; set; }
    public string? RemoteAddress { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
