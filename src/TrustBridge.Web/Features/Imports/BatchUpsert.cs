using System.Data.Common;
using System.Text;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// Writes rows with parameterised multi-row <c>INSERT … ON CONFLICT (key) DO UPDATE … WHERE (the row differs)</c>,
/// which both SQLite and PostgreSQL understand. An unchanged row is not touched, so updated_at only moves when
/// something did change. Rows whose key the caller already knows exist are sent in their own batches: the rows a
/// batch affects are then exactly the inserted (new keys) or updated (known keys) ones. On SQLite the import holds
/// the database's write lock from its first statement (BEGIN IMMEDIATE), so no other writer can add a key meanwhile
/// and new keys go in by plain INSERT. Columns in <paramref name="keep"/> (absent from the file) are written for new
/// rows but neither compared nor overwritten on stored ones.
/// </summary>
public sealed class BatchUpsert(ImportSession session, string table, string key, string[] columns, IReadOnlyCollection<string>? keep = null)
{
    private readonly string[] _updated = columns.Where(c => keep?.Contains(c) != true).ToArray();

    /// <summary>
    /// Microsoft.Data.Sqlite looks each parameter up by name in the statement, a linear search, so binding cost grows
    /// with the square of the parameter count: small statements are fastest there. PostgreSQL binds by position.
    /// </summary>
    public const int SqliteRowsPerStatement = 20;

    private readonly int _batchRows = session.IsPostgres ? Math.Clamp(30_000 / (columns.Length + 1), 1, 250) : SqliteRowsPerStatement;
    private readonly List<object?[]> _new = [];
    private readonly List<object?[]> _known = [];
    private DbCommand? _fullNew;
    private DbCommand? _fullKnown;

    public int Inserted { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }

    /// <summary>Queues one row: its key first, then one value per column.</summary>
    public async Task AddAsync(object?[] row, bool keyExists)
    {
        var list = keyExists ? _known : _new;
        list.Add(row);
        if (list.Count >= _batchRows) await ExecuteAsync(list, keyExists);
    }

    public async Task FlushAsync()
    {
        if (_new.Count > 0) await ExecuteAsync(_new, false);
        if (_known.Count > 0) await ExecuteAsync(_known, true);
        if (_fullNew is not null) { await _fullNew.DisposeAsync(); _fullNew = null; }
        if (_fullKnown is not null) { await _fullKnown.DisposeAsync(); _fullKnown = null; }
    }

    private async Task ExecuteAsync(List<object?[]> rows, bool known)
    {
        var full = rows.Count == _batchRows;
        var upsert = known || session.IsPostgres;
        var cmd = !full ? Build(rows.Count, upsert) : known ? _fullKnown ??= Build(_batchRows, upsert) : _fullNew ??= Build(_batchRows, upsert);
        try
        {
            var i = 0;
            foreach (var row in rows)
                foreach (var v in row)
                    cmd.Parameters[i++].Value = v ?? DBNull.Value;
            cmd.Parameters[i].Value = session.Now;
            var affected = await cmd.ExecuteNonQueryAsync(session.Ct);
            if (known) { Updated += affected; Unchanged += rows.Count - affected; }
            else { Inserted += affected; Unchanged += rows.Count - affected; } // a key another writer inserted meanwhile
        }
        finally
        {
            if (!full) await cmd.DisposeAsync();
        }
        rows.Clear();
    }

    private DbCommand Build(int rowCount, bool upsert)
    {
        var all = new[] { key }.Concat(columns).ToArray();
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", all)}, created_at, updated_at) VALUES ");
        var cmd = session.Command("");
        var p = 0;
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < all.Length; c++)
            {
                var name = "@p" + p++;
                sql.Append(name).Append(", ");
                cmd.AddParameter(name, null);
            }
            sql.Append("@now, @now)");
        }
        cmd.AddParameter("@now", session.Now);
        if (!upsert)
        {
            cmd.CommandText = sql.ToString();
            return cmd;
        }
        sql.Append($" ON CONFLICT ({key}) DO UPDATE SET ");
        sql.AppendJoin(", ", _updated.Select(c => $"{c} = excluded.{c}")).Append(", updated_at = excluded.updated_at WHERE ");
        sql.Append(DiffersClause(session.IsPostgres, table, _updated));
        cmd.CommandText = sql.ToString();
        return cmd;
    }

    /// <summary>True when any column of the stored row differs from the incoming one (NULL-safe).</summary>
    public static string DiffersClause(bool postgres, string table, IEnumerable<string> columns) => postgres
        ? $"({string.Join(", ", columns.Select(c => $"{table}.{c}"))}) IS DISTINCT FROM ({string.Join(", ", columns.Select(c => $"excluded.{c}"))})"
        : string.Join(" OR ", columns.Select(c => $"{table}.{c} IS NOT excluded.{c}"));
}
