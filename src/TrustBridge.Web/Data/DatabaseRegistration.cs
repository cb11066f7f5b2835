using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrustBridge.Web.Data;

public static class DatabaseRegistration
{
    public static IServiceCollection AddTrustDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptions.From(configuration);
        if (!options.IsPostgres) EnsureSqliteFolder(options.ConnectionString);
        services.AddSingleton(options);
        services.AddDbContext<TrustDbContext>(b => Configure(b, options));
        services.AddScoped<Migrator>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder b, DatabaseOptions options)
    {
        if (options.IsPostgres)
            b.UseNpgsql(options.ConnectionString, o => o.CommandTimeout(120));
        else
            b.UseSqlite(options.ConnectionString, o => o.CommandTimeout(120)).AddInterceptors(SqlitePragmas.Instance);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}

/// <summary>Waits for a busy SQLite database instead of failing at once (web requests and imports share one file).</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
        cmd.ExecuteNonQuery();
    }
}
