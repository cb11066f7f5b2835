using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Tests.Infrastructure;

/// <summary>
/// The web app over a fresh database of its own. The provider comes from TRUSTBRIDGE_TEST_PROVIDER (sqlite by default;
/// test.sh runs this project a second time with postgres and TRUSTBRIDGE_TEST_POSTGRES pointing at its throwaway server).
/// </summary>
public class TrustBridgeFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Pass-1";
    public const string UserPassword = "User-Pass-1";
    /// <summary>The key ring's key-encryption key in tests (32 bytes, base64).</summary>
    public static readonly string MasterKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

    public string Provider { get; } = TestDatabase.Provider;
    public string ConnectionString { get; }
    /// <summary>The audit checkpoint file of this app (outside the database, one per test database).</summary>
    public string AuditCheckpointPath { get; } = Path.Combine(Path.GetTempPath(), $"tb_test_{Guid.NewGuid():N}.audit-checkpoints.jsonl");

    // The CLI reads its keys from the environment like an operator's shell: the same master key, so it verifies the keyed chain.
    static TrustBridgeFactory() => Environment.SetEnvironmentVariable("DataProtection__MasterKey", MasterKey);
    private readonly string? _postgresDatabase;
    private readonly string? _sqliteFile;

    public TrustBridgeFactory()
    {
        if (Provider == "postgres")
        {
            _postgresDatabase = "tb_test_" + Guid.NewGuid().ToString("N")[..16];
            TestDatabase.CreatePostgresDatabase(_postgresDatabase);
            ConnectionString = TestDatabase.PostgresConnectionString(_postgresDatabase);
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"tb_test_{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={_sqliteFile}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:TrustBridge", ConnectionString);
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Demo:Size", "none");
        builder.UseSetting("DataProtection:MasterKey", MasterKey);
        builder.UseSetting("Audit:CheckpointPath", AuditCheckpointPath);
        // Background loops off: tests run the dispatcher and the survey jobs themselves, when they mean to.
        builder.UseSetting("Surveys:JobsEnabled", "false");
        builder.UseSetting("Feedback:JobsEnabled", "false");
        builder.UseSetting("Notifications:DispatcherEnabled", "false");
        foreach (var (key, value) in ExtraSettings()) builder.UseSetting(key, value);
    }

    private readonly SemaphoreSlim _seedGate = new(1, 1);
    private bool _seeded;

    /// <summary>Runs a fixture's seed once, however many of its tests ask for it and in whatever order.</summary>
    protected async Task SeedOnceAsync(Func<Task> seed)
    {
        await _seedGate.WaitAsync();
        try
        {
            if (_seeded) return;
            await seed();
            _seeded = true;
        }
        finally
        {
            _seedGate.Release();
        }
    }

    /// <summary>Settings a derived factory adds for its tests.</summary>
    protected virtual IEnumerable<(string Key, string Value)> ExtraSettings() => [];

    public Task InitializeAsync()
    {
        _ = Server; // start the app: migrations and the first administrator
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Dispose();
        if (_postgresDatabase is not null) TestDatabase.DropPostgresDatabase(_postgresDatabase);
        try { File.Delete(AuditCheckpointPath); } catch (IOException) { }
        if (_sqliteFile is not null)
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
        return Task.CompletedTask;
    }

    /// <summary>A client with a bearer token for the bootstrap administrator.</summary>
    public Task<HttpClient> AdminClientAsync() => LoginAsync(AdminEmail, AdminPassword);

    /// <summary>Creates (once) a user with the given roles and department scope and returns a client logged in as them.</summary>
    public async Task<HttpClient> ClientWithRolesAsync(string email, string[] roles, string[]? departmentCodes = null)
    {
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var admin = await AdminClientAsync();
                var resp = await admin.PostAsJsonAsync("/api/users", new { email, displayName = email, password = UserPassword, roles, departmentCodes });
                if (!resp.IsSuccessStatusCode) throw new InvalidOperationException($"Could not create {email}: {await resp.Content.ReadAsStringAsync()}");
            }
        }
        return await LoginAsync(email, UserPassword);
    }

    public async Task<HttpClient> LoginAsync(string email, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var resp = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        resp.EnsureSuccessStatusCode();
        var token = await resp.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private sealed record TokenResponse(string TokenType, string AccessToken);
}

public static class TestDatabase
{
    public static string Provider =>
        (Environment.GetEnvironmentVariable("TRUSTBRIDGE_TEST_PROVIDER") ?? "sqlite").Trim().ToLowerInvariant();

    /// <summary>An administrative connection string to the throwaway server, e.g. Host=127.0.0.1;Port=55432;Username=postgres.</summary>
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("TRUSTBRIDGE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("TRUSTBRIDGE_TEST_PROVIDER=postgres needs TRUSTBRIDGE_TEST_POSTGRES (test.sh sets both).");

    public static string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = database, Pooling = true }.ConnectionString;

    public static void CreatePostgresDatabase(string name)
    {
        using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = "postgres", Pooling = false }.ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE \"{name}\"";
        cmd.ExecuteNonQuery();
    }

    public static void DropPostgresDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = "postgres", Pooling = false }.ConnectionString);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }
}
