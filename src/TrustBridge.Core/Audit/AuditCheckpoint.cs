using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrustBridge.Core.Audit;

/// <summary>
/// An anchor of the audit chain kept outside the database: the chain had <see cref="Sequence"/> rows, the last with
/// <see cref="Hash"/>, at <see cref="AtUtc"/>; rows from <see cref="KeyedFrom"/> on are keyed. <see cref="Mac"/> signs
/// the rest with the audit key, so a checkpoint cannot be forged to match a rewritten chain. A checkpoint written before
/// the site had a key (<see cref="KeyedFrom"/> 0) carries a plain SHA-256 instead and only anchors the legacy rows.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTime AtUtc, long KeyedFrom, string Mac)
{
    public bool Keyed => KeyedFrom > 0;

    public static AuditCheckpoint Sign(long sequence, string hash, DateTime atUtc, long keyedFrom, byte[]? key)
    {
        var from = key is null ? 0 : keyedFrom;
        return new(sequence, hash, atUtc, from, ComputeMac(sequence, hash, atUtc, from, key));
    }

    public bool HasValidMac(byte[]? key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac), Encoding.ASCII.GetBytes(ComputeMac(Sequence, Hash, AtUtc, KeyedFrom, Keyed ? key : null)));

    private static string ComputeMac(long sequence, string hash, DateTime atUtc, long keyedFrom, byte[]? key)
    {
        // "checkpoint" separates this use of the key from the chain's row HMACs.
        var text = string.Join('\u001F', "checkpoint", sequence.ToString(CultureInfo.InvariantCulture), hash,
            atUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture), keyedFrom.ToString(CultureInfo.InvariantCulture));
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(key is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(key, bytes));
    }
}
