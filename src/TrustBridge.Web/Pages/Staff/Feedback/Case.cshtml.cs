using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Pages.Staff.Feedback;

/// <summary>
/// One case: content with the triage cues, complainant (when the viewer may see it), deadlines, attachments, history,
/// and a form for every workflow step the viewer may take. Each form posts here (PRG); the steps are those of the API.
/// </summary>
public sealed class CaseModel(GetCase get, CaseWorkflow flow, FeedbackAccess access, TrustDbContext db, CaseAssignees assignees) : PageModel
{
    public CaseDetail Case { get; private set; } = null!;
    public List<(string Code, string Name)> Departments { get; private set; } = [];
    /// <summary>Logins a case can be handed to (the office, department heads, administrators), by department.</summary>
    public List<CaseAssignee> Assignees { get; private set; } = [];
    /// <summary>Departments with a department-head login: assigning to them without a person reaches the head.</summary>
    public HashSet<string> HeadedDepartments { get; private set; } = [];
    /// <summary>The step that failed and why (shown next to its form).</summary>
    public string? ErrorAct { get; private set; }
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    public CaseFormValues Posted { get; private set; } = new();

    public static readonly string[] Acts =
        ["acknowledge", "alert-acknowledge", "start", "assign", "transfer", "note", "draft", "send", "close", "reopen", "escalate", "merge", "reclassify", "link", "second-look-confirm", "second-look-dismiss"];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetAttachmentAsync(int id, int attachmentId, CancellationToken ct) =>
        await get.AttachmentAsync(id, attachmentId, await access.ViewerAsync(User, ct), ct) is { } a ? File(a.Content, a.ContentType, a.FileName) : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, [FromForm] CaseFormValues form, string? returnUrl, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        if (form.Act is not { } act || !Acts.Contains(act)) return BadRequest();
        var a = new CaseAction(form.Text, Blank(form.DepartmentCode), Blank(form.OwnerEmail), form.IntoCaseId, Blank(form.Type), Blank(form.Category),
            Blank(form.RiskLevel), Blank(form.PatientMrn), form.EncounterId);
        var result = act switch
        {
            "acknowledge" => await flow.AcknowledgeAsync(id, viewer, ct),
            "alert-acknowledge" => await flow.AcknowledgeAlertAsync(id, viewer, ct),
            "start" => await flow.StartAsync(id, viewer, ct),
            "assign" => await flow.AssignAsync(id, a, viewer, ct),
            "transfer" => await flow.TransferAsync(id, a, viewer, ct),
            "note" => await flow.NoteAsync(id, a, viewer, ct),
            "draft" => await flow.DraftReplyAsync(id, a, viewer, ct),
            "send" => await flow.SendReplyAsync(id, a, viewer, ct),
            "close" => await flow.CloseAsync(id, a with { Text = Blank(form.Text) }, viewer, ct),
            "reopen" => await flow.ReopenAsync(id, a with { Text = Blank(form.Text) }, viewer, ct),
            "escalate" => await flow.EscalateAsync(id, a with { Text = Blank(form.Text) }, viewer, ct),
            "merge" => await flow.MergeAsync(id, a with { Text = Blank(form.Text) }, viewer, ct),
            "reclassify" => await flow.ReclassifyAsync(id, a with { Text = Blank(form.Text) }, viewer, ct),
            "second-look-confirm" => await flow.ConfirmSecondLookAsync(id, a with { Text = Blank(form.Text) }, viewer, ct),
            "second-look-dismiss" => await flow.DismissSecondLookAsync(id, a with { Text = Blank(form.Text) }, viewer, ct),
            _ => await flow.LinkAsync(id, a, viewer, ct),
        };
        switch (result.Outcome)
        {
            case CaseOutcome.Done:
                return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : $"/Staff/Feedback/Case/{id}?done={act}");
            case CaseOutcome.NotFound:
                return NotFound();
            case CaseOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        ErrorAct = act;
        Error = result.Message;
        Done = null; // an error never shows next to the success of an earlier step
        Posted = form;
        Response.StatusCode = result.Outcome == CaseOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var c = await get.RunAsync(id, await access.ViewerAsync(User, ct), ct);
        if (c is null) return false;
        Case = c;
        if (c.MayChange)
        {
            Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct)).Select(d => (d.Code, d.Name)).ToList();
            Assignees = await assignees.ListAsync(ct: ct);
            HeadedDepartments = [.. Assignees.Where(a => a.IsHead && a.DepartmentCode is not null).Select(a => a.DepartmentCode!)];
        }
        return true;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The content, HTML-escaped, with the words that decided triage marked.</summary>
    public static IHtmlContent Highlight(string content, IEnumerable<string> cues)
    {
        var words = cues.Where(w => !string.IsNullOrEmpty(w)).Distinct().OrderByDescending(w => w.Length).ToList();
        var html = new HtmlContentBuilder();
        var i = 0;
        while (i < content.Length)
        {
            var (at, word) = words.Select(w => (At: content.IndexOf(w, i, StringComparison.Ordinal), Word: w)).Where(x => x.At >= 0)
                .OrderBy(x => x.At).ThenByDescending(x => x.Word.Length).FirstOrDefault();
            if (word is null) { html.Append(content[i..]); break; }
            html.Append(content[i..at]);
            html.AppendHtml("<mark class=\"triage-cue px-0\">").Append(word).AppendHtml("</mark>");
            i = at + word.Length;
        }
        return html;
    }
}

/// <summary>The fields of the case forms; which ones a step reads depends on the step.</summary>
public sealed class CaseFormValues
{
    public string? Act { get; set; }
    public string? Text { get; set; }
    public string? DepartmentCode { get; set; }
    public string? OwnerEmail { get; set; }
    public int? IntoCaseId { get; set; }
    public string? Type { get; set; }
    public string? Category { get; set; }
    public string? RiskLevel { get; set; }
    public string? PatientMrn { get; set; }
    public long? EncounterId { get; set; }
}
