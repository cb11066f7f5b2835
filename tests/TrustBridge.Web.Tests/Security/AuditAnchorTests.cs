using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Cli;
using TrustBridge.Core.Audit;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Tests.Infrastructure;
using Xunit;

namespace TrustBridge.Web.Tests.Security;

/// <summary>Issue 16 defect 1: the audit chain is keyed and anchored by signed checkpoints outside the database.</summary>
public class AuditAnchorTests
{
    /// <summary>Each test tampers with its own database; the app's server starts on first use.</summary>
    private static async Task WithAppAsync(Func<TrustBridgeFactory, Task> test)
    {
        var app = new TrustBridgeFactory();
        try { await test(app); }
        finally { await ((IAsyncLifetime)app).DisposeAsync(); }
    }

    private static async Task AddRowsAsync(HttpClient admin, string prefix, int n)
    {
        for (var i = 0; i < n; i++)
            (await admin.PostAsJsonAsync("/api/departments", new { code = $"{prefix}{i}", name = $"锚定科{prefix}{i}" })).EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient admin) =>
        await (await admin.PostAsync("/api/audit/verify", null)).Content.ReadFromJsonAsync<JsonElement>();

    private static Task<int> CliVerifyAsync(TrustBridgeFactory app) => TrustBridgeCommand.Build().Parse(
        ["--provider", app.Provider, "--connection", app.ConnectionString, "verify-audit", "--checkpoints", app.AuditCheckpointPath]).InvokeAsync();

