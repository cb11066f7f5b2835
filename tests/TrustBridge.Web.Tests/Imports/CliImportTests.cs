using Microsoft.Data.Sqlite;
using TrustBridge.Cli;

namespace TrustBridge.Web.Tests.Imports;

/// <summary>trustbridge import … against a temporary SQLite database.</summary>
public sealed class CliImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tb_cli_import_").FullName;
    private string Db => Path.Combine(_folder, "cli.db");

    private Task<int> Run(params string[] args) =>
        TrustBridgeCommand.Build().Parse([.. args, "--provider", "sqlite", "--connection", $"Data Source={Db}"]).InvokeAsync();

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private long Scalar(string sql)
    {
        using var conn = new SqliteConnection($"Data Source={Db};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    [Fact]
    public async Task Import_exits_0_when_clean_2_when_rows_are_rejected_and_1_when_the_file_is_broken()
    {
        (await Run("import", "departments", File("d.csv", "code,name\nC1,内科\nC2,外科\n"))).ShouldBe(0);
        Scalar("SELECT count(*) FROM departments").ShouldBe(2);

        (await Run("import", "departments", File("d2.csv", "code,name,kind\nC3,儿科,clinical\nC4,错,nonsense\n"))).ShouldBe(2);
        Scalar("SELECT count(*) FROM departments").ShouldBe(3);

        (await Run("import", "departments", File("d3.csv", "code,name,kind\nC5,眼科,clinical\nC6,错,nonsense\n"), "--all-or-nothing")).ShouldBe(2);
        Scalar("SELECT count(*) FROM departments WHERE code = 'C5'").ShouldBe(0);

        (await Run("import", "departments", File("d4.csv", "code,name\nC7,\"open\n"))).ShouldBe(1);
        Scalar("SELECT count(*) FROM departments WHERE code = 'C7'").ShouldBe(0);

        Scalar("SELECT count(*) FROM audit_log WHERE action = 'imported' AND user_name LIKE 'cli:%'").ShouldBe(3);
    }

    [Fact]
    public async Task A_fhir_bundle_without_identifiers_is_keyed_by_the_source_named_on_the_command_line()
    {
        var bundle = File("b.json", """
            { "resourceType": "Bundle", "type": "collection", "entry": [
              { "resource": { "resourceType": "Organization", "id": "1", "name": "CLI 内科" } },
              { "resource": { "resourceType": "Patient", "id": "1", "name": [{ "text": "CLI 患者" }] } },
              { "resource": { "resourceType": "Encounter", "id": "1", "class": { "code": "AMB" }, "subject": { "reference": "Patient/1" },
                  "serviceProvider": { "reference": "Organization/1" }, "period": { "start": "2026-02-11T09:30:00+08:00" } } } ] }
            """);
        // Without identifier and meta.source, nothing says whose "Patient/1" this is: every entry is rejected.
        (await Run("import", "fhir", bundle)).ShouldBe(2);
        Scalar("SELECT count(*) FROM patients").ShouldBe(0);

        (await Run("import", "fhir", bundle, "--source", "urn:his:A")).ShouldBe(0);
        (await Run("import", "fhir", bundle, "--source", "urn:his:A")).ShouldBe(0);
        Scalar("SELECT count(*) FROM encounters").ShouldBe(1); // the same source: re-imported as unchanged
        (await Run("import", "fhir", bundle, "--source", "urn:his:B")).ShouldBe(0);
        Scalar("SELECT count(*) FROM patients").ShouldBe(2); // another system's Patient/1 is another patient
        Scalar("SELECT count(*) FROM encounters").ShouldBe(2);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
