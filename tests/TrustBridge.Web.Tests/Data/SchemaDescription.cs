using System.Data.Common;

namespace TrustBridge.Web.Tests.Data;

/// <summary>A provider's catalogue read into comparable lines: one per column, index and foreign key.</summary>
internal static class SchemaDescription
{
    public static async Task<List<string>> ReadAsync(DbConnection conn, string provider)
    {
        var lines = provider == "postgres" ? await Postgres(conn) : await Sqlite(conn);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> Sqlite(DbConnection conn)
    {
        var lines = new List<string>();
        var tables = await Query(conn, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'");
        foreach (var t in tables.Select(r => r[0]))
        {
            foreach (var c in await Query(conn, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{t}')"))
                lines.Add($"column {t}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}");
            foreach (var ix in await Query(conn, $"SELECT name, \"unique\", origin FROM pragma_index_list('{t}')"))
            {
                var cols = await Query(conn, $"SELECT name FROM pragma_index_info('{ix[0]}') ORDER BY seqno");
                // Automatic indexes of primary keys are named by SQLite itself; compare them by columns only.
                var name = ix[2] == "pk" ? "(pk)" : ix[0];
                lines.Add($"index {t}.{name} unique={ix[1]} ({string.Join(",", cols.Select(x => x[0]))})");
            }
            foreach (var fk in await Query(conn, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}')"))
                lines.Add($"fk {t}.{fk[1]} -> {fk[0]}.{fk[2]} on delete {fk[3]}");
        }
        return lines;
    }

    private static async Task<List<string>> Postgres(DbConnection conn)
    {
        var lines = new List<string>();
        foreach (var c in await Query(conn, """
            SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length::text, ''), coalesce(column_default, ''), is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
            """))
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[4]}) nullable={c[3]} default={c[5]} identity={c[6]}");
        foreach (var ix in await Query(conn, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'"))
            lines.Add($"index {ix[0]}.{ix[1]} {ix[2]}");
        foreach (var fk in await Query(conn, """
            SELECT tc.table_name, tc.constraint_name, rc.delete_rule
            FROM information_schema.table_constraints tc JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
            WHERE tc.table_schema = 'public' AND tc.constraint_type = 'FOREIGN KEY'
            """))
            lines.Add($"fk {fk[0]}.{fk[1]} on delete {fk[2]}");
        return lines;
    }

    private static async Task<List<string[]>> Query(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await r.ReadAsync())
        {
            var row = new string[r.FieldCount];
            for (var i = 0; i < r.FieldCount; i++) row[i] = r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(row);
        }
        return rows;
    }
}
