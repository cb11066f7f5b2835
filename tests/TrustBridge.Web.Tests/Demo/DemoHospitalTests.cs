using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Core.Privacy;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Demo;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Tests.Demo;

/// <summary>The small demo hospital, seeded once at start-up of this class's app, inspected through the database and the API.</summary>
public partial class DemoHospitalTests(DemoHospitalFactory app) : IClassFixture<DemoHospitalFactory>
{
    private T Query<T>(Func<TrustDbContext, T> query)
    {
        using var scope = app.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<TrustDbContext>());
    }

    [Fact]
    public async Task Departments_are_a_real_hospital_tree_of_clinical_medtech_and_admin_units()
    {
        var admin = await app.AdminClientAsync();
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/departments?pageSize=500");
        var depts = page.GetProperty("items").EnumerateArray().ToList();
        depts.Count.ShouldBeGreaterThanOrEqualTo(25);
        var names = depts.Select(d => d.GetProperty("name").GetString()).ToList();
        foreach (var name in new[] { "心血管内科", "呼吸与危重症医学科", "儿科", "产科", "急诊科", "重症医学科", "放射科", "检验科", "药学部", "医务处" })
            names.ShouldContain(name);
        depts.Select(d => d.GetProperty("kind").GetString()).Distinct().Order().ShouldBe(["admin", "clinical", "medtech"]);
        var cardiology = depts.Single(d => d.GetProperty("code").GetString() == "XXNK");
        cardiology.GetProperty("parentName").GetString().ShouldBe("内科系统");
        depts.Single(d => d.GetProperty("name").GetString() == "骨科").GetProperty("parentName").GetString().ShouldBe("外科系统");
        depts.Single(d => d.GetProperty("name").GetString() == "检验科").GetProperty("kind").GetString().ShouldBe("medtech");
    }

    [Fact]
    public async Task Over_300_staff_with_titles_licences_specialties_and_bios_fitting_their_department()
    {
        var admin = await app.AdminClientAsync();
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/staff?pageSize=500");
        page.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(300);
        var staff = page.GetProperty("items").EnumerateArray().ToList();
        staff.ShouldAllBe(s => ChineseName().IsMatch(s.GetProperty("name").GetString()!));
        var titles = staff.Select(s => s.GetProperty("title").GetString()).ToHashSet();
        foreach (var t in new[] { "主任医师", "副主任医师", "主治医师", "住院医师", "主管护师", "护师" }) titles.ShouldContain(t);

        var cardioDoctors = staff.Where(s => s.GetProperty("departmentCode").GetString() == "XXNK" && s.GetProperty("title").GetString()!.EndsWith("医师")).ToList();
        cardioDoctors.Count.ShouldBeGreaterThan(5);
        var cardioSpecialties = DemoDepartments.All.Single(d => d.Code == "XXNK").Specialties;
        foreach (var d in cardioDoctors)
        {
            d.GetProperty("licenceNumber").GetString()!.ShouldMatch(@"^\d{15}$");
            d.GetProperty("specialties").GetString()!.Split('、').ShouldAllBe(s => cardioSpecialties.Contains(s));
            d.GetProperty("bio").GetString()!.ShouldContain("心血管内科");
        }
        // The surnames are weighted by frequency: the four commonest (王李张刘) make up a large share, not 4 of ~110.
        var common = staff.Count(s => "王李张刘".Contains(s.GetProperty("name").GetString()![0]));
        ((double)common / staff.Count).ShouldBeGreaterThan(0.12);
    }

    [Fact]
    public void About_20k_encounters_in_the_two_years_before_today_each_attended_by_staff_of_its_department()
    {
        var clock = app.Services.GetRequiredService<HospitalClock>();
        var (count, first, last, foreignStaff, withoutStaff, types) = Query(db => (
            db.Encounters.Count(),
            db.Encounters.Min(e => e.StartedAt),
            db.Encounters.Max(e => e.StartedAt),
            db.Encounters.Count(e => e.AttendingStaff!.DepartmentId != e.DepartmentId),
            db.Encounters.Count(e => e.AttendingStaffId == null),
            db.Encounters.GroupBy(e => e.Type).Select(g => new { g.Key, N = g.Count() }).ToDictionary(g => g.Key, g => g.N)));
        count.ShouldBe(DemoSize.Small.Encounters);
        first.ShouldBeGreaterThanOrEqualTo(clock.StartOfDayUtc(clock.Today.AddDays(-731)));
        last.ShouldBeLessThan(clock.UtcNow);
        foreignStaff.ShouldBe(0);
        withoutStaff.ShouldBe(0);
        types[EncounterTypes.Outpatient].ShouldBeGreaterThan(count / 2);
        types[EncounterTypes.Inpatient].ShouldBeGreaterThan(count / 20);
        types[EncounterTypes.Emergency].ShouldBeGreaterThan(count / 50);
    }

    [Fact]
    public void Inpatient_stays_last_2_to_14_days_and_mostly_end_at_home_and_deaths_mark_the_patient_deceased()
    {
        var clock = app.Services.GetRequiredService<HospitalClock>();
        var stays = Query(db => db.Encounters.Where(e => e.Type == EncounterTypes.Inpatient && e.EndedAt != null)
            .Select(e => new { e.StartedAt, End = e.EndedAt!.Value, e.DischargeDisposition, e.PatientId, e.Patient!.DeceasedOn }).ToList());
        stays.ShouldNotBeEmpty();
        stays.ShouldAllBe(s => (clock.LocalDate(s.End).DayNumber - clock.LocalDate(s.StartedAt).DayNumber) >= 2
                               && (clock.LocalDate(s.End).DayNumber - clock.LocalDate(s.StartedAt).DayNumber) <= 14);
        var byDisposition = stays.GroupBy(s => s.DischargeDisposition).ToDictionary(g => g.Key!, g => g.Count());
        ((double)byDisposition[DischargeDispositions.Home] / stays.Count).ShouldBeGreaterThan(0.8);
        byDisposition.ShouldContainKey(DischargeDispositions.Transfer);
        byDisposition.ShouldContainKey(DischargeDispositions.AgainstAdvice);
        var died = stays.Where(s => s.DischargeDisposition == DischargeDispositions.Died).ToList();
        died.ShouldNotBeEmpty();
        ((double)died.Count / stays.Count).ShouldBeLessThan(0.05);
        died.ShouldAllBe(s => s.DeceasedOn == clock.LocalDate(s.End));

        // Nobody is seen after the day they died.
        var seenAfterDeath = Query(db => db.Encounters.Where(e => e.Patient!.DeceasedOn != null)
            .Select(e => new { e.StartedAt, DeceasedOn = e.Patient!.DeceasedOn!.Value }).ToList())
            .Count(e => clock.LocalDate(e.StartedAt) > e.DeceasedOn);
        seenAfterDeath.ShouldBe(0);
    }

    [Fact]
    public void Patients_have_plausible_ages_for_their_departments_and_some_opted_out()
    {
        var clock = app.Services.GetRequiredService<HospitalClock>();
        var today = clock.Today;
        var (patients, children, mothers, optedOut, deceased) = Query(db => (
            db.Patients.Count(),
            db.Encounters.Where(e => e.Department!.Code == "EK").Select(e => e.Patient!.BirthDate!.Value).Distinct().ToList(),
            db.Encounters.Where(e => e.Department!.Code == "CK").Select(e => new { e.Patient!.Gender, Birth = e.Patient.BirthDate!.Value }).Distinct().ToList(),
            db.Patients.Count(p => p.SurveyOptOut),
            db.Patients.Count(p => p.DeceasedOn != null)));
        patients.ShouldBeInRange(7_000, 9_000);
        children.ShouldNotBeEmpty();
        children.ShouldAllBe(b => b > today.AddYears(-16));
        mothers.ShouldNotBeEmpty();
        mothers.ShouldAllBe(m => m.Gender == Genders.Female && m.Birth <= today.AddYears(-20) && m.Birth > today.AddYears(-47));
        optedOut.ShouldBeInRange(patients / 200, patients / 20);
        deceased.ShouldBeInRange(1, patients / 20);
    }

    [Fact]
    public void Mobile_and_id_numbers_are_stored_encrypted_with_only_masked_forms_in_the_clear()
    {
        var protector = app.Services.GetRequiredService<PatientIdentifierProtector>();
        var rows = Query(db => db.Patients.OrderBy(p => p.Id).Take(400)
            .Select(p => new { p.BirthDate, p.Gender, p.MobileEncrypted, p.MobileMasked, p.IdNumberEncrypted, p.IdNumberMasked }).ToList());
        var withMobile = rows.Where(r => r.MobileMasked != null).ToList();
        withMobile.Count.ShouldBeGreaterThan(300);
        foreach (var r in withMobile)
        {
            r.MobileMasked!.ShouldMatch(@"^1[358]\d\*{4}\d{4}$");
            r.MobileEncrypted.ShouldNotBeNull();
            r.MobileEncrypted.ShouldNotMatch(@"^\d+$");
            var mobile = protector.Reveal(r.MobileEncrypted)!;
            ChineseMobile.IsValid(mobile).ShouldBeTrue();
            r.MobileEncrypted.ShouldNotContain(mobile);
            ChineseMobile.Mask(mobile).ShouldBe(r.MobileMasked);
        }
        var withId = rows.Where(r => r.IdNumberMasked != null).ToList();
        withId.Count.ShouldBeGreaterThan(80);
        foreach (var r in withId)
        {
            var id = protector.Reveal(r.IdNumberEncrypted)!;
            ChineseIdNumber.IsValid(id).ShouldBeTrue();
            id.Substring(6, 8).ShouldBe(r.BirthDate!.Value.ToString("yyyyMMdd"));
            ((id[16] - '0') % 2 == 1).ShouldBe(r.Gender == Genders.Male);
            ChineseIdNumber.Mask(id).ShouldBe(r.IdNumberMasked);
        }
    }

    [Fact]
    public async Task The_patient_list_api_shows_identifiers_masked()
    {
        var admin = await app.AdminClientAsync();
        var resp = await admin.GetAsync("/api/patients?pageSize=200");
        var body = await resp.Content.ReadAsStringAsync();
        var page = JsonDocument.Parse(body).RootElement;
        page.GetProperty("total").GetInt32().ShouldBeGreaterThan(7_000);
        var mobiles = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("mobile")).Where(m => m.ValueKind == JsonValueKind.String).ToList();
        mobiles.Count.ShouldBeGreaterThan(150);
        mobiles.ShouldAllBe(m => Regex.IsMatch(m.GetString()!, @"^1[358]\d\*{4}\d{4}$"));
        body.ShouldNotMatch(@"\b1[358]\d{9}\b");
        body.ShouldNotContain("CfDJ8"); // no ciphertext either
    }

    [Fact]
    public async Task Demo_logins_exist_one_per_role_with_the_configured_password()
    {
        foreach (var login in DemoAccounts.Logins)
        {
            var client = await app.LoginAsync(login.Email, DemoHospitalFactory.Password);
            var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
            me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([login.Role]);
        }
        var cardiologyId = Query(db => db.Departments.Single(d => d.Code == "XXNK").Id);
        var head = await app.LoginAsync("cardio.head@demo.local", DemoHospitalFactory.Password);
        var headMe = await head.GetFromJsonAsync<JsonElement>("/api/auth/me");
        headMe.GetProperty("departmentIds").EnumerateArray().Select(d => d.GetInt32()).ShouldBe([cardiologyId]);

        var zhang = Query(db => db.Users.Where(u => u.Email == "dr.zhang@demo.local")
            .Select(u => db.Staff.Where(s => s.Id == u.StaffId).Select(s => new { s.Name, s.DepartmentId, s.Title }).Single()).Single());
        zhang.Name.ShouldStartWith("张");
        zhang.DepartmentId.ShouldBe(cardiologyId);
        zhang.Title.ShouldBe("主治医师");
        var chief = Query(db => db.Users.Where(u => u.Email == "cardio.head@demo.local")
            .Select(u => new { u.DisplayName, Staff = db.Staff.Single(s => s.Id == u.StaffId) }).Single());
        chief.Staff.Title.ShouldBe("主任医师");
        chief.Staff.DepartmentId.ShouldBe(cardiologyId);
        chief.Staff.Bio!.ShouldContain("科主任");
        chief.DisplayName.ShouldStartWith(chief.Staff.Name);
    }

    [Fact]
    public async Task Seeding_is_audited_once_and_not_repeated_on_a_registry_with_data()
    {
        var audits = Query(db => db.AuditEntries.Where(a => a.Action == AuditActions.DemoSeeded).Select(a => a.Detail).ToList());
        audits.Count.ShouldBe(1);
        var detail = JsonDocument.Parse(audits[0]!).RootElement;
        detail.GetProperty("encounters").GetInt32().ShouldBe(DemoSize.Small.Encounters);
        detail.GetProperty("seed").GetInt32().ShouldBe(DemoHospitalFactory.Seed);

        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<DemoHospitalSeeder>().SeedAsync(DemoSize.Small, 1, "Another-Pass-1");
        result.Seeded.ShouldBeFalse();
        result.Message.ShouldContain("already has data");
        Query(db => db.Encounters.Count()).ShouldBe(DemoSize.Small.Encounters);
        Query(db => db.AuditEntries.Count(a => a.Action == AuditActions.DemoSeeded)).ShouldBe(1);
    }

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,4}$")]
    private static partial Regex ChineseName();
}
