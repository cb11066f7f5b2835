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

    /// <param name="absentIdentifiersKept">A row without a mobile or identity number keeps the stored one (FHIR: a Patient
    /// resource that carries no telecom says nothing of the phone, it does not erase it).</param>
    public static async Task RunAsync(ImportSession s, IEnumerable<PatientRow> rows, string type = Type, IReadOnlyCollection<string>? keep = null,
        bool absentIdentifiersKept = false)
    {
        var upsert = new BatchUpsert(s, "patients", "mrn",
            ["name", "gender", "birth_date", "mobile_encrypted", "mobile_masked", "id_number_encrypted", "id_number_masked", "deceased_on", "survey_opt_out"], keep);
        foreach (var chunk in rows.Chunk(Batch))
        {
            var stored = await StoredIdentifiersAsync(s, chunk.Select(r => r.Mrn).ToList());
            foreach (var row in chunk)
            {
                var known = stored.TryGetValue(row.Mrn, out var old);
                var (mobile, mobileMasked) = absentIdentifiersKept && row.Mobile is null
                    ? (old.Mobile, old.MobileMasked)
                    : (Keep(s, old.Mobile, row.Mobile, m => s.Protector.ProtectMobile(m)!.Value.Encrypted), row.Mobile is null ? null : ChineseMobile.Mask(row.Mobile));
                var (id, idMasked) = absentIdentifiersKept && row.IdNumber is null
                    ? (old.IdNumber, old.IdNumberMasked)
                    : (Keep(s, old.IdNumber, row.IdNumber, n => s.Protector.ProtectIdNumber(n)!.Value.Encrypted), row.IdNumber is null ? null : ChineseIdNumber.Mask(row.IdNumber));
                await upsert.AddAsync([row.Mrn, row.Name, row.Gender, row.BirthDate, mobile, mobileMasked, id, idMasked,
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

    private static async Task<Dictionary<string, (string? Mobile, string? MobileMasked, string? IdNumber, string? IdNumberMasked, bool SurveyOptOut)>> StoredIdentifiersAsync(ImportSession s, List<string> mrns)
    {
        var map = new Dictionary<string, (string?, string?, string?, string?, bool)>(StringComparer.Ordinal);
        await using var cmd = s.Command("");
        var names = new List<string>();
        for (var i = 0; i < mrns.Count; i++)
        {
            names.Add("@m" + i);
            cmd.AddParameter("@m" + i, mrns[i]);
        }
        cmd.CommandText = $"SELECT mrn, mobile_encrypted, mobile_masked, id_number_encrypted, id_number_masked, survey_opt_out FROM patients WHERE mrn IN ({string.Join(", ", names)})";
        await using var r = await cmd.ExecuteReaderAsync(s.Ct);
        while (await r.ReadAsync(s.Ct))
            map[r.GetString(0)] = (Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), r.GetBoolean(5));
        return map;
    }

    private static string? Text(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
