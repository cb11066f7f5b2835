using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Privacy;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Surveys;

public sealed class WaveFixture : TrustBridgeFactory
{
    /// <summary>
    /// W1 outpatients in October 2026: 60 eligible adults, 5 minors, 3 deceased, 4 without a mobile, 2 opted out.
    /// W2 inpatients: 20 discharged 10 days before contact, 5 discharged 77 days before (outside the 2–42 day window).
    /// </summary>
    /// <summary>A satisfaction-outpatient wave over W1 and W2 (August–October 2026, contacted 2026-11-05); its id.</summary>
    public async Task<int> CreateWaveAsync(HttpClient office, string name, int seed)
    {
        await SeedAsync();
        var resp = await office.PostAsJsonAsync("/api/surveys/waves", new
        {
            name, instrument = "satisfaction-outpatient", periodFrom = "2026-08-01", periodTo = "2026-10-31",
            departmentCodes = new[] { "W1", "W2" }, margin = 0.2, responseRate = 0.5, seed, contactDate = "2026-11-05",
        });
        resp.StatusCode.ShouldBe(HttpStatusCode.Created, await resp.Content.ReadAsStringAsync());
        return (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public Task SeedAsync() => SeedOnceAsync(async () =>
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PatientIdentifierProtector>();
        var clock = scope.ServiceProvider.GetRequiredService<HospitalClock>();
        var w1 = db.Departments.Add(new Department { Code = "W1", Name = "消化内科" }).Entity;
        var w2 = db.Departments.Add(new Department { Code = "W2", Name = "普通外科" }).Entity;
        await db.SaveChangesAsync();
        var n = 0;
        void Add(Department d, string kind, DateTime startLocal, DateTime? endLocal, string? disposition = null)
        {
            n++;
            var mobile = kind == "nomobile" ? null : protector.ProtectMobile($"138{n:00000000}");
            var p = new Patient
            {
                Mrn = $"WM{n:0000}", Name = $"患者{n}", Gender = Genders.Female,
                BirthDate = kind == "minor" ? new DateOnly(2012, 1, 1) : new DateOnly(1975, 3, 3),
                MobileEncrypted = mobile?.Encrypted, MobileMasked = mobile?.Masked, SurveyOptOut = kind == "optout",
                DeceasedOn = kind == "deceased" ? new DateOnly(2026, 10, 30) : null,
            };
            db.Patients.Add(p);
            db.SaveChanges();
            db.Encounters.Add(new Encounter
            {
                HisId = $"WE{n:0000}", PatientId = p.Id, DepartmentId = d.Id,
                Type = endLocal is null ? EncounterTypes.Outpatient : EncounterTypes.Inpatient,
                StartedAt = clock.LocalToUtc(startLocal), EndedAt = endLocal is { } e ? clock.LocalToUtc(e) : null, DischargeDisposition = disposition,
            });
        }
        var oct = new DateTime(2026, 10, 12, 9, 30, 0);
        for (var i = 0; i < 60; i++) Add(w1, "ok", oct, null);
        for (var i = 0; i < 5; i++) Add(w1, "minor", oct, null);
        for (var i = 0; i < 3; i++) Add(w1, "deceased", oct, null);
        for (var i = 0; i < 4; i++) Add(w1, "nomobile", oct, null);
        for (var i = 0; i < 2; i++) Add(w1, "optout", oct, null);
        for (var i = 0; i < 20; i++) Add(w2, "ok", new DateTime(2026, 10, 20, 8, 0, 0), new DateTime(2026, 10, 26, 10, 0, 0), DischargeDispositions.Home);
        for (var i = 0; i < 5; i++) Add(w2, "ok", new DateTime(2026, 8, 12, 8, 0, 0), new DateTime(2026, 8, 20, 10, 0, 0), DischargeDispositions.Home);
        await db.SaveChangesAsync();
    });
}

public class SurveyWavesApiTests(WaveFixture app) : IClassFixture<WaveFixture>
{
    private static object Wave(string name, int seed) => new
    {
        name, instrument = "satisfaction-outpatient", periodFrom = "2026-08-01", periodTo = "2026-10-31",
        departmentCodes = new[] { "W1", "W2" }, margin = 0.2, responseRate = 0.5, seed, contactDate = "2026-11-05",
    };

