using Microsoft.AspNetCore.DataProtection;
using TrustBridge.Core.Privacy;

namespace TrustBridge.Web.Features.Privacy;

/// <summary>Encrypts patient mobile numbers and identity numbers at rest, and makes their masked forms.</summary>
public sealed class PatientIdentifierProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("TrustBridge.PatientIdentifiers.v1");

    public (string Encrypted, string Masked)? ProtectMobile(string? normalizedMobile) =>
        string.IsNullOrEmpty(normalizedMobile) ? null : (_protector.Protect(normalizedMobile), ChineseMobile.Mask(normalizedMobile));

    public (string Encrypted, string Masked)? ProtectIdNumber(string? normalizedId) =>
        string.IsNullOrEmpty(normalizedId) ? null : (_protector.Protect(normalizedId), ChineseIdNumber.Mask(normalizedId));

    /// <summary>Any other personal address (a notification's recipient).</summary>
    public string Protect(string value) => _protector.Protect(value);

    public string? Reveal(string? encrypted) => string.IsNullOrEmpty(encrypted) ? null : _protector.Unprotect(encrypted);
}
