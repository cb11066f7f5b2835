namespace TrustBridge.Web.Data;

public sealed class DatabaseOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string DefaultConnectionString = "Data Source=data/trustbridge.db";

    public string Provider { get; set; } = Sqlite;
    public string ConnectionString { get; set; } = DefaultConnectionString;
    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Isolation for writes that serialise themselves: SQLite's Serializable is BEGIN IMMEDIATE (the write lock up front);
    /// on PostgreSQL they take an advisory or table lock and must then read what committed before it, so Read Committed.
    /// </summary>
    public System.Data.IsolationLevel WriteIsolation =>
        IsPostgres ? System.Data.IsolationLevel.ReadCommitted : System.Data.IsolationLevel.Serializable;

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var provider = (configuration["Database:Provider"] ?? Sqlite).Trim().ToLowerInvariant();
        if (provider is "postgresql" or "npgsql") provider = Postgres;
        if (provider is not (Sqlite or Postgres))
            throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{Postgres}', not '{provider}'.");
        return new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = configuration.GetConnectionString("TrustBridge") ?? DefaultConnectionString,
        };
    }
}
