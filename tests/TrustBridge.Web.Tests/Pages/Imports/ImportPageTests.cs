using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrustBridge.Web.Pages.Staff.Imports;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages.Imports;

/// <summary>The app with a recording importer behind the page's IRegistryFileImporter.</summary>
public sealed class RecordingImporterFactory : TrustBridgeFactory
{
    public RecordingImporter Importer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IRegistryFileImporter>(Importer));
    }
}

public sealed class RecordingImporter : IRegistryFileImporter
{
    public List<(UploadKind Kind, string Content, string? Charset, bool AllOrNothing, string? FileName)> Calls { get; } = [];

    public async Task<UploadReport> RunAsync(UploadKind kind, Stream content, string? charset, bool allOrNothing, string? fileName, CancellationToken ct)
    {
        using var reader = new StreamReader(content, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        Calls.Add((kind, text, charset, allOrNothing, fileName));
        if (text.StartsWith("garbage", StringComparison.Ordinal)) throw new UploadFileProblem("The header has no column named code.");
        return new UploadReport(2, 1, 4, 1, [new UploadRowError(3, "code", null, "code is required <b>")], TotalErrors: 1, NothingSaved: allOrNothing);
    }
}

public class ImportPageTests(RecordingImporterFactory app) : IClassFixture<RecordingImporterFactory>
{
    [Fact]
    public async Task Uploading_a_file_passes_kind_charset_and_mode_to_the_importer_and_shows_its_report()
    {
        var browser = await CookieBrowser.AdminAsync(app);
        var before = app.Importer.Calls.Count;
        var token = await browser.TokenFromAsync("/Staff/Imports");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("Staff"), "Kind");
        form.Add(new StringContent("GB18030"), "Charset");
        form.Add(new StringContent("true"), "AllOrNothing");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("code,name\nD1,张三\n,无工号\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "staff.csv");

        var resp = await browser.Client.PostAsync("/Staff/Imports", form);
        var html = await resp.Content.ReadAsStringAsync();
        resp.StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Importer.Calls.Count.ShouldBe(before + 1);
        var call = app.Importer.Calls[^1];
        call.Kind.ShouldBe(UploadKind.Staff);
        call.Charset.ShouldBe("GB18030");
        call.AllOrNothing.ShouldBeTrue();
        call.Content.ShouldContain("张三");
        call.FileName.ShouldBe("staff.csv");

        html.ShouldContain("id=\"import-report\"");
        html.ShouldContain("staff.csv");
        html.ShouldContain("id=\"report-inserted\">2<");
        html.ShouldContain("id=\"report-unchanged\">4<");
        html.ShouldContain("id=\"report-rejected\">1<");
        html.ShouldContain("本次没有保存任何记录");
        html.ShouldContain("code is required &lt;b&gt;"); // importer text is encoded, never raw HTML
    }

    [Fact]
    public async Task A_file_the_importer_refuses_as_a_whole_shows_its_reason()
    {
        var browser = await CookieBrowser.AdminAsync(app);
        var token = await browser.TokenFromAsync("/Staff/Imports");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Departments"), "Kind" } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("garbage;;;\n")), "Upload", "bad.csv");
        var html = await (await browser.Client.PostAsync("/Staff/Imports", form)).Content.ReadAsStringAsync();
        html.ShouldContain("id=\"file-problem\"");
        html.ShouldContain("The header has no column named code.");
        html.ShouldNotContain("id=\"import-report\"");
    }

    [Fact]
    public async Task Posting_without_a_file_says_so_and_does_not_call_the_importer()
    {
        var browser = await CookieBrowser.AdminAsync(app);
        var before = app.Importer.Calls.Count;
        var token = await browser.TokenFromAsync("/Staff/Imports");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Departments"), "Kind" } };
        var html = await (await browser.Client.PostAsync("/Staff/Imports", form)).Content.ReadAsStringAsync();
        html.ShouldContain("请选择要导入的文件。");
        app.Importer.Calls.Count.ShouldBe(before);
    }

    [Fact]
    public async Task Only_registry_writers_may_open_the_import_page()
    {
        var supervisor = await CookieBrowser.WithRolesAsync(app, "supervisor.import@test.local", ["Supervisor"]);
        (await supervisor.Client.GetAsync("/Staff/Imports")).Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        (await supervisor.GetHtmlAsync("/Staff")).ShouldNotContain("href=\"/Staff/Imports\"");
    }
}

/// <summary>The app with no importer registered at all.</summary>
public sealed class NoImporterFactory : TrustBridgeFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.RemoveAll<IRegistryFileImporter>());
    }
}

public class ImportPageWithoutImporterTests(NoImporterFactory app) : IClassFixture<NoImporterFactory>
{
    [Fact]
    public async Task Without_an_importer_the_page_says_imports_are_off()
    {
        var html = await (await CookieBrowser.AdminAsync(app)).GetHtmlAsync("/Staff/Imports");
        html.ShouldContain("id=\"importer-off\"");
    }
}
