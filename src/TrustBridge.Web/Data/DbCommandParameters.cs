using System.Data.Common;

namespace TrustBridge.Web.Data;

/// <summary>
/// Parameters for hand-written SQL. Both providers bind .NET values the way EF stores them (Microsoft.Data.Sqlite writes
/// a DateTime as EF's text form, a DateOnly as yyyy-MM-dd and a bool as 0/1), so callers pass plain values.
/// </summary>
public static class DbCommandParameters
{
    public static DbParameter AddParameter(this DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }
}
