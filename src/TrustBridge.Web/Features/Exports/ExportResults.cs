using Microsoft.Extensions.Localization;

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

    /// <summary>
    /// The table as a download in the asked format (csv or xlsx), in the words of the request's UI language
    /// (<see cref="ExportLabels"/>: Chinese by default, English with the en culture; codes kept in _code columns).
    /// </summary>
    public static IResult File(ExportTable table, string format, string fileStem) => new LocalizedFile(table, format, fileStem);

    /// <summary>Writes the file when the response is written, so the request's culture and localizer are known.</summary>
    private sealed class LocalizedFile(ExportTable table, string format, string fileStem) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var localizer = http.RequestServices.GetRequiredService<IStringLocalizer>();
            var words = ExportLabels.Localize(table, zh => localizer[zh].Value);
            IResult file = format == "xlsx"
                ? TypedResults.File(XlsxExport.Write(words), XlsxType, fileStem + ".xlsx")
                : TypedResults.File(CsvExport.Write(words), CsvType, fileStem + ".csv");
            return file.ExecuteAsync(http);
        }
    }
}
