using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TrustBridge.Web.Features.Exports;

namespace TrustBridge.Web.Tests.Exports;

public class ExportTests
{
    private static readonly ExportTable Table = new("测试", ["code", "name", "n", "rate"],
    [
        ["0101", "心血管内科", 120, 0.8125],
        ["=HYPERLINK(\"http://x\")", "+1", 3, double.NaN],
        ["@SUM(A1)", "a,\"quoted\"\nline", 0, null],
    ]);

    [Fact]
    public void Csv_has_a_bom_quotes_properly_and_neutralises_formulas()
    {
        var bytes = CsvExport.Write(Table);
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var lines = text.Split("\r\n");
        lines[0].ShouldBe("code,name,n,rate");
        lines[1].ShouldBe("0101,心血管内科,120,0.8125");
        lines[2].ShouldStartWith("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,3,");
        text.ShouldContain("'@SUM(A1)");
        text.ShouldContain("\"a,\"\"quoted\"\"\nline\"");
    }

    [Fact]
    public void Xlsx_keeps_numbers_as_numbers_and_formulas_as_text()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(XlsxExport.Write(Table)), false);
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        sheet.Name!.Value.ShouldBe("测试");
        var rows = doc.WorkbookPart.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        rows.Count.ShouldBe(4);
        var first = rows[1].Elements<Cell>().ToList();
        first[1].InnerText.ShouldBe("心血管内科");
        first[2].DataType!.Value.ShouldBe(CellValues.Number);
        first[2].CellValue!.Text.ShouldBe("120");
        var formula = rows[2].Elements<Cell>().First();
        formula.DataType!.Value.ShouldBe(CellValues.InlineString);
        formula.CellFormula.ShouldBeNull();
    }
}
