using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Data;

/// <summary>The SQL migration scripts and the EF model must describe the same schema, on the provider under test.</summary>
public class MigrationsMatchModelTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task Migrated_schema_equals_the_schema_the_ef_model_creates()
    {
        List<string> migrated;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            await db.Database.OpenConnectionAsync();
            migrated = await SchemaDescription.ReadAsync(db.Database.GetDbConnection(), app.Provider);
        }

        var (options, cleanup) = FreshDatabase();
        try
        {
            await using var fromModel = new TrustDbContext(options);
            (await fromModel.Database.EnsureCreatedAsync()).ShouldBeTrue();
            await fromModel.Database.OpenConnectionAsync();
            var modelled = await SchemaDescription.ReadAsync(fromModel.Database.GetDbConnection(), app.Provider);

            var onlyInMigrations = migrated.Except(modelled).ToList();
            var onlyInModel = modelled.Except(migrated).ToList();
            migrated.Count.ShouldBeGreaterThan(50);
            onlyInMigrations.ShouldBeEmpty("in the migration scripts but not in the EF model:\n" + string.Join("\n", onlyInMigrations));
            onlyInModel.ShouldBeEmpty("in the EF model but not in the migration scripts:\n" + string.Join("\n", onlyInModel));
        }
        finally
        {
            cleanup();
        }
    }

    [Fact]
    public async Task Applying_migrations_again_changes_nothing()
    {
        using var scope = app.Services.CreateScope();
        var applied = await scope.ServiceProvider.GetRequiredService<Migrator>().ApplyAsync();
        applied.ShouldBeEmpty();
    }

    private (DbContextOptions<TrustDbContext> Options, Action Cleanup) FreshDatabase()
    {
        DatabaseOptions options;
        Action cleanup;
        if (app.Provider == "postgres")
        {
            var name = "tb_model_" + Guid.NewGuid().ToString("N")[..12];
            TestDatabase.CreatePostgresDatabase(name);
            options = new DatabaseOptions { Provider = DatabaseOptions.Postgres, ConnectionString = TestDatabase.PostgresConnectionString(name) };
            cleanup = () => TestDatabase.DropPostgresDatabase(name);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"tb_model_{Guid.NewGuid():N}.db");
            options = new DatabaseOptions { Provider = DatabaseOptions.Sqlite, ConnectionString = $"Data Source={file};Pooling=False" };
            cleanup = () => File.Delete(file);
        }
        var builder = new DbContextOptionsBuilder<TrustDbContext>();
        DatabaseRegistration.Configure(builder, options);
        return (builder.Options, cleanup);
    }
}
