using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Cli;
using TrustBridge.Web.Data;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Audit;

public class AuditLogTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task Logins_and_changes_are_recorded_with_who_what_and_where()
    {
        var admin = await app.AdminClientAsync();
        await app.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = TrustBridgeFactory.AdminEmail, password = "wrong-one" });
        (await admin.PostAsJsonAsync("/api/departments", new { code = "A01", name = "审计科", kind = "admin" })).EnsureSuccessStatusCode();

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/audit?pageSize=200");
        var rows = page.GetProperty("items").EnumerateArray().ToList();
        rows.ShouldContain(r => r.GetProperty("action").GetString() == "login.succeeded" && r.GetProperty("userName").GetString() == TrustBridgeFactory.AdminEmail);
        rows.ShouldContain(r => r.GetProperty("action").GetString() == "login.failed");
        var created = rows.First(r => r.GetProperty("action").GetString() == "created" && r.GetProperty("entityId").GetString() == "A01");
        created.GetProperty("entityType").GetString().ShouldBe("department");
        created.GetProperty("userName").GetString().ShouldBe(TrustBridgeFactory.AdminEmail);
        created.GetProperty("detail").GetString()!.ShouldContain("审计科");
        created.GetProperty("atUtc").GetString()!.ShouldEndWith("+08:00");
    }

    [Fact]
    public async Task Supervisor_may_read_the_log_and_a_clinician_may_not()
    {
        var supervisor = await app.ClientWithRolesAsync("sup.audit@test.local", ["Supervisor"]);
        (await supervisor.GetAsync("/api/audit")).IsSuccessStatusCode.ShouldBeTrue();
        var clinician = await app.ClientWithRolesAsync("doc.audit@test.local", ["Clinician"]);
        (await clinician.GetAsync("/api/audit")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_rows()
    {
        await app.AdminClientAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET action = 'x' WHERE sequence = 1"));
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log WHERE sequence = 1"));
    }

    [Fact]
    public async Task Cli_verify_passes_an_intact_log_and_names_the_first_altered_row()
    {
        var admin = await app.AdminClientAsync();
        for (var i = 0; i < 3; i++)
            (await admin.PostAsJsonAsync("/api/departments", new { code = $"V{i}", name = $"验证科{i}" })).EnsureSuccessStatusCode();

        var args = new[] { "--provider", app.Provider, "--connection", app.ConnectionString, "audit", "verify" };
        (await TrustBridgeCommand.Build().Parse(args).InvokeAsync()).ShouldBe(0);

        // Someone with database access switches the guard off and edits a row.
        long target;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            target = await db.AuditEntries.Where(a => a.EntityId == "V1").Select(a => a.Sequence).SingleAsync();
            await Tamper(db, $"UPDATE audit_log SET detail = 'forged' WHERE sequence = {target}");
        }
        (await TrustBridgeCommand.Build().Parse(args).InvokeAsync()).ShouldBe(1);

        var result = await admin.PostAsync("/api/audit/verify", null);
        var body = await result.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("isIntact").GetBoolean().ShouldBeFalse();
        body.GetProperty("firstBadSequence").GetInt64().ShouldBe(target);
    }

    private async Task Tamper(TrustDbContext db, string sql)
    {
        if (app.Provider == "postgres")
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change");
            await db.Database.ExecuteSqlRawAsync(sql);
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_log_no_update");
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    [Fact]
    public async Task Concurrent_changes_each_get_an_audit_row_and_the_chain_stays_intact()
    {
        var admin = await app.AdminClientAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            admin.PostAsJsonAsync("/api/departments", new { code = $"CC{i:00}", name = $"并发科{i}" })));
        results.ShouldAllBe(r => r.StatusCode == System.Net.HttpStatusCode.Created);

        var created = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=created&entityType=department&pageSize=500");
        created.GetProperty("items").EnumerateArray().Count(r => r.GetProperty("entityId").GetString()!.StartsWith("CC")).ShouldBe(24);
        var verify = await (await admin.PostAsync("/api/audit/verify", null)).Content.ReadFromJsonAsync<JsonElement>();
        verify.GetProperty("isIntact").GetBoolean().ShouldBeTrue();
    }
}

