using System.Security.Cryptography;

namespace TrustBridge.Web.Features.Disputes;

/// <summary>JF- and 10 characters from 31 that cannot be misread: about 50 bits from a cryptographic generator, not guessable.</summary>
public static class DisputeReferences
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static string New() => "JF-" + RandomNumberGenerator.GetString(Alphabet, 10);
}
