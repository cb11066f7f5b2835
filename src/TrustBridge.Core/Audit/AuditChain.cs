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
/// so changing, inserting or deleting any row breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(AuditRecord r)
    {
        // Unit separators keep field boundaries unambiguous ("ab"+"c" differs from "a"+"bc").
        var canonical = string.Join('\u001F',
            r.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.AtUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            r.UserId ?? "", r.UserName ?? "", r.Action, r.EntityType ?? "", r.EntityId ?? "",
            r.Detail ?? "", r.RemoteAddress ?? "", r.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
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
public sealed class AuditChainVerifier
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
        if (!string.Equals(AuditChain.Hash(record), storedHash, StringComparison.Ordinal))
            return AuditVerification.Broken(_checked, record.Sequence, $"row {record.Sequence} was altered: its content does not match its hash");
        _previous = storedHash;
        _sequence++;
        return null;
    }
}

public sealed record AuditVerification(bool IsIntact, long RowsChecked, long? FirstBadSequence, string? Problem)
{
    public static AuditVerification Intact(long rows) => new(true, rows, null, null);
    public static AuditVerification Broken(long rows, long sequence, string problem) => new(false, rows, sequence, problem);
}
