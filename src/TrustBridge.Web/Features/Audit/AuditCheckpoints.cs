using System.Text.Json;
using TrustBridge.Core.Audit;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Audit;

/// <summary>
/// The append-only file of signed checkpoints (one JSON line each) outside the database: Audit:CheckpointPath, by default
/// &lt;database&gt;.audit-checkpoints.jsonl beside the SQLite database (data/, where run.sh keeps master.key), or in data/ for
/// PostgreSQL.
/// On a production host the file can be made append-only (chattr +a) or shipped to a log sink.
/// </summary>
public sealed class AuditCheckpoints(string path)
{
    public const string PathSetting = "Audit:CheckpointPath";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string Path { get; } = path;

    /// <summary>The sequence of the last checkpoint this process wrote, so an idle chain is not checkpointed again.</summary>
    public long LastWrittenSequence = -1;

    public static AuditCheckpoints From(IConfiguration configuration, DatabaseOptions database)
    {
        if (configuration[PathSetting] is { Length: > 0 } configured) return new AuditCheckpoints(configured);
        if (database.IsPostgres)
        {
            var name = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database ?? "trustbridge";
            return new AuditCheckpoints(System.IO.Path.Combine("data", $"{name}.audit-checkpoints.jsonl"));
        }
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") file = "data/trustbridge.db";
        var full = System.IO.Path.GetFullPath(file);
        return new AuditCheckpoints(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full) ?? "data",
            System.IO.Path.GetFileNameWithoutExtension(full) + ".audit-checkpoints.jsonl"));
    }

    public async Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken ct = default)
    {
        await Gate.WaitAsync(ct);
        try
        {
            if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { } dir) Directory.CreateDirectory(dir);
            await using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            var line = JsonSerializer.SerializeToUtf8Bytes(checkpoint, Json);
            await file.WriteAsync(line, ct);
            await file.WriteAsync("\n"u8.ToArray(), ct);
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Every checkpoint in the file, oldest first; a line that does not parse is returned as null.</summary>
    public async Task<List<AuditCheckpoint?>> ReadAllAsync(CancellationToken ct = default)
    {
        var list = new List<AuditCheckpoint?>();
        if (!File.Exists(Path)) return list;
        await using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try { list.Add(JsonSerializer.Deserialize<AuditCheckpoint>(line, Json)); }
            catch (JsonException) { list.Add(null); }
        }
        return list;
    }
}
