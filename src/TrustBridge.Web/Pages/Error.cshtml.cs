using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Pages.Account;

namespace TrustBridge.Web.Pages;

/// <summary>
/// The friendly error page (issue 8, defect 4): what went wrong in plain words, in the UI's language, and a way back
/// (home, the page one came from). Staff see it inside the staff layout; anyone not signed in (a patient) gets the
/// patient layout without staff navigation. The status code of the original answer is kept.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public bool Staff { get; private set; }
    public string? BackHref { get; private set; }
    public string TraceId => HttpContext.TraceIdentifier;

    public void OnGet(int? code) => Prepare(code);

    /// <summary>A failed form post is re-executed here as a post.</summary>
    public void OnPost(int? code) => Prepare(code);

    private void Prepare(int? code)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Code = code is >= 400 and <= 599 ? code.Value
            : original?.OriginalStatusCode is >= 400 and <= 599 ? original.OriginalStatusCode
            : HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        Staff = User.Identity?.IsAuthenticated == true && User.IsInAnyRole();
        BackHref = SameSiteReferrer();
    }

    /// <summary>The page one came from, only when it is on this site and is not this page.</summary>
    private string? SameSiteReferrer()
    {
        if (!Uri.TryCreate(Request.Headers.Referer.ToString(), UriKind.Absolute, out var referrer)) return null;
        if (!string.Equals(referrer.Authority, Request.Host.Value, StringComparison.OrdinalIgnoreCase)) return null;
        if (referrer.AbsolutePath.StartsWith("/Error", StringComparison.OrdinalIgnoreCase)) return null;
        return referrer.PathAndQuery;
    }

    public (string Icon, string Title, string Text) Message => Code switch
    {
        StatusCodes.Status404NotFound => ("bi-signpost-split", "找不到此页面",
            Staff ? "您要打开的页面或记录不存在，可能已被删除、合并，或链接有误。" : "这个链接可能已失效或输入有误。请从医院的公开信息页或科室的二维码重新进入。"),
        StatusCodes.Status403Forbidden => ("bi-shield-lock", "无权访问",
            Staff ? "您的账号没有查看此页面或执行此操作的权限。如需访问，请联系医患办或系统管理员。" : "此页面只对医院工作人员开放。"),
        StatusCodes.Status400BadRequest => ("bi-arrow-counterclockwise", "请求无法处理",
            "页面可能已过期，或提交的内容不完整。请返回上一页，刷新后再试一次。"),
        StatusCodes.Status405MethodNotAllowed => ("bi-arrow-counterclockwise", "请求无法处理",
            "页面可能已过期，或提交的内容不完整。请返回上一页，刷新后再试一次。"),
        StatusCodes.Status429TooManyRequests => ("bi-hourglass-split", "操作太频繁",
            "请稍等几分钟再试。"),
        >= 500 => ("bi-exclamation-octagon", "系统出错了",
            Staff ? "很抱歉，处理您的请求时出现了问题，您的操作可能没有完成。请稍后再试；如果问题持续，请把下面的错误编号告诉信息科。" : "很抱歉，系统暂时出现问题。请稍后再试。"),
        _ => ("bi-exclamation-circle", "请求未能完成", "请返回上一页再试一次。"),
    };
}
