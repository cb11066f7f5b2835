using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TrustBridge.Web.Features.Exports;

/// <summary>An .xlsx workbook of one sheet: numbers stay numbers, text is inline text (never a formula).</summary>
public static class XlsxExport
{
    public static byte[] Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(table.Headers.Cast<object?>()));
            foreach (var r in table.Rows) data.Append(Row(r));
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.Title) });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(IEnumerable<object?> cells)
    {
        var row = new Row();
        foreach (var c in cells) row.Append(Cell(c));
        return row;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        double d when double.IsNaN(d) || double.IsInfinity(d) => new Cell(),
        double or float or int or long or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(ExportTable.Text(value)) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(ExportTable.Text(value)) { Space = SpaceProcessingModeValues.Preserve }) },
    };

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string title)
    {
        var clean = new string(title.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return clean.Length == 0 ? "Sheet1" : clean.Length > 31 ? clean[..31] : clean;
    }
}
