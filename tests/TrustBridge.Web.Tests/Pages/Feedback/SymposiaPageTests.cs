using System.Net;
using System.Text.RegularExpressions;
using TrustBridge.Web.Tests.Feedback;

namespace TrustBridge.Web.Tests.Pages.Feedback;

public partial class SymposiaPageTests(FeedbackFixture app) : IClassFixture<FeedbackFixture>
{
    private const string Edit = "/Staff/Feedback/Symposia/Edit";

    private static List<KeyValuePair<string, string>> Row(int i, string name, string role, string staffCode = "", string mobile = "") =>
    [
        new($"Form.Participants[{i}].Name", name), new($"Form.Participants[{i}].Role", role),
        new($"Form.Participants[{i}].StaffCode", staffCode), new($"Form.Participants[{i}].Mobile", mobile),
    ];

    private static readonly List<KeyValuePair<string, string>> Header =
        [new("Form.HeldOn", "2026-11-10"), new("Form.Title", "页面座谈会"), new("Form.Location", "门诊五楼"), new("Form.DepartmentCode", "F2"), new("Form.Minutes", "第一行\n第二行")];

    [Fact]
    public async Task The_form_adds_rows_without_javascript_shows_row_errors_and_the_detail_raises_and_reports()
    {
        await app.SeedAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.sympage@test.local", ["PatientRelations"]);
        (await office.GetHtmlAsync("/Staff/Feedback/Symposia")).ShouldContain("id=\"new-symposium\"");

        var blank = await office.GetHtmlAsync(Edit);
        blank.ShouldContain("name=\"Form.Participants[2].Name\"");
        blank.ShouldNotContain("name=\"Form.Participants[3].Name\"");

        // "Add rows" posts back what was typed (three rows) with three more blank rows; nothing is saved.
        var added = await office.PostFormAsync(Edit, $"{Edit}?handler=AddRows",
            [.. Header, .. Row(0, "张三", "patient", mobile: "13800138002"), .. Row(1, "", ""), .. Row(2, "", "")]);
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        var addedHtml = await added.Content.ReadAsStringAsync();
        addedHtml.ShouldContain("name=\"Form.Participants[5].Name\"");
        addedHtml.ShouldNotContain("name=\"Form.Participants[6].Name\"");
        addedHtml.ShouldContain("value=\"张三\"");
        addedHtml.ShouldContain("value=\"页面座谈会\"");

        // Blank rows are ignored; an error shows on the row it belongs to (row 3, after a blank row 2).
        var bad = await office.PostFormAsync(Edit, Edit,
            [.. Header, .. Row(0, "张三", "patient", mobile: "13800138002"), .. Row(1, "", "", staffCode: "D2"), .. Row(2, "", ""), .. Row(3, "李四", "family", mobile: "123")]);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var badHtml = await bad.Content.ReadAsStringAsync();
        badHtml.ShouldContain("id=\"form-errors\"");
        RowHtml(badHtml, 3).ShouldContain("手机号码无效");
        RowHtml(badHtml, 1).ShouldContain("请选择参会人身份。");
        RowHtml(badHtml, 0).ShouldNotContain("invalid-feedback");

        var saved = await office.PostFormAsync(Edit, Edit,
            [.. Header, .. Row(0, "张三", "patient", mobile: "13800138002"), .. Row(1, "", "staff", staffCode: "D2"), .. Row(2, "", ""), .. Row(3, "李四", "family")]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var detailUrl = saved.Headers.Location!.OriginalString;
        detailUrl.ShouldStartWith("/Staff/Feedback/Symposia/Detail/");
        var detail = await office.GetHtmlAsync(detailUrl);
        detail.ShouldContain("138****8002");
        detail.ShouldNotContain("13800138002");
        detail.ShouldContain("医生D2");
        detail.ShouldContain("id=\"raise-item\"");

        // Raise an item from the page: it becomes a case, linked to the case page.
        var raised = await office.PostFormAsync(detailUrl, $"{detailUrl}?handler=RaiseItem",
            [new("Item.Content", "门诊候诊区座椅太少"), new("Item.Type", "suggestion"), new("Item.DepartmentCodes", "F2")]);
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect, await raised.Content.ReadAsStringAsync());
        detail = await office.GetHtmlAsync(detailUrl);
        CaseLink().IsMatch(detail).ShouldBeTrue();
        detail.ShouldContain("门诊候诊区座椅太少");
        var emptyItem = await office.PostFormAsync(detailUrl, $"{detailUrl}?handler=RaiseItem", [new("Item.Content", "")]);
        emptyItem.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await emptyItem.Content.ReadAsStringAsync()).ShouldContain("请填写意见内容。");

