using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Features.Disputes;

namespace TrustBridge.Web.Pages.Staff.Disputes;

/// <summary>
/// One dispute with every section (parties, duties, seals, autopsy, routes and clocks, appraisal, compensation, payments,
/// accountability, closing) and its timeline; the office changes it through the forms (each posts an anti-forgery token).
/// </summary>
public sealed class DisputeModel(DisputeReads reads, DisputeAccess access, DisputeWork work) : PageModel
{
    public DisputeDetail? Detail { get; private set; }
    public DisputeGlimpse? Glimpse { get; private set; }
    public DisputeViewer? Viewer { get; private set; }
    public string? ErrorField { get; private set; }
    public string? ErrorMessage { get; private set; }
    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Viewer = await access.ViewerAsync(User, ct);
        var d = await reads.GetAsync(id, Viewer, ct);
        Detail = d as DisputeDetail;
        Glimpse = d as DisputeGlimpse;
        return d is not null;
    }

    public Task<IActionResult> OnPostRouteAsync(int id, [FromForm] RouteInput input, CancellationToken ct) => Do(id, () => work.AddRouteAsync(id, input, Actor, ct), "已记录解决途径", ct);
    public Task<IActionResult> OnPostEndRouteAsync(int id, [FromForm] RouteEndInput input, CancellationToken ct) => Do(id, () => work.EndRouteAsync(id, input, Actor, ct), "途径已结束", ct);
    public Task<IActionResult> OnPostExtendAsync(int id, [FromForm] RouteEndInput input, CancellationToken ct) => Do(id, () => work.ExtendRouteAsync(id, input, Actor, ct), "调解期限已延长", ct);
    public Task<IActionResult> OnPostAppraisalAsync(int id, int? appraisalId, [FromForm] AppraisalInput input, CancellationToken ct) =>
        Do(id, () => work.AddAppraisalAsync(id, appraisalId, input, Actor, ct), "已记录鉴定", ct);
    public Task<IActionResult> OnPostPaymentAsync(int id, [FromForm] PaymentInput input, CancellationToken ct) => Do(id, () => work.AddPaymentAsync(id, input, Actor, ct), "已记录支付", ct);
    public Task<IActionResult> OnPostSealAsync(int id, [FromForm] SealInput input, CancellationToken ct) => Do(id, () => work.AddSealAsync(id, input, Actor, ct), "已记录封存", ct);
    public Task<IActionResult> OnPostUnsealAsync(int id, int sealId, [FromForm] UnsealInput input, CancellationToken ct) => Do(id, () => work.UnsealAsync(id, sealId, input, Actor, ct), "已启封", ct);
    public Task<IActionResult> OnPostDutyAsync(int id, [FromForm] DutyInput input, CancellationToken ct) => Do(id, () => work.AddDutyAsync(id, input, Actor, ct), "已记录告知", ct);
    public Task<IActionResult> OnPostAutopsyAsync(int id, [FromForm] AutopsyInput input, CancellationToken ct) => Do(id, () => work.AutopsyAsync(id, input, Actor, ct), "已记录尸检信息", ct);
    public Task<IActionResult> OnPostMajorAsync(int id, [FromForm] MajorReportInput input, CancellationToken ct) => Do(id, () => work.ReportMajorAsync(id, input, Actor, ct), "已记录上报", ct);
    public Task<IActionResult> OnPostAccountabilityAsync(int id, [FromForm] AccountabilityInput input, CancellationToken ct) =>
        Do(id, () => work.AddAccountabilityAsync(id, input, Actor, ct), "已记录责任追究", ct);
    public Task<IActionResult> OnPostNoteAsync(int id, [FromForm] NoteInput input, CancellationToken ct) => Do(id, () => work.NoteAsync(id, input.Text, Actor, ct), "已添加备注", ct);
    public Task<IActionResult> OnPostCloseAsync(int id, [FromForm] CloseInput input, CancellationToken ct) => Do(id, () => work.CloseAsync(id, input, Actor, ct), "纠纷已结案", ct);

    /// <summary>The twelve items as one form: an empty pair of amounts leaves the item out.</summary>
    public Task<IActionResult> OnPostCompensationAsync(int id, [FromForm] string[] item, [FromForm] string?[] claimed, [FromForm] string?[] agreed, CancellationToken ct)
    {
        var lines = new List<CompensationLineInput>();
        for (var i = 0; i < item.Length; i++)
        {
            var c = i < claimed.Length ? claimed[i] : null;
            var a = i < agreed.Length ? agreed[i] : null;
            if (string.IsNullOrWhiteSpace(c) && string.IsNullOrWhiteSpace(a)) continue;
            if (!Parse(c, out var cv) || !Parse(a, out var av))
            {
                ErrorField = $"lines[{lines.Count}]";
                ErrorMessage = "金额须为数字（元，最多两位小数）。";
                return Reload(id, ct);
            }
            lines.Add(new CompensationLineInput(item[i], cv, av));
        }
        return Do(id, () => work.SetCompensationAsync(id, new CompensationInput([.. lines]), Actor, ct), "已保存赔偿明细", ct);
    }

    private static bool Parse(string? s, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(s)) return true;
        if (!decimal.TryParse(s.Replace(",", ""), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v)) return false;
        value = v;
        return true;
    }

    private string Actor => DisputesApi.Actor(User);

    private async Task<IActionResult> Do(int id, Func<Task<DisputeResult>> step, string saved, CancellationToken ct)
    {
        Viewer = await access.ViewerAsync(User, ct);
        if (!Viewer.Handles) return Forbid();
        var r = await step();
        if (r.Outcome == DisputeOutcome.NotFound) return NotFound();
        if (r.Outcome == DisputeOutcome.Done)
        {
            Saved = saved;
            return RedirectToPage(new { id });
        }
        (ErrorField, ErrorMessage) = (r.Field, r.Message);
        return await Reload(id, ct);
    }

    private async Task<IActionResult> Reload(int id, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