    [Fact]
    public async Task A_wave_shows_the_eligible_population_exclusions_and_the_sample_per_department()
    {
        await app.SeedAsync();
        var office = await app.ClientWithRolesAsync("office.wave@test.local", ["PatientRelations"]);
        var resp = await office.PostAsJsonAsync("/api/surveys/waves", Wave("2026年第四季度门诊满意度", 20261105));
        resp.StatusCode.ShouldBe(HttpStatusCode.Created, await resp.Content.ReadAsStringAsync());
        var wave = await resp.Content.ReadFromJsonAsync<JsonElement>();
        var draw = wave.GetProperty("draw");
        draw.GetProperty("encounters").GetInt32().ShouldBe(99);
        draw.GetProperty("eligible").GetInt32().ShouldBe(80);
        var ex = draw.GetProperty("exclusions");
        ex.GetProperty("under-18").GetInt32().ShouldBe(5);
        ex.GetProperty("deceased").GetInt32().ShouldBe(3);
        ex.GetProperty("no-mobile").GetInt32().ShouldBe(4);
        ex.GetProperty("opted-out").GetInt32().ShouldBe(2);
        ex.GetProperty("outside-contact-window").GetInt32().ShouldBe(5);

        // e = 0.2: n0 = 24.01. W1 N = 60 → 18 completes, 36 invitations at r = 0.5; W2 N = 20 → 12 completes, all 20 invited.
        var strata = draw.GetProperty("strata").EnumerateArray().ToDictionary(s => s.GetProperty("departmentCode").GetString()!);
        strata["W1"].GetProperty("completesNeeded").GetInt32().ShouldBe(18);
        strata["W1"].GetProperty("invitations").GetInt32().ShouldBe(36);
        strata["W2"].GetProperty("invitations").GetInt32().ShouldBe(20);
        wave.GetProperty("invitationsByStatus").GetProperty("pending").GetInt32().ShouldBe(56);

        var list = await office.GetFromJsonAsync<JsonElement>($"/api/surveys/waves/{wave.GetProperty("id").GetInt32()}/invitations?pageSize=500");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(56);
        items.ShouldAllBe(i => i.GetProperty("mobile").GetString()!.Contains("****"));
        (await office.GetStringAsync($"/api/surveys/waves/{wave.GetProperty("id").GetInt32()}/invitations")).ShouldNotContain("token");

        // The same patients rest for 90 days: a second wave right after finds them all recently invited.
        var again = await (await office.PostAsJsonAsync("/api/surveys/waves", Wave("重复批次", 20261105))).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("draw").GetProperty("exclusions").GetProperty("invited-in-last-90-days").GetInt32().ShouldBe(56);
        again.GetProperty("draw").GetProperty("eligible").GetInt32().ShouldBe(24);
    }

    [Fact]
    public async Task Bad_waves_are_refused_by_field()
    {
        var office = await app.ClientWithRolesAsync("office.badwave@test.local", ["PatientRelations"]);
        var resp = await office.PostAsJsonAsync("/api/surveys/waves", new { name = "", instrument = "nope", periodFrom = "2026-10-31", periodTo = "2026-08-01", departmentCodes = new[] { "ZZ" }, margin = 0.9 });
        resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await resp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "instrument", "periodFrom", "departmentCodes", "margin" })
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
    }

    [Fact]
    public async Task Only_the_office_creates_waves()
    {
        await app.SeedAsync();
        var head = await app.ClientWithRolesAsync("head.wave@test.local", ["DepartmentHead"], ["W1"]);
        (await head.PostAsJsonAsync("/api/surveys/waves", Wave("x", 1))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
