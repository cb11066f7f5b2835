using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Portal;
using TrustBridge.Web.Features.Privacy;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Features.Demo;

/// <summary>
/// The demo hospital's portal, published as if reviewed: profile, process guides, FAQ, catalogue items, a page per
/// department, a week's sessions for every doctor (one stop notice), about 200 prices, 12 articles, 4 upcoming events
/// (one full) and 20 您说·我们做 entries. One SaveChanges per kind, so it adds well under a second.
/// </summary>
public sealed class DemoPortal(TrustDbContext db, HospitalClock clock, PatientIdentifierProtector protector, MobileHash hashes)
{
    public const string Writer = "office@demo.local";
    public const string Reviewer = "portal-reviewer@demo.local";

    public async Task<object> RunAsync(int seed, CancellationToken ct = default)
    {
        var random = new Random(seed + 11);
        var now = clock.UtcNow;
        var pages = new List<PortalPage>();
        void Page(string kind, string slug, int category, string title, string summary, string body, int position = 0, string? tags = null, int deadline = 20) =>
            pages.Add(new PortalPage
            {
                Kind = kind, Slug = slug, Category = category, Position = position, Tags = tags, DeadlineWorkingDays = deadline, CreatedAt = now, UpdatedAt = now,
                Versions = [new PortalPageVersion { Number = 1, Title = title, Summary = summary, Body = body, Status = PortalStatuses.Published,
                    WrittenBy = Writer, WrittenAt = now, ReviewedBy = Reviewer, ReviewedAt = now, PublishAt = now }],
            });

        Page(PortalPageKinds.Profile, "hospital", 1, "医院概况", "信桥市第一人民医院是三级甲等综合医院，医保定点医疗机构。", DemoPortalTexts.Profile, deadline: 10);
        var position = 0;
        foreach (var (slug, title, body) in DemoPortalTexts.Guides) Page(PortalPageKinds.Guide, slug, 3, title, DemoPortalTexts.FirstLine(body), body, position++);
        position = 0;
        foreach (var (slug, q, a) in DemoPortalTexts.Faqs) Page(PortalPageKinds.Faq, slug, 9, q, DemoPortalTexts.FirstLine(a), a, position++);
        foreach (var (slug, category, title, body) in DemoPortalTexts.Catalogue) Page(PortalPageKinds.Catalogue, slug, category, title, DemoPortalTexts.FirstLine(body), body);
        for (var i = 0; i < DemoPortalTexts.Articles.Length; i++)
        {
            var (slug, title, tags, body) = DemoPortalTexts.Articles[i];
            Page(PortalPageKinds.Article, slug, 6, title, DemoPortalTexts.FirstLine(body), body, i, tags);
        }
        var departments = await db.Departments.AsNoTracking().Where(d => d.Kind != DepartmentKinds.Admin && d.ParentId != null).OrderBy(d => d.Code).ToListAsync(ct);
        var specialties = DemoDepartments.All.ToDictionary(d => d.Code, d => d.Specialties);
        foreach (var d in departments)
        {
            var items = specialties.GetValueOrDefault(d.Code) ?? [];
            Page(PortalPageKinds.Department, d.Code, 2, d.Name, $"{d.Name}的诊疗范围、特色技术和就诊位置。",
                $"{d.Name}位于门诊楼{1 + d.Id % 5}楼，提供门诊、住院和会诊服务。\n\n## 诊疗范围\n\n" + string.Join("\n", items.Select(s => $"- {s}")) +
                "\n\n## 就诊须知\n\n1. 请携带身份证或医保电子凭证。\n2. 复诊请带上既往检查报告。\n3. 需要帮助时可到护士站或医患沟通办公室咨询。");
        }
        // Two of the catalogue items changed and are waiting for their update (one overdue) — the office's home shows it.
        pages.First(p => p.Slug == "procurement").ChangedOn = clock.Today.AddDays(-40);
        pages.First(p => p.Slug == "procurement").DueOn = clock.Today.AddDays(-10);
        db.PortalPages.AddRange(pages);

        var doctors = await db.Staff.AsNoTracking().Where(s => s.Active && s.LicenceNumber != null && s.Specialties != null && s.DepartmentId != null)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.Title, s.DepartmentId }).ToListAsync(ct);
        var sessions = new List<ClinicSession>();
        for (var i = 0; i < doctors.Count; i++)
        {
            var d = doctors[i];
            var expert = d.Title is "主任医师" or "副主任医师";
            var kind = expert ? "专家门诊" : "普通门诊";
            var place = $"门诊楼{1 + d.DepartmentId!.Value % 5}楼{(char)('A' + i % 4)}区";
            var first = 1 + i % 5;
            var second = 1 + (i + 2) % 5;
            sessions.Add(new ClinicSession { StaffId = d.Id, Weekday = first, HalfDay = HalfDays.Morning, ClinicKind = kind, Place = place });
            sessions.Add(new ClinicSession { StaffId = d.Id, Weekday = second, HalfDay = HalfDays.Afternoon, ClinicKind = kind, Place = place });
            if (i % 7 == 0) sessions.Add(new ClinicSession { StaffId = d.Id, Weekday = 6, HalfDay = HalfDays.Morning, ClinicKind = "普通门诊", Place = place });
        }
        db.ClinicSessions.AddRange(sessions);
        if (doctors.Count > 0)
        {
            var next = clock.Today.AddDays(1);
            while ((int)next.DayOfWeek is not 1) next = next.AddDays(1);
            db.ClinicStops.Add(new ClinicStop { StaffId = doctors[0].Id, Date = next, HalfDay = HalfDays.Morning, Reason = "外出学术会议", CreatedAt = now });
        }

        var prices = DemoPortalTexts.Prices(random).Select((p, i) => { p.Line = i + 2; p.ImportedAt = now; return p; }).ToList();
        db.PriceItems.AddRange(prices);

        var local = clock.Today;
        DateTime At(int days, int hour) => clock.LocalToUtc(local.AddDays(days).ToDateTime(new TimeOnly(hour, 0)));
        var events = new[]
        {
            new PortalEvent { Kind = PortalEventKinds.Lecture, Title = "高血压的家庭管理——心血管内科健康讲座", Description = "心血管内科主任医师讲解家庭血压测量、用药和饮食。讲座后可现场咨询。",
                StartsAt = At(5, 14), EndsAt = At(5, 16), Place = "门诊楼一楼健康教育室", Capacity = 60, CreatedAt = now },
            new PortalEvent { Kind = PortalEventKinds.FreeClinic, Title = "社区义诊：糖尿病与骨质疏松筛查", Description = "内分泌科联合社区卫生服务中心义诊，免费测血糖和骨密度。",
                StartsAt = At(9, 9), EndsAt = At(9, 12), Place = "信桥社区文化广场", Capacity = 200, CreatedAt = now },
            new PortalEvent { Kind = PortalEventKinds.Lecture, Title = "孕期营养与分娩准备", Description = "产科医生和营养师讲解孕期营养、产检和分娩准备。",
                StartsAt = At(12, 15), EndsAt = At(12, 17), Place = "住院楼三楼会议室", Capacity = 2, CreatedAt = now },
            new PortalEvent { Kind = PortalEventKinds.Community, Title = "心脏康复患者交流会", Description = "心脏康复患者与医护人员交流康复经验。",
                StartsAt = At(20, 14), EndsAt = At(20, 16), Place = "门诊楼一楼健康教育室", Capacity = 40, CreatedAt = now },
        };
        db.PortalEvents.AddRange(events);
        await db.SaveChangesAsync(ct);
        // The antenatal class is full.
        foreach (var (name, mobile) in new[] { ("王丽", "13700001111"), ("赵敏", "13700002222") })
        {
            var (encrypted, masked) = protector.ProtectMobile(mobile)!.Value;
            db.EventRegistrations.Add(new EventRegistration
            {
                EventId = events[2].Id, Reference = "DEMO" + mobile[^8..] + "REG1"[..4], Name = name, MobileEncrypted = encrypted, MobileMasked = masked,
                MobileHash = hashes.Of(mobile), Status = RegistrationStatuses.Registered, CreatedAt = now,
            });
        }

        var quarters = Enumerable.Range(0, 4).Select(i => YouSaidWeDidBook.QuarterOf(local.AddMonths(-3 * i))).ToArray();
        var withDepartment = departments.Where(d => d.Kind == DepartmentKinds.Clinical).ToList();
        for (var i = 0; i < DemoPortalTexts.YouSaidWeDid.Length; i++)
        {
            var (theme, said, did) = DemoPortalTexts.YouSaidWeDid[i];
            var quarter = quarters[i % quarters.Length];
            var status = i % 5 == 4 ? ActionStatuses.InProgress : i % 7 == 6 ? ActionStatuses.Planned : ActionStatuses.Done;
            var qStart = new DateOnly(int.Parse(quarter[..4]), (quarter[5] - '1') * 3 + 1, 1);
            var doneOn = qStart.AddDays(20 + i % 50);
            if (doneOn > local) doneOn = local;
            db.YouSaidWeDid.Add(new YouSaidWeDid
            {
                Quarter = quarter, DepartmentId = i % 4 == 3 ? null : withDepartment[(i * 7) % withDepartment.Count].Id, Theme = theme, Said = said, Did = did,
                Status = status, DoneOn = status == ActionStatuses.Done ? doneOn : null, SourceKind = "case", Published = true, WrittenBy = Writer,
                CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new { pages = pages.Count, sessions = sessions.Count, prices = prices.Count, articles = DemoPortalTexts.Articles.Length, events = events.Length,
            youSaidWeDid = DemoPortalTexts.YouSaidWeDid.Length };
    }
}
