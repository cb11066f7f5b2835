using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Text;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Infrastructure;
using static TrustBridge.Web.Tests.Imports.ImportClient;

namespace TrustBridge.Web.Tests.Imports;

public class CsvImportTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task A_gb18030_file_imports_its_chinese_names_intact()
    {
        var admin = await app.AdminClientAsync();
        var csv = "科室编码,科室名称,kind,parent_code,active\nGB01,心血管内科,clinical,,1\nGB02,医学影像科,medtech,GB01,是\n";
        var report = await admin.ImportAsync("departments", Csv(csv, "text/csv", CharsetDetector.Gb18030));
        report.Inserted.ShouldBe(2);
        var dept = await admin.GetFromJsonAsync<JsonElement>("/api/departments/GB02");
        dept.GetProperty("name").GetString().ShouldBe("医学影像科");

        // Named explicitly in the Content-Type, the same bytes decode the same way.
        var named = await admin.ImportAsync("departments", Csv(csv, "text/csv; charset=gb18030", CharsetDetector.Gb18030));
        named.Unchanged.ShouldBe(2);
    }

    [Fact]
    public async Task A_utf8_file_with_a_byte_order_mark_reads_its_first_header()
    {
        var admin = await app.AdminClientAsync();
        var report = await admin.ImportAsync("departments", Csv("code,name\nBOM1,泌尿外科\n", bom: true));
        report.Inserted.ShouldBe(1);
        (await app.QueryAsync(db => db.Departments.SingleAsync(d => d.Code == "BOM1"))).Name.ShouldBe("泌尿外科");
    }

    [Fact]
    public async Task Importing_the_same_files_twice_changes_nothing_the_second_time()
    {
        var admin = await app.AdminClientAsync();
        var files = RegistryFiles("ID");
        foreach (var (kind, csv) in files)
            (await admin.ImportAsync(kind, Csv(csv))).Rejected.ShouldBe(0);
        var before = await SnapshotAsync("ID");

        foreach (var (kind, csv) in files)
        {
            var again = await admin.ImportAsync(kind, Csv(csv));
            again.Inserted.ShouldBe(0);
            again.Updated.ShouldBe(0);
            again.Unchanged.ShouldBe(csv.Trim().Split('\n').Length - 1);
        }
        (await SnapshotAsync("ID")).ShouldBe(before);

        // A real change is an update, and only that row's updated_at moves.
        var changed = await admin.ImportAsync("patients", Csv(files[2].Csv.Replace("ID-王一", "ID-王一改")));
        changed.Updated.ShouldBe(1);
        changed.Unchanged.ShouldBe(1);
        var after = await SnapshotAsync("ID");
        after.Count(line => !before.Contains(line)).ShouldBe(1);

        var discharged = await admin.ImportAsync("encounters", Csv(files[3].Csv.Replace("2026-03-05 10:30:00,home", "2026-03-06 10:30:00,transfer")));
        (discharged.Inserted, discharged.Updated, discharged.Unchanged).ShouldBe((0, 1, 1));
        var e1 = await app.QueryAsync(db => db.Encounters.AsNoTracking().SingleAsync(e => e.HisId == "ID-E1"));
        e1.DischargeDisposition.ShouldBe(DischargeDispositions.Transfer);
        e1.EndedAt.ShouldBe(new DateTime(2026, 3, 6, 2, 30, 0, DateTimeKind.Utc));
        e1.UpdatedAt.ShouldBeGreaterThan(e1.CreatedAt);
    }

    [Fact]
    public async Task Row_errors_name_the_physical_line_column_and_reason_and_valid_rows_are_applied()
    {
        var admin = await app.AdminClientAsync();
        foreach (var (kind, csv) in RegistryFiles("RE")) await admin.ImportAsync(kind, Csv(csv));
        var csv2 = """
            his_id,mrn,type,department_code,attending_staff_code,started_at,ended_at,discharge_disposition
            RE-E10,RE-M1,outpatient,RE-D1,RE-S1,2026-03-01 08:00,,
            RE-E11,RE-M1,outpatient,NOPE,,2026-03-01 08:00,,
            "RE-E12
            ",RE-M1,outpatient,RE-D1,,2026-03-01 08:00,,
            RE-E13,RE-M1,outpatient,RE-D1,,2026-02-30 08:00,,
            RE-E10,RE-M1,outpatient,RE-D1,,2026-03-02 08:00,,
            RE-E14,RE-M1,inpatient,RE-D1,,2026-03-02 08:00,2026-03-01 08:00,home
            RE-E15,RE-M1,visit,RE-D1,,2026-03-02 08:00,,
            RE-E16,RE-M1,inpatient,RE-D1,,2026-03-02 08:00,2026-03-04 08:00,died
            """;
        var report = await admin.ImportAsync("encounters", Csv(csv2));
        report.Inserted.ShouldBe(3); // E10, the multi-line E12, E16
        report.Rejected.ShouldBe(5);
        report.Errors.ShouldContain(e => e.Line == 3 && e.Column == "department_code" && e.Value == "NOPE" && e.Message.Contains("Unknown department"));
        report.Errors.ShouldContain(e => e.Line == 6 && e.Column == "started_at" && e.Value == "2026-02-30 08:00");
        report.Errors.ShouldContain(e => e.Line == 7 && e.Column == "his_id" && e.Message.Contains("Duplicate") && e.Message.Contains("line 2"));
        report.Errors.ShouldContain(e => e.Line == 8 && e.Column == "ended_at" && e.Message.Contains("before"));
        report.Errors.ShouldContain(e => e.Line == 9 && e.Column == "type" && e.Value == "visit");
        var died = await app.QueryAsync(db => db.Encounters.SingleAsync(e => e.HisId == "RE-E16"));
        died.DischargeDisposition.ShouldBe(DischargeDispositions.Died);
        died.StartedAt.ShouldBe(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc)); // 08:00 in Shanghai
    }

    [Fact]
    public async Task Patient_rows_are_validated_mobile_id_number_and_dates()
    {
        var admin = await app.AdminClientAsync();
        var csv = """
            mrn,name,gender,birth_date,mobile,id_number,deceased_on,survey_opt_out
            PV-1,甲,男,1980-01-01,13812341234,11010519491231002X,,
            PV-2,乙,女,2023-02-29,,,,
            PV-3,丙,女,1980-01-01,1381234,,,
            PV-4,丁,x,1980-01-01,,110105194912310021,,
            PV-1,重复,男,1980-01-01,,,,
            """;
        var report = await admin.ImportAsync("patients", Csv(csv));
        report.Inserted.ShouldBe(1);
        report.Rejected.ShouldBe(4);
        report.Errors.ShouldContain(e => e.Line == 3 && e.Column == "birth_date");
        report.Errors.ShouldContain(e => e.Line == 4 && e.Column == "mobile" && e.Value == "1381234");
        report.Errors.ShouldContain(e => e.Line == 5 && e.Column == "gender");
        report.Errors.ShouldContain(e => e.Line == 5 && e.Column == "id_number");
        report.Errors.ShouldContain(e => e.Line == 6 && e.Column == "mrn" && e.Message.Contains("Duplicate"));
    }

    [Fact]
    public async Task Text_the_database_cannot_store_is_a_row_error_not_a_server_error()
    {
        var admin = await app.AdminClientAsync();
        var report = await admin.ImportAsync("departments", Csv($"code,name\nNUL1,坏\0名\nNUL2,{new string('长', 101)}\nNUL3,好\n"));
        report.Inserted.ShouldBe(1);
        report.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(2, "name"), (3, "name")]);
    }

    [Fact]
    public async Task A_column_missing_from_the_file_keeps_what_is_stored_and_an_empty_cell_clears_it()
    {
        var admin = await app.AdminClientAsync();
        await admin.ImportAsync("departments", Csv("code,name\nKP-D1,口腔科\n"));
        await admin.ImportAsync("staff", Csv("code,name,title,department_code,bio\nKP-S1,周医生,主治医师,KP-D1,从医二十年\nKP-S2,吴医生,,KP-D1,擅长种植\n"));

        var noBio = await admin.ImportAsync("staff", Csv("code,name,title\nKP-S1,周医生,副主任医师\nKP-S2,吴医生,\n"));
        (noBio.Updated, noBio.Unchanged).ShouldBe((1, 1));
        var s1 = await app.QueryAsync(db => db.Staff.AsNoTracking().Include(x => x.Department).SingleAsync(x => x.Code == "KP-S1"));
        (s1.Title, s1.Bio, s1.Department!.Code).ShouldBe(("副主任医师", "从医二十年", "KP-D1"));

        var emptyBio = await admin.ImportAsync("staff", Csv("code,name,bio\nKP-S2,吴医生,\n"));
        emptyBio.Updated.ShouldBe(1);
        (await app.QueryAsync(db => db.Staff.AsNoTracking().SingleAsync(x => x.Code == "KP-S2"))).Bio.ShouldBeNull();
    }

    [Fact]
    public async Task The_error_list_is_capped_and_the_total_still_counts_every_error()
    {
        var admin = await app.AdminClientAsync();
        var rows = string.Concat(Enumerable.Range(0, 1200).Select(i => $"CAP{i},名{i},wrong\n"));
        var report = await admin.ImportAsync("departments", Csv($"code,name,kind\n{rows}"));
        report.Rejected.ShouldBe(1200);
        report.TotalErrors.ShouldBe(1200);
        report.Errors.Count.ShouldBe(1000);
        report.Errors[^1].Line.ShouldBe(1001);
    }

    [Fact]
    public async Task Mobile_numbers_are_stored_encrypted_and_lists_show_only_the_masked_form()
    {
        var admin = await app.AdminClientAsync();
        await admin.ImportAsync("patients", Csv("mrn,name,mobile,id_number\nMOB-1,孙悟空,138-1234-1234,11010519491231002X\n"));
        var stored = await app.QueryAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Mrn == "MOB-1"));
        stored.MobileEncrypted.ShouldNotBeNull();
        stored.MobileEncrypted.ShouldNotContain("13812341234");
        stored.MobileMasked.ShouldBe("138****1234");
        stored.IdNumberEncrypted!.ShouldNotContain("11010519491231002X");
        stored.IdNumberMasked.ShouldBe("110***********002X");

        var list = await admin.GetStringAsync("/api/patients?q=MOB-1");
        list.ShouldContain("138****1234");
        list.ShouldNotContain("13812341234");
        list.ShouldNotContain("11010519491231002X");
    }

    [Fact]
    public async Task All_or_nothing_rejects_the_whole_file_when_one_row_fails()
    {
        var admin = await app.AdminClientAsync();
        var resp = await admin.PostAsync("/api/departments/import?allOrNothing=true", Csv("code,name,kind\nAON1,好科室,clinical\nAON2,坏科室,nonsense\n"));
        resp.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await resp.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("rejected").GetInt32().ShouldBe(1);
        problem.GetProperty("applied").GetBoolean().ShouldBeFalse();
        problem.GetProperty("errors")[0].GetProperty("line").GetInt32().ShouldBe(3);
        (await app.QueryAsync(db => db.Departments.CountAsync(d => d.Code.StartsWith("AON")))).ShouldBe(0);
    }

    [Theory]
    [InlineData("code,name\nMAL1,甲\nMAL2,\"never closed\nMAL3,丙\n", 422, "unterminated")]
    [InlineData("", 400, "empty")]
    [InlineData("code,kind\nMAL4,clinical\n", 422, "name")]
    [InlineData("code,name\nMAL5,\"x\"y\n", 422, "closing quote")]
    public async Task A_broken_file_is_a_problem_naming_what_is_wrong_and_writes_nothing(string csv, int status, string mentions)
    {
        var admin = await app.AdminClientAsync();
        var resp = await admin.PostAsync("/api/departments/import", Csv(csv));
        ((int)resp.StatusCode).ShouldBe(status);
        resp.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await resp.Content.ReadAsStringAsync()).ShouldContain(mentions, Case.Insensitive);
        (await app.QueryAsync(db => db.Departments.CountAsync(d => d.Code.StartsWith("MAL")))).ShouldBe(0);
    }

    [Fact]
    public async Task A_malformed_encounters_file_writes_none_of_the_rows_before_the_break()
    {
        var admin = await app.AdminClientAsync();
        foreach (var (kind, csv) in RegistryFiles("MF").Take(3)) await admin.ImportAsync(kind, Csv(csv));
        var rows = string.Concat(Enumerable.Range(0, 5000).Select(i => $"MF-E{i},MF-M1,门诊,MF-D1,,2026-03-01 08:00,,\n"));
        var resp = await admin.PostAsync("/api/encounters/import",
            Csv($"his_id,mrn,type,department_code,attending_staff_code,started_at,ended_at,discharge_disposition\n{rows}MF-BAD,\"MF-M1,门诊\n"));
        resp.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await resp.Content.ReadAsStringAsync()).ShouldContain("line 5002");
        (await app.QueryAsync(db => db.Encounters.CountAsync(e => e.HisId.StartsWith("MF-")))).ShouldBe(0);
    }

    [Fact]
    public async Task Bytes_invalid_for_the_named_charset_are_a_problem_naming_it()
    {
        var admin = await app.AdminClientAsync();
        var gbk = CharsetDetector.Gb18030.GetBytes("code,name\nBAD1,心内科\n");
        var resp = await admin.PostAsync("/api/departments/import", Bytes(gbk, "text/csv; charset=utf-8"));
        resp.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await resp.Content.ReadAsStringAsync()).ShouldContain("UTF-8");
        (await app.QueryAsync(db => db.Departments.CountAsync(d => d.Code == "BAD1"))).ShouldBe(0);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/csv; charset=latin-9")]
    public async Task A_wrong_content_type_or_unknown_charset_is_415(string contentType)
    {
        var admin = await app.AdminClientAsync();
        var resp = await admin.PostAsync("/api/departments/import", Csv("code,name\nCT1,甲\n", contentType));
        resp.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        resp.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_import_endpoints()
    {
        var doc = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/departments/import", "/api/staff/import", "/api/patients/import", "/api/encounters/import", "/api/fhir/import" })
            doc.ShouldContain($"\"{path}\"");
        doc.ShouldContain("application/fhir+json");
    }

    [Fact]
    public async Task A_clinician_may_not_import()
    {
        var clinician = await app.ClientWithRolesAsync("clinician.import@test.local", ["Clinician"]);
        var resp = await clinician.PostAsync("/api/departments/import", Csv("code,name\nCL1,甲\n"));
        resp.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(db => db.Departments.CountAsync(d => d.Code == "CL1"))).ShouldBe(0);
    }

    [Fact]
    public async Task Each_import_writes_one_audit_row_with_its_counts()
    {
        var admin = await app.AdminClientAsync();
        await admin.ImportAsync("departments", Csv("code,name\nAUD1,甲\nAUD2,乙\n"), "?fileName=depts.csv");
        var row = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "imported" && a.EntityId == "depts.csv").SingleAsync());
        row.EntityType.ShouldBe("departments");
        row.Detail!.ShouldContain("\"inserted\":2");
        row.UserName.ShouldBe(TrustBridgeFactory.AdminEmail);
    }

    /// <summary>Departments (child before parent), staff, patients and encounters whose keys start with the prefix.</summary>
    internal static (string Kind, string Csv)[] RegistryFiles(string p) =>
    [
        ("departments", $"code,name,kind,parent_code,active\n{p}-D1,{p}-心内科,clinical,{p}-D0,1\n{p}-D0,{p}-内科,clinical,,1\n"),
        ("staff", $"code,name,title,department_code,licence_number,specialties,bio,active\n{p}-S1,{p}-张医生,主任医师,{p}-D1,L1,冠心病,\"简介,有逗号\",1\n"),
        ("patients", $"mrn,name,gender,birth_date,mobile,id_number,deceased_on,survey_opt_out\n{p}-M1,{p}-王一,男,1950-05-01,13912345678,11010519491231002X,,0\n{p}-M2,{p}-王二,女,1960-01-31,,,2026-01-02,1\n"),
        ("encounters", $"his_id,mrn,type,department_code,attending_staff_code,started_at,ended_at,discharge_disposition\n{p}-E1,{p}-M1,住院,{p}-D1,{p}-S1,2026-03-01 08:00,2026-03-05 10:30:00,home\n{p}-E2,{p}-M2,门诊,{p}-D0,,2026-03-01T09:00:00+08:00,,\n"),
    ];

    private async Task<List<string>> SnapshotAsync(string p) => await app.QueryAsync(async db =>
    {
        var lines = new List<string>();
        lines.AddRange(await db.Departments.AsNoTracking().Where(d => d.Code.StartsWith(p)).OrderBy(d => d.Code)
            .Select(d => $"{d.Id}|{d.Code}|{d.Name}|{d.Kind}|{d.ParentId}|{d.Active}|{d.CreatedAt:O}|{d.UpdatedAt:O}").ToListAsync());
        lines.AddRange(await db.Staff.AsNoTracking().Where(s => s.Code.StartsWith(p)).OrderBy(s => s.Code)
            .Select(s => $"{s.Id}|{s.Code}|{s.Name}|{s.Title}|{s.DepartmentId}|{s.Bio}|{s.UpdatedAt:O}").ToListAsync());
        lines.AddRange(await db.Patients.AsNoTracking().Where(x => x.Mrn.StartsWith(p)).OrderBy(x => x.Mrn)
            .Select(x => $"{x.Id}|{x.Mrn}|{x.Name}|{x.MobileEncrypted}|{x.IdNumberEncrypted}|{x.DeceasedOn}|{x.SurveyOptOut}|{x.UpdatedAt:O}").ToListAsync());
        lines.AddRange(await db.Encounters.AsNoTracking().Where(e => e.HisId.StartsWith(p)).OrderBy(e => e.HisId)
            .Select(e => $"{e.Id}|{e.HisId}|{e.PatientId}|{e.Type}|{e.StartedAt:O}|{e.EndedAt:O}|{e.DischargeDisposition}|{e.UpdatedAt:O}").ToListAsync());
        return lines;
    });
}