        // The composer is pre-filled from the items; sending saves the report and lists the queued SMS (masked).
        detail.ShouldContain("门诊候诊区座椅太少——已登记，待受理");
        var reported = await office.PostFormAsync(detailUrl, $"{detailUrl}?handler=Report", [new("ReportText", "感谢参加，候诊区已增加座椅。")]);
        reported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        detail = await office.GetHtmlAsync(detailUrl);
        detail.ShouldContain("id=\"report-messages\"");
        detail.ShouldContain("感谢参加，候诊区已增加座椅。");
        detail.ShouldNotContain("id=\"report-form\"");
        var print = await office.GetHtmlAsync(detailUrl.Replace("/Detail/", "/Report/"));
        print.ShouldContain("id=\"symposium-report\"");
        print.ShouldContain("感谢参加，候诊区已增加座椅。");

        var list = await office.GetHtmlAsync("/Staff/Feedback/Symposia?q=页面座谈会");
        list.ShouldContain("页面座谈会");
        list.ShouldContain("2026-11-10");
        (await office.GetHtmlAsync("/Staff/Feedback/Symposia?q=没有这个座谈会")).ShouldContain("没有符合条件的座谈会");

        // Editing shows the stored participants with their masked mobile kept.
        var edit = await office.GetHtmlAsync(detailUrl.Replace("/Detail/", "/Edit/"));
        edit.ShouldContain("保留 138****8002");
    }

    [Fact]
    public async Task The_supervisor_sees_the_detail_without_forms_and_cannot_open_the_editor()
    {
        await app.SeedAsync();
        var office = await CookieBrowser.WithRolesAsync(app, "office.sympage2@test.local", ["PatientRelations"]);
        var saved = await office.PostFormAsync(Edit, Edit, [.. Header, .. Row(0, "张三", "patient")]);
        var detailUrl = saved.Headers.Location!.OriginalString;

        var supervisor = await CookieBrowser.WithRolesAsync(app, "supervisor.sympage@test.local", ["Supervisor"]);
        var detail = await supervisor.GetHtmlAsync(detailUrl);
        detail.ShouldContain("页面座谈会");
        detail.ShouldNotContain("id=\"raise-item\"");
        detail.ShouldNotContain("id=\"report-form\"");
        (await supervisor.GetHtmlAsync("/Staff/Feedback/Symposia")).ShouldNotContain("id=\"new-symposium\"");
        (await supervisor.Client.GetAsync(Edit)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var token = CookieBrowser.TokenIn(detail);
        var post = await supervisor.Client.PostAsync($"{detailUrl}?handler=Report",
            new FormUrlEncodedContent([new("ReportText", "x"), new KeyValuePair<string, string>("__RequestVerificationToken", token)]));
        if (post.StatusCode == HttpStatusCode.Redirect) post.Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        else post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await office.GetHtmlAsync(detailUrl)).ShouldContain("id=\"report-form\""); // nothing was reported
    }

    private static string RowHtml(string html, int row)
    {
        var start = html.IndexOf($"data-row=\"{row}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [GeneratedRegex("href=\"/Staff/Feedback/Case/\\d+\"")]
    private static partial Regex CaseLink();
}
