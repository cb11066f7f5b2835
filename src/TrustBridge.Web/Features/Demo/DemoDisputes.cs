using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Disputes;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Disputes;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Demo;

/// <summary>
/// Gives the demo hospital about 60 medical disputes over the last two years across every route and outcome, a few
/// escalated from its feedback cases, with appraisals, compensation lines and payments (hospital and insurer) whose
/// average over the disputes that paid is 10.81万元 (the figure reported for Chinese hospitals), accountability decisions
/// and lessons; the newest are still open with their clocks running. Written in one SaveChanges without audit rows (the
/// seed itself is audited). Deterministic for a seed, apart from references.
/// </summary>
public sealed class DemoDisputes(TrustDbContext db, HospitalClock clock)
{
    public const int Count = 60;
    public const decimal TargetAveragePaid = 108_100m;
    private static readonly string[] Claims =
    [
        "术后切口感染，延长住院，要求赔偿医疗费和误工费", "诊断延误导致病情加重，要求医院承担责任", "用药后出现严重过敏反应，质疑未做皮试", "产妇分娩时新生儿窒息，家属要求说法",
        "手术中损伤神经，术后肢体功能障碍", "患者住院期间跌倒骨折，认为护理不到位", "抢救不及时，患者死亡，家属要求赔偿", "检查报告漏诊肿瘤，延误治疗",
        "输液外渗致皮肤坏死", "术前告知不充分，对手术效果不满", "内镜检查后穿孔，二次手术", "院内感染导致败血症",
    ];
    private static readonly string[] Committees = ["市医疗纠纷人民调解委员会", "区医疗纠纷人民调解委员会"];
    private static readonly string[] Lessons = ["术前风险告知须书面并由患方签字确认", "高危患者跌倒评估每班落实", "危急值报告后 30 分钟内处置并记录", "抗菌药物皮试流程再培训", "病历书写及时完整，杜绝补记"];

