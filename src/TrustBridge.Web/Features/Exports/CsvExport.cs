using System.Text;

namespace TrustBridge.Web.Features.Exports;

/// <summary>
/// CSV that Excel on a Chinese Windows opens correctly (UTF-8 with BOM) and that cannot smuggle a formula: a text cell
/// starting with =, +, -, @ (or a tab/CR) is prefixed with an apostrophe (OWASP CSV injection).
/// </summary>
public static class CsvExport
{
    public static byte[] Write(ExportTable table)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', table.Headers.Select(h => Quote(Neutralise(h)))).Append("\r\n");
        foreach (var row in table.Rows)
            sb.AppendJoin(',', row.Select(c => Quote(c is string s ? Neutralise(s) : ExportTable.Text(c)))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static string Neutralise(string s) =>
        s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
