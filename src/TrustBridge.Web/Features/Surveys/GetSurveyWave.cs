using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Surveys;

public sealed class GetSurveyWave(TrustDbContext db)
{
    public async Task<WaveView?> RunAsync(int id, CancellationToken ct = default)
    {
        var w = await db.SurveyWaves.AsNoTracking().Include(x => x.Instrument).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return null;
        var byStatus = await db.SurveyInvitations.Where(i => i.WaveId == id).GroupBy(i => i.Status)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return new WaveView(w.Id, w.Name, w.Instrument!.Code, w.Instrument.Version, w.PeriodFrom, w.PeriodTo, w.ContactDate, w.Margin,
            w.ResponseRate, w.Seed, w.CreatedAt, w.CreatedBy, JsonSerializer.Deserialize<DrawSummary>(w.DrawSummary)!, byStatus);
    }

    public async Task<List<WaveView>> ListAsync(CancellationToken ct = default)
    {
        var ids = await db.SurveyWaves.OrderByDescending(w => w.Id).Select(w => w.Id).Take(200).ToListAsync(ct);
        var list = new List<WaveView>();
        foreach (var id in ids) list.Add((await RunAsync(id, ct))!);
        return list;
    }

    /// <summary>The drawn invitations, identifiers masked (the token is never listed: it is the patient's key).</summary>
    public Task<Paged<InvitationView>> InvitationsAsync(int waveId, string? departmentCode, int? page, int? pageSize, CancellationToken ct = default)
    {
        var q = db.SurveyInvitations.AsNoTracking().Where(i => i.WaveId == waveId);
        if (!string.IsNullOrWhiteSpace(departmentCode)) q = q.Where(i => db.Departments.Any(d => d.Id == i.DepartmentId && d.Code == departmentCode));
        return q.OrderBy(i => i.Id)
            .Select(i => new InvitationView(i.Id, db.Departments.Where(d => d.Id == i.DepartmentId).Select(d => d.Code).First(),
                db.Patients.Where(p => p.Id == i.PatientId).Select(p => p.Mrn).First(),
                db.Patients.Where(p => p.Id == i.PatientId).Select(p => p.Name).First(),
                db.Patients.Where(p => p.Id == i.PatientId).Select(p => p.MobileMasked).First(),
                i.EncounterDate, i.Status, i.ExpiresAt))
            .ToPagedAsync(page, pageSize, ct);
    }
}
