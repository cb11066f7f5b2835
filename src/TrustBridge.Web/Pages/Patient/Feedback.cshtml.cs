using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Privacy;
using TrustBridge.Core.Text;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Pages.Patient;

/// <summary>
/// The public feedback form (/Patient/Feedback): phone first, works without JavaScript. A department poster opens it as
/// ?dept=CODE&amp;src=qr (channel qr); otherwise the channel is web. Posts are limited per address (feedback-intake).
/// </summary>
[EnableRateLimiting(IntakeLimit.Name)]
[RequestSizeLimit(FeedbackPatientFeature.MaxFormBytes)]
[FeedbackModel.TooLargeForm]
public sealed class FeedbackModel(TrustDbContext db, ReceiveFeedback receive) : PageModel
{
    public sealed record Choice(string Code, string Name, string? Group);

    [BindProperty(SupportsGet = true)] public string? Dept { get; set; }
    [BindProperty(SupportsGet = true)] public string? Src { get; set; }
    [BindProperty] public string Type { get; set; } = FeedbackTypes.Complaint;
    [BindProperty] public string? StaffCode { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public bool Anonymous { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Mobile { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    /// <summary>Field → Chinese message (a key of the translations).</summary>
    public Dictionary<string, string> Errors { get; } = [];
    public List<Choice> Departments { get; private set; } = [];
    /// <summary>The chosen department's staff, in pinyin order; empty until a department is chosen.</summary>
    public List<Choice> StaffChoices { get; private set; } = [];
    /// <summary>Every department's staff (Group: the department code), for the script that follows the department picker.</summary>
    public List<Choice> AllStaff { get; private set; } = [];
    public string Channel => Src == FeedbackChannels.Qr ? FeedbackChannels.Qr : FeedbackChannels.Web;

    public async Task OnGetAsync(string? error, CancellationToken ct)
    {
        if (error == "too-large") Errors["attachment"] = TooLarge;
        await LoadChoicesAsync(ct);
    }

    /// <summary>Without JavaScript: "list this department's staff" posts the form back with what was typed; nothing is saved.</summary>
    public async Task<IActionResult> OnPostStaffAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!FeedbackTypes.All.Contains(Type)) Errors["type"] = "请选择反馈类型。";
        if (string.IsNullOrWhiteSpace(Text)) Errors["content"] = "请写下您要反馈的内容。";
        else if (Text.Trim().Length > ReceiveFeedback.MaxContent) Errors["content"] = "内容不能超过 20,000 字。";
        if (!Anonymous)
        {
            if (string.IsNullOrWhiteSpace(Mobile)) Errors["mobile"] = "请填写手机号，或选择匿名提交。";
            else if (ChineseMobile.Normalize(Mobile) is null) Errors["mobile"] = "手机号不正确：请填写 11 位中国大陆手机号。";
            if (Name?.Trim().Length > 100) Errors["name"] = "姓名不能超过 100 个字。";
        }
        var files = Files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (files.Count > Attachments.MaxFiles) Errors["attachment"] = "最多上传 3 个附件。";
        else if (files.Any(f => f.Length > Attachments.MaxBytes)) Errors["attachment"] = "每个附件不能超过 5 MB。";
        if (Errors.Count > 0) return await InvalidAsync(ct);

        var attachments = new List<AttachmentInput>();
        foreach (var f in files)
        {
            using var buffer = new MemoryStream((int)f.Length);
            await f.CopyToAsync(buffer, ct);
            attachments.Add(new AttachmentInput(f.FileName, f.ContentType, buffer.ToArray()));
        }
        var input = new FeedbackInput(Type: Type, Content: Text, Channel: Channel,
            DepartmentCodes: string.IsNullOrWhiteSpace(Dept) ? null : [Dept], Anonymous: Anonymous,
            Name: Anonymous ? null : Name, Mobile: Anonymous ? null : Mobile, StaffCode: string.IsNullOrWhiteSpace(StaffCode) ? null : StaffCode);
        var (created, errors) = await receive.RunAsync(input, Submitter.Public, attachments, ct);
        if (created is not null) return Redirect($"/Patient/Feedback/Received/{created.TrackingCode}");
        foreach (var field in errors.Keys) Errors[FieldOf(field)] = MessageFor(field);
        return await InvalidAsync(ct);
    }

    public const string TooLarge = "附件太大：所有附件合计不能超过 15 MB，请压缩或减少附件后重新提交。";

    private static string FieldOf(string field) => field switch
    {
        "departmentCodes" => "dept",
        "staffCode" => "staffCode",
        "content" or "mobile" or "name" or "type" or "attachment" => field,
        _ => "form",
    };

    private static string MessageFor(string field) => field switch
    {
        "content" => "请写下您要反馈的内容（不超过 20,000 字）。",
        "mobile" => "手机号不正确：请填写 11 位中国大陆手机号。",
        "name" => "姓名不能超过 100 个字。",
        "type" => "请选择反馈类型。",
        "departmentCodes" => "请从列表中选择科室。",
        "staffCode" => "请从列表中选择医务人员。",
        "attachment" => "附件只能是 JPG、PNG 或 PDF 文件，每个不超过 5 MB，最多 3 个。",
        _ => "提交未成功，请检查后重试。",
    };

    private async Task<PageResult> InvalidAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Departments = await db.Departments.AsNoTracking().Where(d => d.Active).OrderBy(d => d.Code)
            .Select(d => new Choice(d.Code, d.Name, null)).ToListAsync(ct);
        if (Dept is not null && Departments.All(d => d.Code != Dept)) Dept = null;
        // No department, no doctors (issue 8, defect 17): the list is the chosen department's, in pinyin order. Without
        // JavaScript the patient lists them with the button beside the picker; with it, AllStaff fills the list in place.
        var staff = await db.Staff.AsNoTracking().Where(s => s.Active && s.Department != null && s.Department.Active)
            .Select(s => new { s.Code, s.Name, s.Title, Dept = s.Department!.Code }).ToListAsync(ct);
        AllStaff = [.. staff.OrderByPinyin(s => s.Name).Select(s => new Choice(s.Code, s.Title == null ? s.Name : s.Name + " " + s.Title, s.Dept))];
        StaffChoices = Dept is null ? [] : [.. AllStaff.Where(s => s.Group == Dept)];
    }

    /// <summary>
    /// A body over the limit is turned away before anything reads it (the anti-forgery check would): back to the form
    /// with a clear message instead of a failed read.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TooLargeFormAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
    {
        public int Order => -1000;

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var request = context.HttpContext.Request;
            if (!HttpMethods.IsPost(request.Method) || request.ContentLength is not { } length || length <= FeedbackPatientFeature.MaxFormBytes) return;
            var query = new Dictionary<string, string?> { ["error"] = "too-large" };
            if (request.Query["dept"] is { Count: > 0 } dept) query["dept"] = dept[0];
            if (request.Query["src"] is { Count: > 0 } src) query["src"] = src[0];
            context.HttpContext.Response.Headers.Connection = "close"; // the rest of the body is not read
            context.Result = new RedirectResult(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Patient/Feedback", query));
        }
    }
}
