using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TrustBridge.Web.Tests.Exports;

/// <summary>Issue 8, defect 13: exports follow the UI's language (Chinese by default), with the codes kept in _code columns.</summary>
public class ExportLanguageTests(TrustExportFixture app) : IClassFixture<TrustExportFixture>
{
    private async Task<HttpClient> ClientAsync(bool english)
    {
        await app.SeedAsync();
        var client = await app.AdminClientAsync();
        // How the app picks the culture: the culture cookie that GET /Culture?c=en sets (Features/Localization).
        if (english) client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        return client;
    }

    private static async Task<string[]> LinesAsync(HttpClient client, string url)
    {
        var bytes = await client.GetByteArrayAsync(url);
        return Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task A_plan_export_in_chinese_has_chinese_headers_and_statuses_and_keeps_the_codes()
    {
        var lines = await LinesAsync(await ClientAsync(english: false), "/api/improvement-plans/export?format=csv");
        var headers = lines[0].Split(',');
        headers.ShouldContain("科室编码");
        headers.ShouldContain("状态");
        headers.ShouldContain("status_code");
        headers.ShouldNotContain("status");
        var status = Array.IndexOf(headers, "状态");
        headers[status + 1].ShouldBe("status_code");
        lines.Skip(1).ShouldAllBe(l => l.Split(',', StringSplitOptions.None)[status] == "待处理" && l.Split(',', StringSplitOptions.None)[status + 1] == "open");
    }

    [Fact]
    public async Task The_same_export_in_english_has_english_headers_and_statuses()
    {
        var lines = await LinesAsync(await ClientAsync(english: true), "/api/improvement-plans/export?format=csv");
        var headers = lines[0].Split(',');
        headers.ShouldContain("Status");
        headers.ShouldContain("status_code");
        var status = Array.IndexOf(headers, "Status");
        lines.Skip(1).ShouldAllBe(l => l.Split(',', StringSplitOptions.None)[status] == "Open");
        lines[0].ShouldNotContain("科室");
    }

    [Fact]
    public async Task A_unit_table_in_xlsx_names_flags_and_statuses_in_words_with_codes_beside_them()
    {
        var client = await ClientAsync(english: false);
        var bytes = await client.GetByteArrayAsync("/api/trust/departments/X1/doctors/export?format=xlsx&" + TrustExportFixture.Period);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "").ToList()).ToList();
        var headers = rows[0];
        headers.ShouldContain("漏斗图标记");
        headers.ShouldContain("flag_code");
        headers.ShouldContain("信任指数 95% CI 下限");
        var flag = headers.IndexOf("漏斗图标记");
        rows[1][flag].ShouldBe("正常");
        rows[1][flag + 1].ShouldBe("within");
        rows[1][headers.IndexOf("状态")].ShouldBe("可报告");
    }

    [Fact]
    public async Task Feedback_exports_go_through_the_same_words()
    {
        var client = await ClientAsync(english: false);
        var header = (await LinesAsync(client, "/api/feedback/export?format=csv"))[0].Split(',');
        foreach (var h in new[] { "查询码", "类型", "type_code", "分类", "category_code", "风险等级", "risk_level_code", "渠道", "channel_code", "状态", "status_code" })
            header.ShouldContain(h);
        var english = (await LinesAsync(await ClientAsync(english: true), "/api/feedback/export?format=csv"))[0].Split(',');
        english.ShouldContain("type_code");
        english.ShouldNotContain("类型");
    }
}