    private static async Task CheckpointAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<WriteAuditCheckpoint>().RunAsync(evenIfUnchanged: true)).ShouldNotBeNull();
    }

    private static async Task TamperAsync(TrustBridgeFactory app, params string[] sql)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        if (app.Provider == "postgres") await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change");
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS audit_log_no_update");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS audit_log_no_delete");
        }
        foreach (var s in sql) await db.Database.ExecuteSqlRawAsync(s.Replace("{", "{{").Replace("}", "}}"));
    }

    [Fact]
    public async Task A_normal_run_verifies_keyed_against_its_checkpoint()
    {
        await WithAppAsync(async app =>
        {
        var admin = await app.AdminClientAsync();
        await AddRowsAsync(admin, "N", 3);
        await CheckpointAsync(app.Services);
        await AddRowsAsync(admin, "M", 2); // rows after the checkpoint are fine

        var body = await VerifyAsync(admin);
        body.GetProperty("isIntact").GetBoolean().ShouldBeTrue();
        body.GetProperty("keyed").GetBoolean().ShouldBeTrue();
        body.GetProperty("checkpointSequence").GetInt64().ShouldBeGreaterThan(3);
        (await CliVerifyAsync(app)).ShouldBe(0);
        });
    }

    [Fact]
    public async Task Deleting_the_last_rows_is_reported_as_the_missing_tail()
    {
        await WithAppAsync(async app =>
        {
        var admin = await app.AdminClientAsync();
        await AddRowsAsync(admin, "T", 4);
        await CheckpointAsync(app.Services);
        long last;
        using (var scope = app.Services.CreateScope())
            last = await scope.ServiceProvider.GetRequiredService<TrustDbContext>().AuditEntries.MaxAsync(a => a.Sequence);

        await TamperAsync(app, $"DELETE FROM audit_log WHERE sequence > {last - 2}");

        var body = await VerifyAsync(admin);
        body.GetProperty("isIntact").GetBoolean().ShouldBeFalse();
        body.GetProperty("firstBadSequence").GetInt64().ShouldBe(last - 1);
        body.GetProperty("problem").GetString()!.ShouldContain("missing");
        (await CliVerifyAsync(app)).ShouldBe(1);
        });
    }

    [Fact]
    public async Task Editing_a_row_and_recomputing_an_unkeyed_chain_from_it_is_detected()
    {
        await WithAppAsync(async app =>
        {
        var admin = await app.AdminClientAsync();
        await AddRowsAsync(admin, "E", 4);

        // Someone with the database file edits a row and recomputes the SHA-256 chain from there on (no checkpoint yet).
        List<AuditEntry> rows;
        using (var scope = app.Services.CreateScope())
            rows = await scope.ServiceProvider.GetRequiredService<TrustDbContext>().AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
        var target = rows.Single(r => r.EntityId == "E1").Sequence;
        var previous = rows.Single(r => r.Sequence == target - 1).Hash;
        var updates = new List<string>();
        foreach (var e in rows.Where(r => r.Sequence >= target))
        {
            var detail = e.Sequence == target ? "forged" : e.Detail;
            var hash = AuditChain.Hash(new AuditRecord(e.Sequence, e.AtUtc, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, detail, e.RemoteAddress, previous));
            updates.Add($"UPDATE audit_log SET detail = {(detail is null ? "NULL" : "'" + detail.Replace("'", "''") + "'")}, previous_hash = '{previous}', hash = '{hash}' WHERE sequence = {e.Sequence}");
            previous = hash;
        }
        await TamperAsync(app, [.. updates]);

        var body = await VerifyAsync(admin);
        body.GetProperty("isIntact").GetBoolean().ShouldBeFalse();
        body.GetProperty("firstBadSequence").GetInt64().ShouldBe(target);
        (await CliVerifyAsync(app)).ShouldBe(1);
        });
    }

    [Fact]
    public async Task A_restart_continues_the_chain_and_an_old_unkeyed_chain_is_kept_as_legacy()
    {
        await WithAppAsync(async app =>
        {
        // The first run has no key at all: a legacy SHA-256 chain, as written before issue 16.
        var legacy = new SameChainFactory(app, masterKey: "");
        await AddRowsAsync(await legacy.AdminClientAsync(), "L", 2);
        await legacy.DisposeAsync(); // stopping writes a checkpoint

        var admin = await app.AdminClientAsync(); // the keyed app starts on the same database and checkpoint file
        await AddRowsAsync(admin, "K", 2);
        var body = await VerifyAsync(admin);
        body.GetProperty("isIntact").GetBoolean().ShouldBeTrue(body.ToString());
        body.GetProperty("keyedFrom").GetInt64().ShouldBeGreaterThan(1);
        body.GetProperty("checkpointSequence").GetInt64().ShouldBeLessThan(body.GetProperty("keyedFrom").GetInt64());
        using (var scope = app.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<TrustDbContext>().AuditEntries.CountAsync(a => a.Action == AuditChain.KeyedMarkerAction)).ShouldBe(1);

        // Restart: a second keyed process continues the same chain after the first one's shutdown checkpoint.
        await CheckpointAsync(app.Services);
        var again = new SameChainFactory(app, TrustBridgeFactory.MasterKey);
        var admin2 = await again.AdminClientAsync();
        await AddRowsAsync(admin2, "R", 2);
        await again.DisposeAsync();
        var after = await VerifyAsync(admin);
        after.GetProperty("isIntact").GetBoolean().ShouldBeTrue();
        after.GetProperty("keyedFrom").GetInt64().ShouldBe(body.GetProperty("keyedFrom").GetInt64());
        after.GetProperty("checkpointSequence").GetInt64().ShouldBeGreaterThan(body.GetProperty("checkpointSequence").GetInt64());
        });
    }

    /// <summary>Another process over the same database and checkpoint file (masterKey "" runs without any key).</summary>
    private sealed class SameChainFactory(TrustBridgeFactory first, string masterKey) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", first.Provider);
            builder.UseSetting("ConnectionStrings:TrustBridge", first.ConnectionString);
            builder.UseSetting("Bootstrap:AdminEmail", TrustBridgeFactory.AdminEmail);
            builder.UseSetting("Bootstrap:AdminPassword", TrustBridgeFactory.AdminPassword);
            builder.UseSetting("Demo:Size", "none");
            builder.UseSetting("DataProtection:MasterKey", masterKey);
            builder.UseSetting("Audit:CheckpointPath", first.AuditCheckpointPath);
            builder.UseSetting("Surveys:JobsEnabled", "false");
            builder.UseSetting("Feedback:JobsEnabled", "false");
            builder.UseSetting("Notifications:DispatcherEnabled", "false");
        }

        public async Task<HttpClient> AdminClientAsync()
        {
            var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var login = await client.PostAsJsonAsync("/api/auth/login", new { email = TrustBridgeFactory.AdminEmail, password = TrustBridgeFactory.AdminPassword });
            login.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            return client;
        }
    }
}
