using System.Net;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages.Surveys;

public class InstrumentPagesTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    private const string Edit = "/Staff/Surveys/Instruments/Edit";

    private static List<KeyValuePair<string, string>> Item(int i, string code, string zh, string scale = "likert5", bool reverse = false, int? order = null) =>
    [
        new($"Form.Items[{i}].Order", (order ?? i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new($"Form.Items[{i}].Code", code), new($"Form.Items[{i}].TextZh", zh), new($"Form.Items[{i}].TextEn", code + " in English"),
        new($"Form.Items[{i}].Scale", scale), new($"Form.Items[{i}].Dimension", "attitude"),
        new($"Form.Items[{i}].Reverse", reverse ? "true" : "false"),
    ];

    [Fact]
    public async Task The_builder_adds_rows_without_javascript_saves_a_draft_and_publishing_freezes_a_version()
    {
        var office = await CookieBrowser.WithRolesAsync(app, "office.builder@test.local", ["PatientRelations"]);
        List<KeyValuePair<string, string>> header = [new("Form.Code", "er-visit"), new("Form.TitleZh", "急诊就诊体验"), new("Form.TitleEn", "Emergency visit")];

        // "Add item" posts the form back with one more row and keeps what was typed; the preview shows the typed item.
        var added = await office.PostFormAsync(Edit, $"{Edit}?handler=AddItem", [.. header, .. Item(0, "E1", "护士及时回应了我的需要。")]);
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        var addedHtml = await added.Content.ReadAsStringAsync();
        addedHtml.ShouldContain("name=\"Form.Items[1].Code\"");
        addedHtml.ShouldContain("value=\"E1\"");
        addedHtml.ShouldContain("data-item=\"E1\"");

        // Order decides the position: E2 typed second with order 1 comes first.
        var saved = await office.PostFormAsync(Edit, $"{Edit}?handler=Save",
            [.. header, .. Item(0, "E1", "护士及时回应了我的需要。", order: 2), .. Item(1, "E2", "等候时间可以接受。", order: 1), .. Item(2, "E3", "还有什么建议？", "text", order: 3)]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        saved.Headers.Location!.OriginalString.ShouldBe("/Staff/Surveys/Instruments/Detail/er-visit?version=1");
        var draft = await office.GetHtmlAsync("/Staff/Surveys/Instruments/Detail/er-visit?version=1");
        draft.ShouldContain("草稿");
        draft.IndexOf("等候时间可以接受。", StringComparison.Ordinal).ShouldBeLessThan(draft.IndexOf("护士及时回应了我的需要。", StringComparison.Ordinal));
        draft.ShouldContain("id=\"phone-preview\"");

        var published = await office.PostFormAsync("/Staff/Surveys/Instruments/Detail/er-visit", "/Staff/Surveys/Instruments/Detail/er-visit?handler=Publish", new Dictionary<string, string>());
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        published.Headers.Location!.OriginalString.ShouldBe("/Staff/Surveys/Instruments/Detail/er-visit?version=1");
        (await office.GetHtmlAsync("/Staff/Surveys/Instruments/Detail/er-visit?version=1")).ShouldContain("已发布");

        // Editing the published version saves version 2 as a draft; version 1 stays published.
        (await office.GetHtmlAsync($"{Edit}/er-visit")).ShouldContain("id=\"next-version-note\"");
        var second = await office.PostFormAsync($"{Edit}/er-visit", $"{Edit}/er-visit?handler=Save",
            [new("Form.TitleZh", "急诊就诊体验"), new("Form.TitleEn", "Emergency visit"), .. Item(0, "E1", "护士及时回应了我的需要。"), .. Item(1, "E4", "医生解释清楚了病情。", reverse: false)]);
        second.Headers.Location!.OriginalString.ShouldBe("/Staff/Surveys/Instruments/Detail/er-visit?version=2");
        var list = await office.GetHtmlAsync("/Staff/Surveys/Instruments");
        list.ShouldContain("data-instrument=\"er-visit\" data-version=\"2\"");
        list.ShouldContain("data-instrument=\"er-visit\" data-version=\"1\"");
        (await office.GetHtmlAsync("/Staff/Surveys/Instruments/Detail/er-visit?version=1")).ShouldNotContain("医生解释清楚了病情。");
    }

    [Fact]
    public async Task Builder_errors_are_shown_by_row_and_a_supervisor_cannot_open_the_builder()
    {
        var admin = await CookieBrowser.AdminAsync(app);
        var bad = await admin.PostFormAsync(Edit, $"{Edit}?handler=Save",
            [new("Form.Code", "bad-one"), new("Form.TitleZh", ""), new("Form.TitleEn", "Bad"), .. Item(0, "B1", "文字题不能反向。", "text", reverse: true)]);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await bad.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"form-errors\"");
        html.ShouldContain("titleZh is required.");
        html.ShouldContain("only likert5 items can be reverse scored");

        var supervisor = await CookieBrowser.WithRolesAsync(app, "sup.builder@test.local", ["Supervisor"]);
        (await supervisor.Client.GetAsync(Edit)).Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        var trust10 = await supervisor.GetHtmlAsync("/Staff/Surveys/Instruments/Detail/trust-10");
        trust10.ShouldContain("T01");
        trust10.ShouldNotContain("id=\"edit-instrument\"");
        var publish = await supervisor.PostFormAsync("/Staff/Surveys/Instruments/Detail/trust-10", "/Staff/Surveys/Instruments/Detail/trust-10?handler=Publish", new Dictionary<string, string>());
        publish.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
