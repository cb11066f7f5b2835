using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Feedback.Symposia;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Pages.Staff.Feedback.Symposia;

/// <summary>
/// New or existing symposium. Participant rows work without JavaScript: a few blank rows are always shown, "add rows"
/// posts the form back with more, blank rows are ignored on save, and errors are shown on the row they belong to.
/// </summary>
[Authorize(Policy = Policies.SymposiaWrite)]
public sealed partial class EditModel(SaveSymposium save, GetSymposium get, TrustDbContext db, HospitalClock clock) : PageModel
{
    public const int BlankRows = 3;
    public const int MaxRows = SaveSymposium.MaxParticipants;

    public sealed class ParticipantRow
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; }
        public string? StaffCode { get; set; }
        public string? Mobile { get; set; }
        public string? MobileMasked { get; set; }
        public bool Remove { get; set; }
        public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(StaffCode) && string.IsNullOrWhiteSpace(Mobile);
    }

    public sealed class SymposiumForm
    {
        public DateOnly? HeldOn { get; set; }
        public string? Title { get; set; }
        public string? Location { get; set; }
        public string? DepartmentCode { get; set; }
        public string? Minutes { get; set; }
        public List<ParticipantRow> Participants { get; set; } = [];
    }

    [BindProperty] public SymposiumForm Form { get; set; } = new();
    public int? SymposiumId { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    /// <summary>Errors of participant rows, by the row's position in the form.</summary>
    public Dictionary<int, Dictionary<string, string[]>> RowErrors { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await get.RunAsync(existing, ct) is not { } s) return NotFound();
            SymposiumId = existing;
            Form = new SymposiumForm
            {
                HeldOn = s.HeldOn, Title = s.Title, Location = s.Location, DepartmentCode = s.DepartmentCode, Minutes = s.Minutes,
                Participants = [.. s.Participants.Select(p => new ParticipantRow { Id = p.Id, Name = p.Name, Role = p.Role, StaffCode = p.StaffCode, MobileMasked = p.MobileMasked })],
            };
        }
        else Form.HeldOn = clock.Today;
        Pad(BlankRows);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>No JavaScript needed: posts back what was typed, with more blank rows.</summary>
    public async Task<IActionResult> OnPostAddRowsAsync(int? id, CancellationToken ct)
    {
        SymposiumId = id;
        ModelState.Clear();
        for (var i = 0; i < BlankRows && Form.Participants.Count < MaxRows; i++) Form.Participants.Add(new ParticipantRow());
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        SymposiumId = id;
        if (ModelState.GetFieldValidationState("Form.HeldOn") == ModelValidationState.Invalid)
            Errors["heldOn"] = ["Give the date the symposium is held."];
        else
        {
            var rows = Form.Participants.Select((r, i) => (Row: r, Index: i)).Where(x => !x.Row.IsBlank && !x.Row.Remove).ToList();
            var input = new SymposiumInput(Form.HeldOn, Form.Title, Form.Location, Form.DepartmentCode, Form.Minutes,
                [.. rows.Select(x => new ParticipantInput(x.Row.Id, x.Row.Name, x.Row.Role, x.Row.StaffCode, x.Row.Mobile))]);
            var result = await save.RunAsync(id, input, User.Identity?.Name, ct);
            if (result.Outcome == SymposiumOutcome.NotFound) return NotFound();
            if (result.Outcome == SymposiumOutcome.Done)
            {
                TempData["Flash"] = $"{(id is null ? "created" : "saved")}:{rows.Count}"; // the detail page says what was saved
                return Redirect($"/Staff/Feedback/Symposia/Detail/{result.Value}");
            }
            foreach (var (key, messages) in result.Errors ?? [])
            {
                if (RowKey().Match(key) is { Success: true } m && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var n && n < rows.Count)
                {
                    var at = rows[n].Index;
                    if (!RowErrors.TryGetValue(at, out var fields)) RowErrors[at] = fields = [];
                    fields[m.Groups[2].Value] = messages;
                }
                else Errors[key] = messages;
            }
        }
        ModelState.Clear();
        Pad(1);
        await LoadAsync(ct);
        return Page();
    }

    private void Pad(int blank)
    {
        var missing = Math.Min(blank - Form.Participants.Count(r => r.IsBlank), MaxRows - Form.Participants.Count);
        for (var i = 0; i < missing; i++) Form.Participants.Add(new ParticipantRow());
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Departments = (await db.Departments.AsNoTracking().Where(d => d.Active).OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
            .Select(d => (d.Code, d.Name)).ToList();

    [GeneratedRegex(@"^participants\[(\d+)\]\.(\w+)$")] private static partial Regex RowKey();
}
