using System.Security.Cryptography;
using System.Text;

namespace TrustBridge.Core.Audit;

/// <summary>The content of one audit row that its hash covers.</summary>
public sealed record AuditRecord(
    long Sequence,
    DateTime AtUtc,
    string? UserId,
    string? UserName,
    string Action,
    string? EntityType,
    string? EntityId,
    string? Detail,
    string? RemoteAddress,
    string PreviousHash);

/// <summary>
/// A hash chain over the audit log: each row's hash covers its own content and the previous row's hash,
/// so changing, inserting or deleting any row breaks every hash after it. With a key the link is an HMAC-SHA256, so
/// someone holding only the database cannot recompute the chain after an edit (ADR 016).
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The row that starts the keyed part of a chain whose earlier rows were written without a key.</summary>
    public const string KeyedMarkerAction = "audit.keyed";

    public static string Hash(AuditRecord r) => Hash(r, null);

    /// <summary>SHA-256 of the row without a key (the legacy chain); HMAC-SHA256 under the key otherwise.</summary>
    public static string Hash(AuditRecord r, byte[]? key)
    {
        var bytes = Encoding.UTF8.GetBytes(Canonical(r));
        return Convert.ToHexStringLower(key is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(key, bytes));
    }

    private static string Canonical(AuditRecord r)
    {
        // Unit separators keep field boundaries unambiguous ("ab"+"c" differs from "a"+"bc").
        var canonical = string.Join('\u001F',
            r.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.AtUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            r.UserId ?? "", r.UserName ?? "", r.Action, r.EntityType ?? "", r.EntityId ?? "",
            r.Detail ?? "", r.RemoteAddress ?? "", r.PreviousHash);
        return canonical;
    }

    /// <summary>Checks rows in sequence order; stored hashes are given alongside.</summary>
    public static AuditVerification Verify(IEnumerable<(AuditRecord Record, string StoredHash)> rows)
    {
        var verifier = new AuditChainVerifier();
        foreach (var (record, stored) in rows)
            if (verifier.Check(record, stored) is { } broken) return broken;
        return verifier.Result;
    }
}

/// <summary>Checks a chain one row at a time, so a log of any length can be streamed through it.</summary>
public sealed class AuditChainVerifier(byte[]? key = null, long keyedFrom = 1)
{
    private string _previous = AuditChain.Genesis;
    private long _sequence = 1;
    private long _checked;

    public AuditVerification Result => AuditVerification.Intact(_checked);

    /// <summary>Null while the chain holds; the first problem otherwise.</summary>
    public AuditVerification? Check(AuditRecord record, string storedHash)
    {
        _checked++;
        if (record.Sequence > _sequence)
            return AuditVerification.Broken(_checked, _sequence, $"row {_sequence} is missing (the next row is {record.Sequence})");
        if (record.Sequence < _sequence)
            return AuditVerification.Broken(_checked, record.Sequence, $"row {record.Sequence} appears twice or out of order");
        if (!string.Equals(record.PreviousHash, _previous, StringComparison.Ordinal))
            return AuditVerification.Broken(_checked, record.Sequence, $"row {record.Sequence} does not follow row {record.Sequence - 1}: a row was inserted, removed or replaced before it");
        var expected = AuditChain.Hash(record, key is not null && record.Sequence >= keyedFrom ? key : null);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(storedHash)))
            return AuditVerification.Broken(_checked, record.Sequence, $"row {record.Sequence} was altered: its content does not match its hash");
        _previous = storedHash;
        _sequence++;
        return null;
    }

    /// <summary>The last sequence checked and its hash, for comparison with a checkpoint.</summary>
    public long LastSequence => _sequence - 1;
    public string LastHash => _previous;
}

public sealed record AuditVerification(bool IsIntact, long RowsChecked, long? FirstBadSequence, string? Problem)
{
    /// <summary>Whether the rows are HMACs under the audit key (from <see cref="KeyedFrom"/> on).</summary>
    public bool Keyed { get; init; }
    public long? KeyedFrom { get; init; }
    /// <summary>The latest checkpoint the chain was compared with, if any.</summary>
    public long? CheckpointSequence { get; init; }
    public DateTime? CheckpointAtUtc { get; init; }

    public static AuditVerification Intact(long rows) => new(true, rows, null, null);
    public static AuditVerification Broken(long rows, long sequence, string problem) => new(false, rows, sequence, problem);
}