    public async Task<int> RunAsync(int seed, CancellationToken ct = default)
    {
        if (await db.Disputes.AnyAsync(ct)) return 0;
        var rng = new Random(Core.Sampling.StratifiedDraw.StableSeed(seed, "demo-disputes"));
        var departments = await db.Departments.AsNoTracking().Where(d => d.Kind == DepartmentKinds.Clinical && d.Active)
            .Where(d => !db.Departments.Any(c => c.ParentId == d.Id)).OrderBy(d => d.Code).Select(d => d.Id).ToListAsync(ct);
        if (departments.Count == 0) return 0;
        var doctors = (await db.Staff.AsNoTracking().Where(s => s.Active && s.DepartmentId != null && s.Title != null && s.Title.EndsWith("医师")).OrderBy(s => s.Id)
            .Select(s => new { s.Id, DepartmentId = s.DepartmentId!.Value }).ToListAsync(ct)).GroupBy(s => s.DepartmentId).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToArray());
        var patients = await db.Patients.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).Take(2000).ToListAsync(ct);
        var escalatable = await db.FeedbackCases.Where(c => c.Type == "complaint" && c.RiskLevel != "low" && c.Status != CaseStatuses.Merged && c.DepartmentId != null)
            .OrderBy(c => c.Id).Take(6).ToListAsync(ct);
        var today = clock.Today;
        var now = clock.UtcNow;
        // Routes and outcomes in the proportions such offices report: most by negotiation or people's mediation.
        string[] routes = [.. Enumerable.Repeat(DisputeRoutes.Negotiation, 20), .. Enumerable.Repeat(DisputeRoutes.PeopleMediation, 22),
            .. Enumerable.Repeat(DisputeRoutes.AdministrativeMediation, 6), .. Enumerable.Repeat(DisputeRoutes.Litigation, 9), .. Enumerable.Repeat(DisputeRoutes.Other, 3)];
        var disputes = new List<Dispute>();
        for (var i = 0; i < Count; i++)
        {
            var fromCase = i % 10 == 3 && escalatable.Count > 0 ? escalatable[0] : null;
            if (fromCase is not null) escalatable.RemoveAt(0);
            var arisen = fromCase is not null ? clock.LocalDate(fromCase.ReceivedAt) : today.AddDays(-(int)(10 + (Count - 1 - i) * 720.0 / Count) - rng.Next(0, 10));
            var dept = fromCase?.DepartmentId ?? departments[rng.Next(departments.Count)];
            var route = routes[(i * 7) % routes.Length];
            var open = arisen > today.AddDays(-60) || i % 19 == 0;
            var died = i % 13 == 6;
            var severity = died ? DisputeSeverities.Death : (i % 5) switch { 0 => DisputeSeverities.Severe, 1 or 2 => DisputeSeverities.Moderate, _ => DisputeSeverities.Minor };
            var claimed = decimal.Round((decimal)(30_000 + rng.NextDouble() * 370_000) / 100m, 0) * 100m;
            var at = clock.StartOfDayUtc(arisen).AddHours(9);
            var d = new Dispute
            {
                Reference = DisputeReferences.New(), PatientId = fromCase?.PatientId ?? (patients.Count > 0 ? patients[rng.Next(patients.Count)] : null),
                Claim = fromCase?.Content ?? Claims[i % Claims.Length], ClaimedAmount = died ? claimed * 3 : claimed, ArisenOn = arisen, KnewOn = arisen, Severity = severity,
                PatientDied = died, DiedAt = died ? at.AddHours(-20) : null, BodyFrozen = died && i % 2 == 0, AutopsyDecision = died ? (i % 3 == 0 ? "consent" : "refusal") : null,
                AutopsyDecidedAt = died ? at.AddHours(-2) : null, ReportedBy = i % 2 == 0 ? "患者家属" : "患者本人", Major = died || severity == DisputeSeverities.Severe,
                AuthorityReportedAt = died || severity == DisputeSeverities.Severe ? at.AddHours(6) : null, AuthorityReportedTo = died || severity == DisputeSeverities.Severe ? "市卫生健康委医政医管处" : null,
                FeedbackCaseId = fromCase?.Id, CreatedBy = "医患办 刘敏", CreatedAt = at, UpdatedAt = at,
                Departments = [new DisputeDepartment { DepartmentId = dept }],
            };
            var doctor = doctors.TryGetValue(dept, out var ds) && ds.Length > 0 ? ds[rng.Next(ds.Length)] : (int?)null;
            if (fromCase?.StaffId is { } named) doctor = named;
            if (doctor is { } doc) d.Staff.Add(new DisputeStaff { StaffId = doc });
            d.Events.Add(new DisputeEvent { At = at, Kind = "registered", ActorName = d.CreatedBy, Text = fromCase is null ? "登记纠纷" : $"由反馈工单 {fromCase.Id} 转为纠纷" });
            d.Duties.Add(new DisputeDuty { Duty = "routes", ToldOn = arisen, ToldBy = "医患办 刘敏", ToldWhom = d.ReportedBy! });
            d.Duties.Add(new DisputeDuty { Duty = "sealing", ToldOn = arisen, ToldBy = "医务科 王磊", ToldWhom = d.ReportedBy! });
            if (died) d.Duties.Add(new DisputeDuty { Duty = "autopsy", ToldOn = arisen, ToldBy = "医务科 王磊", ToldWhom = "患者家属" });
            d.Seals.Add(new DisputeSeal
            {
                Kind = "records", Form = "copies", Contents = "住院病历复制件全套（含医嘱单、护理记录、手术记录）", SealedAt = at.AddHours(3), HospitalSigner = "医务科 王磊", FamilySigner = d.ReportedBy!,
                HospitalConfirmedAt = at.AddHours(3), FamilyConfirmedAt = at.AddHours(3),
            });
            var accepted = arisen.AddDays(7 + rng.Next(0, 20));
            if (accepted > today) accepted = today;
            var appraised = route is DisputeRoutes.PeopleMediation or DisputeRoutes.Litigation or DisputeRoutes.AdministrativeMediation && i % 3 != 2;
            var degree = appraised ? LiabilityDegree.All[(i * 5) % LiabilityDegree.All.Count] : null;
            if (appraised && !open)
            {
                var from = accepted.AddDays(5);
                d.Appraisals.Add(new DisputeAppraisal
                {
                    Body = "市医学会", CommissionedOn = from, OpinionOn = from.AddDays(40), Fee = 3_500m, FeePrepaidBy = "hospital", Harm = degree != LiabilityDegree.None, Fault = degree != LiabilityDegree.None,
                    HarmDegree = degree == LiabilityDegree.None ? null : $"{8 + i % 3}级伤残", Causation = degree == LiabilityDegree.None ? "无因果关系" : "诊疗过错与损害后果存在因果关系",
                    Liability = degree!.Code, LiabilityPercent = degree.TypicalPercent, CreatedAt = at,
                });
            }
            var closedOn = open ? (DateOnly?)null : accepted.AddDays(30 + rng.Next(0, 80));
            if (closedOn > today) closedOn = today;
            d.Routes.Add(new DisputeRoute
            {
                Route = route, AppliedOn = route == DisputeRoutes.AdministrativeMediation ? accepted.AddDays(-3) : null, AcceptedOn = accepted,
                Body = route switch { DisputeRoutes.PeopleMediation => Committees[i % 2], DisputeRoutes.AdministrativeMediation => "市卫生健康委", DisputeRoutes.Litigation => "区人民法院", _ => null },
                CaseNumber = route == DisputeRoutes.Litigation ? $"({arisen.Year})民初{1000 + i}号" : null,
                HospitalRepresentatives = route == DisputeRoutes.Negotiation ? 3 : null, FamilyRepresentatives = route == DisputeRoutes.Negotiation ? 2 + i % 4 : null,
                Active = open, EndedOn = closedOn, CreatedAt = at,
                Result = open ? null : route == DisputeRoutes.Litigation ? "judgment" : degree == LiabilityDegree.None ? "other" : i % 11 == 5 ? "withdrawn" : "agreement",
            });
            if (!open)
            {
                d.Status = DisputeStatuses.Closed;
                d.ClosedOn = closedOn;
                d.Outcome = route == DisputeRoutes.Litigation ? DisputeOutcomes.Judgment : degree == LiabilityDegree.None ? DisputeOutcomes.NoLiability
                    : i % 11 == 5 ? DisputeOutcomes.Withdrawn : route == DisputeRoutes.Other ? DisputeOutcomes.Other : DisputeOutcomes.Settled;
                d.RootCauses = string.Join(',', new[] { DisputeWork.RootCauses[8 + i % 8], DisputeWork.RootCauses[i % 8] }.Distinct());
                d.Lessons = Lessons[i % Lessons.Length];
                d.Events.Add(new DisputeEvent { At = clock.StartOfDayUtc(closedOn!.Value).AddHours(16), Kind = "closed", ActorName = "医患办 刘敏", Text = $"结案：{d.Outcome}" });
                if (doctor is { } who && degree is not null && degree != LiabilityDegree.None)
                    d.Accountability.Add(new DisputeAccountability
                    {
                        StaffId = who, Decision = degree.Code is "full" or "major" ? AccountabilityDecisions.PayDeduction : AccountabilityDecisions.Education,
                        Amount = degree.Code is "full" or "major" ? 2_000m : null, Reason = "鉴定认定存在诊疗过错", DecidedOn = closedOn.Value, DecidedBy = "医疗质量与安全管理委员会",
                    });
            }
            disputes.Add(d);
        }

        // Compensation: the paying disputes draw a spread of amounts, scaled so their average is 10.81万元.
        var paying = disputes.Where(d => d.Status == DisputeStatuses.Closed && d.Outcome is DisputeOutcomes.Settled or DisputeOutcomes.Judgment or DisputeOutcomes.Other).ToList();
        var negotiated = paying.Where(d => d.Routes[0].Route == DisputeRoutes.Negotiation).ToList();
        var raw = paying.ToDictionary(d => d, d => negotiated.Contains(d) ? 0.0 : Math.Exp(rng.NextDouble() * 2.2) * (d.PatientDied ? 3 : 1));
        var negotiationTotal = negotiated.Sum(_ => 0m) + negotiated.Count * 8_000m; // negotiation alone settles at most 1万元
        var rest = TargetAveragePaid * paying.Count - negotiationTotal;
        var rawSum = raw.Values.Sum();
        var amounts = paying.ToDictionary(d => d, d => negotiated.Contains(d) ? 8_000m : decimal.Round((decimal)(raw[d] / rawSum) * rest / 100m, 0) * 100m);
        var drift = TargetAveragePaid * paying.Count - amounts.Values.Sum();
        if (paying.Except(negotiated).MaxBy(d => amounts[d]) is { } biggest) amounts[biggest] += drift;
        foreach (var d in paying)
        {
            var agreed = amounts[d];
            var medical = decimal.Round(agreed * 0.3m, 2);
            var nursing = decimal.Round(agreed * 0.1m, 2);
            var main = d.PatientDied ? "death" : "disability";
            var lines = new List<DisputeCompensationLine>
            {
                new() { Item = "medical", Claimed = decimal.Round(d.ClaimedAmount * 0.3m, 2), Agreed = medical },
                new() { Item = "nursing", Claimed = decimal.Round(d.ClaimedAmount * 0.1m, 2), Agreed = nursing },
                new() { Item = main, Claimed = d.ClaimedAmount - decimal.Round(d.ClaimedAmount * 0.3m, 2) - decimal.Round(d.ClaimedAmount * 0.1m, 2), Agreed = agreed - medical - nursing },
            };
            d.CompensationLines.AddRange(lines);
            var paidOn = d.ClosedOn!.Value.AddDays(-3);
            var insurer = agreed > 10_000m ? decimal.Round(agreed * 0.7m, 2) : 0m;
            d.Payments.Add(new DisputePayment { Payer = DisputePayers.Hospital, Amount = agreed - insurer, PaidOn = paidOn, Voucher = $"财务-{d.ArisenOn:yyyyMM}-{d.Reference[^4..]}", CreatedAt = now });
            if (insurer > 0) d.Payments.Add(new DisputePayment { Payer = DisputePayers.Insurer, Amount = insurer, PaidOn = paidOn.AddDays(2) > today ? today : paidOn.AddDays(2), Voucher = $"医责险-{d.Reference[^4..]}", CreatedAt = now });
        }
        db.Disputes.AddRange(disputes);
        await db.SaveChangesAsync(ct);
        var linked = disputes.Where(d => d.FeedbackCaseId is not null).ToList();
        foreach (var d in linked)
        {
            var c = await db.FeedbackCases.FirstAsync(x => x.Id == d.FeedbackCaseId, ct);
            db.FeedbackCaseEvents.Add(new FeedbackCaseEvent { CaseId = c.Id, At = d.CreatedAt, Kind = "escalated", ActorName = "医患办 刘敏", FromStatus = c.Status, ToStatus = CaseStatuses.Escalated, VisibleToPatient = true });
            db.FeedbackCaseEvents.Add(new FeedbackCaseEvent { CaseId = c.Id, At = d.CreatedAt, Kind = "dispute", ActorName = "医患办 刘敏", FromStatus = CaseStatuses.Escalated, ToStatus = CaseStatuses.Escalated, Text = $"已转为医疗纠纷 {d.Reference}" });
            c.Status = CaseStatuses.Escalated;
        }
        await db.SaveChangesAsync(ct);
        return disputes.Count;
    }
}
