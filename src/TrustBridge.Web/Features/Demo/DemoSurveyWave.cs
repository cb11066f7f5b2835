using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Calendar;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Features.Demo;

public sealed record DemoWaveResult(int WaveId, DateOnly From, DateOnly To, int Invitations, int Answers, int ImprovementPlans);

/// <summary>
/// Gives the demo hospital a completed quarterly trust survey: a real wave drawn over the last complete quarter's
/// clinical departments (the same code the office uses), about 45% of the invited patients answering trust-10, and the
/// improvement plans the result calls for. Departments differ in how far patients trust them; 急诊科 is set low
/// and 心血管内科 high, so the funnel shows flags. Deterministic for a seed, apart from the link tokens.
/// </summary>
public sealed class DemoSurveyWave(TrustDbContext db, InstrumentCatalog catalog, CreateSurveyWave create, OpenImprovementPlans plans, HospitalClock clock)
{
    public const double ResponseRate = 0.45;
    private static readonly Dictionary<string, double> TrustingShare = new() { ["JZK"] = 0.42, ["XXNK"] = 0.93, ["EK"] = 0.88, ["PFK"] = 0.62 };

    public async Task<DemoWaveResult?> RunAsync(int seed, CancellationToken ct = default)
    {
        await catalog.EnsureShippedAsync(ct); // the CLI seeds without the web app's start-up
        var (from, to) = Quarters.LastComplete(clock.Today);
        var parents = db.Departments.Where(d => d.ParentId != null).Select(d => d.ParentId);
        var codes = await db.Departments
            .Where(d => d.Kind == DepartmentKinds.Clinical && d.Active && !parents.Contains(d.Id))
            .OrderBy(d => d.Code).Select(d => d.Code).ToArrayAsync(ct);
        if (codes.Length == 0) return null;

        var quarter = (from.Month - 1) / 3 + 1;
        var (waveId, errors) = await create.RunAsync(new WaveInput($"{from.Year}年第{quarter}季度医患信任度调查", ShippedInstruments.Trust10,
            from, to, codes, 0.05, ResponseRate, seed, to.AddDays(3)), ct);
        if (waveId is null) throw new InvalidOperationException("The demo wave was refused: " + string.Join("; ", errors.SelectMany(e => e.Value)));

        var instrument = await db.Instruments.AsNoTracking().Include(i => i.Items).FirstAsync(i => i.Code == ShippedInstruments.Trust10 && i.Status == InstrumentStatuses.Published, ct);
        var invitations = await db.SurveyInvitations.Where(i => i.WaveId == waveId).OrderBy(i => i.Id).ToListAsync(ct);
        var departmentCodes = await db.Departments.ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        var rng = new Random(StratifiedSeed(seed));
        var shareByDepartment = codes.ToDictionary(c => c, c => TrustingShare.GetValueOrDefault(c, 0.66 + rng.NextDouble() * 0.2));
        var sentAt = clock.LocalToUtc(to.AddDays(3).ToDateTime(new TimeOnly(10, 0)));
        var answers = 0;
        foreach (var invitation in invitations)
        {
            invitation.Status = InvitationStatuses.Sent;
            invitation.SentAt = sentAt;
            if (rng.NextDouble() >= ResponseRate) continue;
            var trusting = rng.NextDouble() < shareByDepartment[departmentCodes[invitation.DepartmentId]];
            var raw = Answer(instrument, trusting, rng);
            var (scored, _) = ResponseScoring.Score(instrument, raw);
            var submittedAt = sentAt.AddHours(1 + rng.Next(0, 96));
            var response = new SurveyResponse
            {
                ResponseKey = $"inv-{invitation.Id}", InstrumentId = instrument.Id, EncounterDate = invitation.EncounterDate,
                DepartmentId = invitation.DepartmentId, StaffId = invitation.StaffId, Source = ResponseSources.Invitation,
                SubmittedAt = submittedAt, Answers = scored!.Answers, Score = scored.Score, Trusts = scored.Trusts,
            };
            db.SurveyResponses.Add(response);
            if (ServiceRecovery.ReasonFor(response) is { } reason) db.ServiceRecoveryTasks.Add(ServiceRecovery.TaskFor(response, reason, submittedAt));
            invitation.Status = InvitationStatuses.Answered;
            invitation.AnsweredAt = submittedAt;
            answers++;
        }
        await db.SaveChangesAsync(ct);
        var opened = await plans.RunAsync(ShippedInstruments.Trust10, from, to, ct);
        return new DemoWaveResult(waveId.Value, from, to, invitations.Count, answers, opened.Count);
    }

    /// <summary>A respondent who trusts answers around 4.4 on the positive items, one who does not around 3.2; negative items mirror.</summary>
    private static Dictionary<string, string?> Answer(Instrument instrument, bool trusting, Random rng)
    {
        var level = trusting ? 4.4 : 3.2;
        return instrument.Items.Where(i => i.Scale == ItemScales.Likert5).ToDictionary(i => i.Code, i =>
        {
            var x = Math.Clamp((int)Math.Round(level + Gaussian(rng) * 0.55), 1, 5);
            return (string?)(i.Reverse ? 6 - x : x).ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static int StratifiedSeed(int seed) => Core.Sampling.StratifiedDraw.StableSeed(seed, "demo-answers");
}
