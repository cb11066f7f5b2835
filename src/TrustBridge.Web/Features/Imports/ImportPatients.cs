using System.Security.Cryptography;
using TrustBridge.Core.Privacy;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// Upserts patients by MRN. Mobile and identity number are stored encrypted, and encryption is randomised, so a
/// stored ciphertext is decrypted and kept when it still holds the same number: re-importing a file changes nothing.
/// </summary>
public static class ImportPatients
{
    private const string Type = "patients";
    private const int Batch = 500;

    public static async Task RunAsync(ImportSession s, IEnumerable<PatientRow> rows, string type = Type, IReadOnlyCollection<string>? keep = null)
    {
        var upsert = new BatchUpsert(s, "patients", "mrn",
            ["name", "gender", "birth_date", "mobile_encrypted", "mobile_masked", "id_number_encrypted", "id_number_masked", "deceased_on", "survey_opt_out"], keep);
        foreach (var chunk in rows.Chunk(Batch))
        {
            var stored = await StoredIdentifiersAsync(s, chunk.Select(r => r.Mrn).ToList());
            foreach (var row in chunk)
            {
                var known = stored.TryGetValue(row.Mrn, out var old);
                var mobile = Keep(s, old.Mobile, row.Mobile, m => s.Protector.ProtectMobile(m)!.Value.Encrypted);
                var id = Keep(s, old.IdNumber, row.IdNumber, n => s.Protector.ProtectIdNumber(n)!.Value.Encrypted);
                await upsert.AddAsync([row.Mrn, row.Name, row.Gender, row.BirthDate,
                    mobile, row.Mobile is null ? null : ChineseMobile.Mask(row.Mobile),
                    id, row.IdNumber is null ? null : ChineseIdNumber.Mask(row.IdNumber),
                    row.DeceasedOn, row.SurveyOptOut ?? old.SurveyOptOut], known);
            }
        }
        await upsert.FlushAsync();
        s.Tally.Applied(type, upsert.Inserted, upsert.Updated, upsert.Unchanged);
    }

    private static string? Keep(ImportSession s, string? storedCipher, string? plain, Func<string, string> encrypt)
    {
        if (plain is null) return null;
        if (storedCipher is not null)
        {
            try { if (s.Protector.Reveal(storedCipher) == plain) return storedCipher; }
            catch (CryptographicException) { } // written under a key this node no longer has: encrypt afresh
        }
        return encrypt(plain);
    }

    private static async Task<Dictionary<string, (string? Mobile, string? IdNumber, bool SurveyOptOut)>> StoredIdentifiersAsync(ImportSession s, List<string> mrns)
    {
        var map = new Dictionary<string, (string?, string?, bool)>(StringComparer.Ordinal);
        await using var cmd = s.Command("");
        var names = new List<string>();
        for (var i = 0; i < mrns.Count; i++)
        {
            names.Add("@m" + i);
            cmd.AddParameter("@m" + i, mrns[i]);
        }
        cmd.CommandText = $"SELECT mrn, mobile_encrypted, id_number_encrypted, survey_opt_out FROM patients WHERE mrn IN ({string.Join(", ", names)})";
        await using var r = await cmd.ExecuteReaderAsync(s.Ct);
        while (await r.ReadAsync(s.Ct))
            map[r.GetString(0)] = (r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetBoolean(3));
        return map;
    }
}
