using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Staff.Surveys.Waves;

/// <summary>The wave form: CreateSurveyWave validates, sizes and draws; its errors are shown next to their fields.</summary>
[Authorize(Policy = Policies.RegistryWrite)]
public sealed class CreateModel(CreateSurveyWave create, TrustDbContext db, HospitalClock clock) : PageModel
{
    public sealed class WaveForm
    {
        public string? Name { get; set; }
        public string? Instrument { get; set; } = ShippedInstruments.Trust10;
        public DateOnly? PeriodFrom { get; set; }
        public DateOnly? PeriodTo { get; set; }
        public List<string> DepartmentCodes { get; set; } = [];
        public double? Margin { get; set; } = 0.05;
        public double? ResponseRate { get; set; } = 0.4;
        public int? Seed { get; set; }
        public DateOnly? ContactDate { get; set; }
    }

    [BindProperty] public WaveForm Form { get; set; } = new();
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<(string Code, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<string> Instruments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        Form.PeriodFrom = monthStart.AddMonths(-1);
        Form.PeriodTo = monthStart.AddDays(-1);
        Form.ContactDate = today;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        // A value that did not read as a date or number is reported by its field, not silently replaced by a default.
        foreach (var (field, key) in new[] { ("PeriodFrom", "periodFrom"), ("PeriodTo", "periodFrom"), ("ContactDate", "contactDate"), ("Margin", "margin"), ("ResponseRate", "responseRate"), ("Seed", "seed") })
            if (ModelState.GetFieldValidationState($"Form.{field}") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                errors[key] = ["请填写有效的值。"];
        if (errors.Count == 0)
        {
            var (id, found) = await create.RunAsync(new WaveInput(Form.Name, Form.Instrument, Form.PeriodFrom, Form.PeriodTo, [.. Form.DepartmentCodes],
                Form.Margin, Form.ResponseRate, Form.Seed, Form.ContactDate), ct);
            if (id is { } created) return Redirect($"/Staff/Surveys/Waves/Detail/{created}");
            errors = found;
        }
        Errors = errors;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Departments = (await db.Departments.AsNoTracking().Where(d => d.Active && d.Kind == DepartmentKinds.Clinical).OrderBy(d => d.Code)
            .Select(d => new { d.Code, d.Name }).ToListAsync(ct)).Select(d => (d.Code, d.Name)).ToList();
        Instruments = await db.Instruments.AsNoTracking().Where(i => i.Status == InstrumentStatuses.Published).Select(i => i.Code).Distinct().OrderBy(c => c).ToListAsync(ct);
    }
}
