using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Tests.Infrastructure;
using static TrustBridge.Web.Tests.Imports.ImportClient;

namespace TrustBridge.Web.Tests.Imports;

/// <summary>The app with a 1 MB import limit.</summary>
public sealed class SmallUploadFactory : TrustBridgeFactory
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings() => [("Imports:MaxUploadMegabytes", "1")];
}

public class ImportSizeLimitTests(SmallUploadFactory app) : IClassFixture<SmallUploadFactory>
{
    [Fact]
    public async Task A_file_over_the_limit_is_413_and_writes_nothing()
    {
        var admin = await app.AdminClientAsync();
        var csv = new StringBuilder("code,name\n");
        for (var i = 0; csv.Length < 1_200_000; i++) csv.Append($"BIG{i:D6},超大文件科室{i}\n");
        var resp = await admin.PostAsync("/api/departments/import", Csv(csv.ToString()));
        resp.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        resp.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await resp.Content.ReadAsStringAsync()).ShouldContain("1 MB");
        (await app.QueryAsync(db => db.Departments.CountAsync(d => d.Code.StartsWith("BIG")))).ShouldBe(0);
    }

    [Fact]
    public async Task A_chunked_upload_without_a_length_is_stopped_at_the_limit_too()
    {
        var admin = await app.AdminClientAsync();
        var bytes = Encoding.UTF8.GetBytes("code,name\n" + string.Concat(Enumerable.Range(0, 60_000).Select(i => $"CHK{i:D6},分块上传科室\n")));
        var content = new UnknownLengthContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var resp = await admin.PostAsync("/api/departments/import", content);
        resp.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await app.QueryAsync(db => db.Departments.CountAsync(d => d.Code.StartsWith("CHK")))).ShouldBe(0);
    }

    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    [Fact]
    public async Task A_file_under_the_limit_is_imported()
    {
        var admin = await app.AdminClientAsync();
        var report = await admin.ImportAsync("departments", Csv("code,name\nSMALL1,小科室\n"));
        report.Inserted.ShouldBe(1);
    }
}
