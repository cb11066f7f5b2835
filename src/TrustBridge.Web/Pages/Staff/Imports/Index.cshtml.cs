using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Pages.Staff.Imports;

/// <summary>Upload a HIS export (CSV or FHIR bundle) and read the importer's report, row errors with line numbers.</summary>
[Authorize(Policy = Policies.RegistryWrite)]
[RequestSizeLimit(MaxRequestBytes), RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(IServiceProvider services, IConfiguration configuration) : PageModel
{
    private const long MaxRequestBytes = 512L * 1024 * 1024;
    public const int ErrorsShown = 500;
    public static readonly string[] Charsets = ["UTF-8", "GB18030", "GBK", "UTF-16"];

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public UploadKind Kind { get; set; } = UploadKind.Departments;
    [BindProperty] public string? Charset { get; set; }
    [BindProperty] public bool AllOrNothing { get; set; }

    public UploadReport? Report { get; private set; }
    public string? FileName { get; private set; }
    public string? Problem { get; private set; }
    /// <summary>The importer's own words on why the whole file was refused (shown as it wrote them).</summary>
    public string? FileProblem { get; private set; }
    public bool ImporterAvailable => Importer is not null;
    public int MaxMegabytes => configuration.GetValue("Imports:MaxUploadMegabytes", 50);

    private IRegistryFileImporter? Importer => services.GetService<IRegistryFileImporter>();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Importer is not { } importer) { Problem = "数据导入服务尚未启用。"; return Page(); }
        if (Upload is null || Upload.Length == 0) { Problem = "请选择要导入的文件。"; return Page(); }
        if (Upload.Length > MaxMegabytes * 1024L * 1024) { Problem = "文件超过大小上限。"; return Page(); }
        if (Charset is { Length: > 0 } c && !Charsets.Contains(c, StringComparer.OrdinalIgnoreCase)) { Problem = "不支持的字符集。"; return Page(); }
        FileName = Path.GetFileName(Upload.FileName);
        await using var stream = Upload.OpenReadStream();
        try
        {
            Report = await importer.RunAsync(Kind, stream, string.IsNullOrEmpty(Charset) ? null : Charset, AllOrNothing, FileName, ct);
        }
        catch (UploadFileProblem problem)
        {
            FileProblem = problem.Message;
        }
        return Page();
    }

    public static string KindLabel(UploadKind kind) => kind switch
    {
        UploadKind.Departments => "科室",
        UploadKind.Staff => "医务人员",
        UploadKind.Patients => "患者",
        UploadKind.Encounters => "就诊记录",
        _ => "FHIR 资源包",
    };
}
