using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Surveys;

public sealed class GetSurveyWave(TrustDbContext db)
{
    public async Task<WaveView?> RunAsync(int id, CancellationToken ct = default) =>
        (await ViewsAsync(db.SurveyWaves.Where(w => w.Id == id), ct)).FirstOrDefault();

    public Task<List<WaveView>> ListAsync(CancellationToken ct = default) =>
        ViewsAsync(db.SurveyWaves.OrderByDescending(w => w.Id).Take(200), ct);

    /// <summary>The waves with their invitations counted by status: two queries, however many waves.</summary>
    private async Task<List<WaveView>> ViewsAsync(IQueryable<Domain.SurveyWave> waves, CancellationToken ct)
    {
        var list = await waves.AsNoTracking().Include(x => x.Instrument).ToListAsync(ct);
        var ids = list.Select(w => w.Id).ToList();
        var counts = await db.SurveyInvitations.Where(i => ids.Contains(i.WaveId)).GroupBy(i => new { i.WaveId, i.Status })
            .Select(g => new { g.Key.WaveId, g.Key.Status, N = g.Count() }).ToListAsync(ct);
        return list.OrderByDescending(w => w.Id).Select(w => new WaveView(w.Id, w.Name, w.Instrument!.Code, w.Instrument.Version, w.PeriodFrom, w.PeriodTo,
            w.ContactDate, w.Margin, w.ResponseRate, w.Seed, w.CreatedAt, w.CreatedBy, JsonSerializer.Deserialize<DrawSummary>(w.DrawSummary)!,
            counts.Where(c => c.WaveId == w.Id).ToDictionary(c => c.Status, c => c.N))).ToList();
    }

    /// <summary>The drawn invitations, identifiers masked (the token is never listed: it is the patient's key).</summary>
    public Task<Paged<InvitationView>> InvitationsAsync(int waveId, string? departmentCode, int? page, int? pageSize, CancellationToken ct = default, bool export = false)
    {
        var q = from i in db.SurveyInvitations.AsNoTracking().Where(i => i.WaveId == waveId)
                join p in db.Patients on i.PatientId equals p.Id
                join d in db.Departments on i.DepartmentId equals d.Id
                where string.IsNullOrWhiteSpace(departmentCode) || d.Code == departmentCode
                orderby i.Id
                select new InvitationView(i.Id, d.Code, p.Mrn, p.Name, p.MobileMasked, i.EncounterDate, i.Status, i.ExpiresAt);
        return q.ToPagedAsync(page, pageSize, ct, export ? PagedQuery.MaxExportRows : PagedQuery.MaxPageSize);
    }
}
