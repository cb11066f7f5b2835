using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Patient;

/// <summary>
/// The survey behind an invitation link (/s/{token}): one step per page, plain form posts, answers saved as a draft at
/// every step so that the link resumes where the patient stopped; the last step submits through SubmitSurveyResponse.
/// </summary>
public sealed class SurveyModel(OpenSurveyLink open, SurveyDrafts drafts, SubmitSurveyResponse submit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    public LinkState State { get; private set; }
    public SurveyStepForm? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? step, CancellationToken ct)
    {
        var link = await open.RunAsync(Token, ct);
        if (link.State != LinkState.Open) return ShowState(link.State);
        var steps = SurveySteps.Split(link.Instrument!);
        var (answers, resume) = await drafts.LoadAsync(link.InvitationId, link.Instrument!, ct);
        resume = Math.Clamp(resume, 0, steps.Count - 1);
        // Going back to an answered step is fine; jumping past the first unanswered one is not.
        var show = step is { } s && s >= 0 && s <= resume ? s : resume;
        Form = NewForm(link, steps, show, answers, []);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int step, string? move, CancellationToken ct)
    {
        var (link, steps, answers, errors, resume) = await TakeStepAsync(step, ct);
        if (link is null) return Redirect(Here);
        step = Math.Clamp(step, 0, steps.Count - 1);
        if (errors.Count > 0) return Invalid(link, steps, step, answers, errors);
        var next = Math.Clamp(move == "back" ? step - 1 : step + 1, 0, steps.Count - 1);
        await drafts.SaveAsync(link.InvitationId, link.Instrument!, answers, Math.Max(resume, move == "back" ? step : next), ct);
        return Redirect($"{Here}?step={next}");
    }

    public async Task<IActionResult> OnPostSubmitAsync(int step, CancellationToken ct)
    {
        var (link, steps, answers, errors, _) = await TakeStepAsync(step, ct);
        if (link is null) return Redirect(Here);
        var last = steps.Count - 1;
        if (errors.Count > 0) return Invalid(link, steps, last, answers, errors);
        await drafts.SaveAsync(link.InvitationId, link.Instrument!, answers, last, ct);
        var (outcome, _, submitErrors) = await submit.RunAsync(new ResponseInput(Token, answers.ToDictionary(kv => kv.Key, kv => (string?)kv.Value)), ResponseSources.Invitation, ct);
        switch (outcome)
        {
            case SubmitOutcome.Stored:
                await drafts.DeleteAsync(link.InvitationId, ct);
                return Redirect("/Patient/Thanks");
            case SubmitOutcome.Invalid:
                return Invalid(link, steps, last, answers, SurveyStepForm.Messages(link.Instrument!, submitErrors));
            default:
                return Redirect(Here); // answered in another tab, expired or opted out meanwhile: the link says which
        }
    }

    private string Here => "/s/" + Uri.EscapeDataString(Token);

    /// <summary>Merges the posted step into the saved draft and checks it.</summary>
    private async Task<(SurveyLink? Link, IReadOnlyList<SurveyStep> Steps, Dictionary<string, string> Answers, Dictionary<string, string> Errors, int Resume)> TakeStepAsync(int step, CancellationToken ct)
    {
        var link = await open.RunAsync(Token, ct);
        if (link.State != LinkState.Open) return (null, [], [], [], 0);
        var steps = SurveySteps.Split(link.Instrument!);
        var current = steps[Math.Clamp(step, 0, steps.Count - 1)];
        var (answers, resume) = await drafts.LoadAsync(link.InvitationId, link.Instrument!, ct);
        foreach (var item in current.Items) answers.Remove(item.Code);
        var posted = SurveyStepForm.Read(Request.Form, current.Items);
        foreach (var (code, value) in posted) answers[code] = value;
        return (link, steps, answers, SurveyStepForm.Check(link.Instrument!, posted), resume);
    }

    private PageResult Invalid(SurveyLink link, IReadOnlyList<SurveyStep> steps, int step, Dictionary<string, string> answers, Dictionary<string, string> errors)
    {
        Form = NewForm(link, steps, step, answers, errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private SurveyStepForm NewForm(SurveyLink link, IReadOnlyList<SurveyStep> steps, int step, Dictionary<string, string> answers, Dictionary<string, string> errors) => new()
    {
        Instrument = link.Instrument!, Steps = steps, Step = step, Answers = answers, Errors = errors,
        DepartmentName = link.DepartmentName!, VisitDate = link.EncounterDate, OptOutHref = Here + "/optout",
    };

    private PageResult ShowState(LinkState state)
    {
        State = state;
        Response.StatusCode = state switch
        {
            LinkState.Unknown => StatusCodes.Status404NotFound,
            LinkState.Expired or LinkState.OptedOut => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
