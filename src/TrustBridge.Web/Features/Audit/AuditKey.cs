using System.Security.Cryptography;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Audit;

/// <summary>
/// The key of the audit chain's HMACs and checkpoints. Like the Data Protection master key it lives outside the database:
/// Audit:Key (base64 of 32 bytes), else derived from DataProtection:MasterKey with HKDF, so a site that already keeps a
/// master key needs no new secret. Without either the chain stays an unkeyed SHA-256 chain (a warning is logged at start).
/// </summary>
public sealed class AuditKey
{
    public const string Setting = "Audit:Key";

    private AuditKey(byte[]? key) => Key = key;

    public byte[]? Key { get; }

    public static AuditKey From(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(text))
        {
            byte[] key;
            try { key = Convert.FromBase64String(text.Trim()); }
            catch (FormatException) { throw new InvalidOperationException($"{Setting} must be base64 (e.g. from `openssl rand -base64 32`)."); }
            if (key.Length != 32) throw new InvalidOperationException($"{Setting} must be 32 bytes (base64 of 32 random bytes), not {key.Length}.");
            return new AuditKey(key);
        }
        if (MasterKey.From(configuration) is { } master)
            return new AuditKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, master.Key, 32, info: "TrustBridge audit chain v1"u8.ToArray()));
        return new AuditKey(null);
    }
}
