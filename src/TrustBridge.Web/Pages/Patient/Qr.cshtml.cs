using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Patient;

/// <summary>
/// The outpatient satisfaction survey from a department's QR poster (/q/{departmentCode}), anonymous and without an
/// invitation. Nothing is kept on the server until the submit: the answers of the other steps ride along as hidden
/// fields. The submit is rate limited per device (QrAnswerLimits).
/// </summary>
public sealed class QrModel(SubmitQrResponse qr, HospitalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string DepartmentCode { get; set; } = "";

    public SurveyStepForm? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (department, instrument) = await OpenAsync(ct);
        if (department is null || instrument is null) return NotFoundPage();
        QrAnswerLimits.EnsureDeviceCookie(HttpContext);
        Form = NewForm(department, instrument, 0, [], []);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int step, string? move, CancellationToken ct)
    {
        var (department, instrument) = await OpenAsync(ct);
        if (department is null || instrument is null) return NotFoundPage();
        var steps = SurveySteps.Split(instrument);
        step = Math.Clamp(step, 0, steps.Count - 1);
        var answers = SurveyStepForm.Read(Request.Form, instrument.Items);
        var errors = SurveyStepForm.Check(instrument, answers);
        if (errors.Count > 0) return Invalid(department, instrument, step, answers, errors);
        Form = NewForm(department, instrument, Math.Clamp(move == "back" ? step - 1 : step + 1, 0, steps.Count - 1), answers, errors);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        var (department, instrument) = await OpenAsync(ct);
        if (department is null || instrument is null) return NotFoundPage();
        var answers = SurveyStepForm.Read(Request.Form, instrument.Items);
        var (outcome, _, errors) = await qr.RunAsync(DepartmentCode, answers.ToDictionary(kv => kv.Key, kv => (string?)kv.Value), ct);
        return outcome switch
        {
            QrOutcome.Stored => Redirect("/Patient/Thanks"),
            QrOutcome.Invalid => Invalid(department, instrument, SurveySteps.Split(instrument).Count - 1, answers, SurveyStepForm.Messages(instrument, errors)),
            _ => NotFoundPage(),
        };
    }

    private async Task<(Department?, Instrument?)> OpenAsync(CancellationToken ct)
    {
        var department = await qr.DepartmentAsync(DepartmentCode, ct);
        return department is null ? (null, null) : (department, await qr.InstrumentAsync(ct));
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private PageResult Invalid(Department department, Instrument instrument, int step, Dictionary<string, string> answers, Dictionary<string, string> errors)
    {
        Form = NewForm(department, instrument, step, answers, errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private SurveyStepForm NewForm(Department department, Instrument instrument, int step, Dictionary<string, string> answers, Dictionary<string, string> errors) => new()
    {
        Instrument = instrument, Steps = SurveySteps.Split(instrument), Step = step, Answers = answers, Errors = errors,
        DepartmentName = department.Name, VisitDate = clock.Today, CarryOtherAnswers = true,
    };
}
