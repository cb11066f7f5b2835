using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace TrustBridge.Web.Features.Privacy;

/// <summary>
/// The key-encryption key for the Data Protection key ring (DataProtection:MasterKey, base64 of 32 random bytes).
/// It lives outside the database — an environment variable or a secret store — so a copy of the database alone
/// cannot decrypt patients' mobile and identity numbers.
/// </summary>
public sealed class MasterKey
{
    public const string Setting = "DataProtection:MasterKey";

    private MasterKey(byte[] key) => Key = key;

    public byte[] Key { get; }

    /// <summary>The first bytes of the key's SHA-256, stored beside each encrypted key so a wrong master key is named as such.</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(Key).AsSpan(0, 8));

    public static MasterKey? From(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text)) return null;
        byte[] key;
        try { key = Convert.FromBase64String(text.Trim()); }
        catch (FormatException) { throw new InvalidOperationException($"{Setting} must be base64 (e.g. from `openssl rand -base64 32`)."); }
        if (key.Length != 32) throw new InvalidOperationException($"{Setting} must be 32 bytes (base64 of 32 random bytes), not {key.Length}.");
        return new MasterKey(key);
    }
}

/// <summary>Encrypts each Data Protection key with AES-256-GCM under the master key before it is stored.</summary>
public sealed class MasterKeyXmlEncryptor(MasterKey master) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(master.Key, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag);
        var element = new XElement("encryptedKey",
            new XAttribute("algorithm", "AES-256-GCM"), new XAttribute("masterKeyId", master.Id),
            Convert.ToBase64String([.. nonce, .. tag, .. cipher]));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Created by Data Protection through its (IServiceProvider) constructor when it reads an encrypted key.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var master = services.GetService<MasterKey>()
            ?? throw new InvalidOperationException($"The key ring is encrypted: set {MasterKey.Setting} to the master key it was written with.");
        var expected = (string?)encryptedElement.Attribute("masterKeyId");
        if (expected is not null && expected != master.Id)
            throw new InvalidOperationException($"{MasterKey.Setting} is not the master key the key ring was written with (expected key id {expected}, got {master.Id}).");
        var blob = Convert.FromBase64String(encryptedElement.Value);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[blob.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(master.Key, tagSize))
            aes.Decrypt(blob.AsSpan(0, nonceSize), blob.AsSpan(nonceSize + tagSize), blob.AsSpan(nonceSize, tagSize), plain);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
