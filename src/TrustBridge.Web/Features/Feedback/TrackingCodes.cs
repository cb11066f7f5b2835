using System.Security.Cryptography;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>
/// The code a patient follows a case with: 12 characters from 31 that cannot be misread (no 0/O, 1/I/L, U),
/// about 59 bits from a cryptographic generator, so codes cannot be guessed or enumerated.
/// </summary>
public static class TrackingCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 12;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Accepts what a patient may type: lower case, spaces or dashes between groups.</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var s = new string(code.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
        return s.Length == Length && s.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? s : null;
    }

    /// <summary>Shown as ABCD-EFGH-JKMN, easier to read out on the phone.</summary>
    public static string Display(string code) => code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;
}
