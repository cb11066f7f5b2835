using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Privacy;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Patients;

public class PatientPrivacyTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    private const string Mobile = "13912345678";
    private const string IdNumber = "11010519491231002X";

    private async Task<int> SeedPatientAsync(string mrn)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var existing = await db.Patients.FirstOrDefaultAsync(p => p.Mrn == mrn);
        if (existing is not null) return existing.Id;
        var protector = scope.ServiceProvider.GetRequiredService<PatientIdentifierProtector>();
        var mobile = protector.ProtectMobile(Mobile)!.Value;
        var id = protector.ProtectIdNumber(IdNumber)!.Value;
        var dept = await db.Departments.FirstOrDefaultAsync(d => d.Code == "0101")
                   ?? db.Departments.Add(new Department { Code = "0101", Name = "心血管内科" }).Entity;
        var p = new Patient
        {
            Mrn = mrn, Name = "王建国", Gender = Genders.Male, BirthDate = new DateOnly(1949, 12, 31),
            MobileEncrypted = mobile.Encrypted, MobileMasked = mobile.Masked, IdNumberEncrypted = id.Encrypted, IdNumberMasked = id.Masked,
        };
        db.Patients.Add(p);
        await db.SaveChangesAsync();
        db.Encounters.Add(new Encounter { HisId = "E-" + mrn, PatientId = p.Id, DepartmentId = dept.Id, Type = EncounterTypes.Outpatient, StartedAt = DateTime.UtcNow.AddDays(-3) });
        await db.SaveChangesAsync();
        return p.Id;
    }

    [Fact]
    public async Task Identifiers_are_encrypted_at_rest()
    {
        await SeedPatientAsync("P-AT-REST");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "SELECT mobile_encrypted, mobile_masked, id_number_encrypted, id_number_masked FROM patients WHERE mrn = 'P-AT-REST'";
        await using var r = await cmd.ExecuteReaderAsync();
        (await r.ReadAsync()).ShouldBeTrue();
        r.GetString(0).ShouldNotContain("1234");
        r.GetString(0).Length.ShouldBeGreaterThan(40);
        r.GetString(1).ShouldBe("139****5678");
        r.GetString(2).ShouldNotContain("19491231");
        r.GetString(3).ShouldBe("110***********002X");
    }

    [Fact]
    public async Task Lists_and_details_show_only_masked_identifiers()
    {
        var id = await SeedPatientAsync("P-MASKED");
        var office = await app.ClientWithRolesAsync("office.mask@test.local", ["PatientRelations"]);
        var list = await office.GetStringAsync("/api/patients?q=P-MASKED");
        list.ShouldContain("139****5678");
        list.ShouldNotContain(Mobile);
        list.ShouldNotContain(IdNumber);
        var detail = await office.GetStringAsync($"/api/patients/{id}");
        detail.ShouldContain("139****5678");
        detail.ShouldNotContain(Mobile);
    }

    [Fact]
    public async Task Reveal_returns_the_full_numbers_to_the_office_and_is_audited()
    {
        var id = await SeedPatientAsync("P-REVEAL");
        var office = await app.ClientWithRolesAsync("office.reveal@test.local", ["PatientRelations"]);
        var resp = await office.PostAsJsonAsync($"/api/patients/{id}/reveal", new { reason = "回访核对" });
        resp.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await resp.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("mobile").GetString().ShouldBe(Mobile);
        body.GetProperty("idNumber").GetString().ShouldBe(IdNumber);

        var admin = await app.AdminClientAsync();
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=patient.identifiers-revealed&entityId=P-REVEAL");
        var row = audit.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("userName").GetString().ShouldBe("office.reveal@test.local");
        row.GetProperty("detail").GetString()!.ShouldContain("回访核对");
    }

    [Theory]
    [InlineData("Clinician")]
    [InlineData("DepartmentHead")]
    [InlineData("Supervisor")]
    [InlineData("Executive")]
    public async Task Other_roles_cannot_reveal(string role)
    {
        var id = await SeedPatientAsync("P-NOREVEAL");
        var client = await app.ClientWithRolesAsync($"{role.ToLowerInvariant()}.noreveal@test.local", [role], role is "Clinician" or "DepartmentHead" ? ["0101"] : null);
        (await client.PostAsJsonAsync($"/api/patients/{id}/reveal", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Viewing_a_patient_is_audited()
    {
        var id = await SeedPatientAsync("P-VIEWED");
        var office = await app.ClientWithRolesAsync("office.view@test.local", ["PatientRelations"]);
        (await office.GetAsync($"/api/patients/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await app.AdminClientAsync();
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=patient.viewed&entityId=P-VIEWED");
        audit.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_department_head_sees_only_patients_of_her_departments()
    {
        var id = await SeedPatientAsync("P-SCOPED");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            if (!await db.Departments.AnyAsync(d => d.Code == "0201"))
            {
                db.Departments.Add(new Department { Code = "0201", Name = "骨科" });
                await db.SaveChangesAsync();
            }
        }
        var cardio = await app.ClientWithRolesAsync("head.cardio@test.local", ["DepartmentHead"], ["0101"]);
        var ortho = await app.ClientWithRolesAsync("head.ortho@test.local", ["DepartmentHead"], ["0201"]);
        (await cardio.GetStringAsync("/api/patients?q=P-SCOPED")).ShouldContain("P-SCOPED");
        (await ortho.GetStringAsync("/api/patients?q=P-SCOPED")).ShouldNotContain("P-SCOPED");
        (await ortho.GetAsync($"/api/patients/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ortho.GetStringAsync("/api/encounters?patient=P-SCOPED")).ShouldNotContain("P-SCOPED");
    }

    [Fact]
    public async Task Encrypted_identifiers_survive_a_restart_with_keys_from_the_database()
    {
        var id = await SeedPatientAsync("P-RESTART");
        // A second app instance over the same database reads the key ring from the database, as another web node would.
        await using var second = new SameDatabaseFactory(app);
        var office = await second.ClientWithRolesAsync("office.restart@test.local", ["PatientRelations"]);
        var body = await (await office.PostAsJsonAsync($"/api/patients/{id}/reveal", new { reason = "identity-check" })).Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("mobile").GetString().ShouldBe(Mobile);
    }

    private sealed class SameDatabaseFactory(TrustBridgeFactory first) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", first.Provider);
            builder.UseSetting("ConnectionStrings:TrustBridge", first.ConnectionString);
            builder.UseSetting("Demo:Size", "none");
            builder.UseSetting("DataProtection:MasterKey", TrustBridgeFactory.MasterKey);
        }

        public async Task<HttpClient> ClientWithRolesAsync(string email, string[] roles)
        {
            var admin = CreateClient();
            var login = await admin.PostAsJsonAsync("/api/auth/login", new { email = TrustBridgeFactory.AdminEmail, password = TrustBridgeFactory.AdminPassword });
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            admin.DefaultRequestHeaders.Authorization = new("Bearer", token);
            (await admin.PostAsJsonAsync("/api/users", new { email, displayName = email, password = TrustBridgeFactory.UserPassword, roles })).EnsureSuccessStatusCode();
            var client = CreateClient();
            var userLogin = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TrustBridgeFactory.UserPassword });
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await userLogin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            return client;
        }
    }

    [Fact]
    public async Task Exports_mask_identifiers_and_are_audited()
    {
        await SeedPatientAsync("P-EXPORT");
        var office = await app.ClientWithRolesAsync("office.export@test.local", ["PatientRelations"]);
        var csv = System.Text.Encoding.UTF8.GetString(await office.GetByteArrayAsync("/api/patients/export?format=csv&q=P-EXPORT"));
        csv.ShouldContain("P-EXPORT,王建国,男,male,1949-12-31");
        csv.ShouldContain("139****5678");
        csv.ShouldNotContain(Mobile);
        csv.ShouldNotContain(IdNumber);
        var xlsx = await office.GetAsync("/api/patients/export?format=xlsx&q=P-EXPORT");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await office.GetAsync("/api/patients/export?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var admin = await app.AdminClientAsync();
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=patient.exported");
        audit.GetProperty("items").EnumerateArray().ShouldContain(r => r.GetProperty("userName").GetString() == "office.export@test.local");
    }

    [Fact]
    public async Task Registry_lists_download_with_their_filters()
    {
        await SeedPatientAsync("P-REG");
        var office = await app.ClientWithRolesAsync("office.regexport@test.local", ["PatientRelations"]);
        var departments = System.Text.Encoding.UTF8.GetString(await office.GetByteArrayAsync("/api/departments/export?q=心血管"));
        departments.ShouldContain("0101,心血管内科,临床科室,clinical");
        var encounters = System.Text.Encoding.UTF8.GetString(await office.GetByteArrayAsync("/api/encounters/export?patient=P-REG"));
        encounters.ShouldContain("E-P-REG,门诊,outpatient,P-REG");
        encounters.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }

    [Fact]
    public async Task The_key_ring_is_stored_encrypted_under_the_master_key()
    {
        await SeedPatientAsync("P-KEYRING");
        using var scope = app.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<TrustDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(x => x.Contains("<encryptedKey") && x.Contains("AES-256-GCM"));
        keys.ShouldAllBe(x => !x.Contains("<masterKey"));
    }
}

