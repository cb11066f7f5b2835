namespace TrustBridge.Web.Features.Exports;

public static class ExportResults
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool IsKnown(string? format) => format is "csv" or "xlsx";

    /// <summary>400 problem details for a format other than csv or xlsx; null when the format is known or absent (csv).</summary>
    public static IResult? Unknown(string? format) => format is null || IsKnown(format)
        ? null
        : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format must be csv or xlsx."] });

    /// <summary>The table as a download in the asked format (csv or xlsx).</summary>
    public static IResult File(ExportTable table, string format, string fileStem) => format == "xlsx"
        ? TypedResults.File(XlsxExport.Write(table), XlsxType, fileStem + ".xlsx")
        : TypedResults.File(CsvExport.Write(table), CsvType, fileStem + ".csv");
}
