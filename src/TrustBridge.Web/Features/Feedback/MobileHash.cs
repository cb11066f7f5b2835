using System.Security.Cryptography;
using System.Text;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>
/// A keyed hash of a complainant's mobile number, so repeat complainants can be counted without decrypting anything.
/// The key is derived from the master key (outside the database), so the hash cannot be reversed from a database copy
/// by trying every mobile number.
/// </summary>
public sealed class MobileHash(IServiceProvider services)
{
    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("TrustBridge.MobileHash.v1:" +
        Convert.ToBase64String(services.GetService<MasterKey>()?.Key ?? [])));

    public string Of(string normalizedMobile) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalizedMobile)));
}
