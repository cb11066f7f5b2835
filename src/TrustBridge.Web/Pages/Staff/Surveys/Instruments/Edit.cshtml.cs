using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Staff.Surveys.Instruments;

/// <summary>
/// The questionnaire builder: a plain form of rows. "Add item" and "remove" post the form and come back with one row
/// more or less, so it works without JavaScript; "save" goes through EditInstrument, which starts the next version
/// when the newest one is published. The preview shows the form's current rows in a phone frame.
/// </summary>
[Authorize(Policy = Policies.RegistryWrite)]
public sealed class EditModel(TrustDbContext db, EditInstrument edit) : PageModel
{
    public sealed class ItemRow
    {
        public string? Code { get; set; }
        public string? TextZh { get; set; }
        public string? TextEn { get; set; }
        public string Scale { get; set; } = ItemScales.Likert5;
        public bool Reverse { get; set; }
        public string? Dimension { get; set; }
        public int? Order { get; set; }
    }

    public sealed class InstrumentForm
    {
        public string? Code { get; set; }
        public string? TitleZh { get; set; }
        public string? TitleEn { get; set; }
        public string? IntroZh { get; set; }
        public string? IntroEn { get; set; }
        public List<ItemRow> Items { get; set; } = [];
    }

    [BindProperty] public InstrumentForm Form { get; set; } = new();
    public string? ExistingCode { get; private set; }
    public int? EditingVersion { get; private set; }
    public string? EditingStatus { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        ExistingCode = code;
        if (code is null)
        {
            Form.Items.Add(new ItemRow { Order = 1 });
            return Page();
        }
        var latest = await db.Instruments.AsNoTracking().Include(i => i.Items).Where(i => i.Code == code).OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
        if (latest is null) return NotFound();
        (EditingVersion, EditingStatus) = (latest.Version, latest.Status);
        Form = new InstrumentForm
        {
            Code = latest.Code, TitleZh = latest.TitleZh, TitleEn = latest.TitleEn, IntroZh = latest.IntroZh, IntroEn = latest.IntroEn,
            Items = latest.Items.OrderBy(i => i.Position).Select(i => new ItemRow
            {
                Code = i.Code, TextZh = i.TextZh, TextEn = i.TextEn, Scale = i.Scale, Reverse = i.Reverse, Dimension = i.Dimension, Order = i.Position,
            }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAddItemAsync(string? code, CancellationToken ct)
    {
        await KeepContextAsync(code, ct);
        Form.Items.Add(new ItemRow { Order = Form.Items.Count + 1, Dimension = Form.Items.LastOrDefault()?.Dimension });
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? code, int index, CancellationToken ct)
    {
        await KeepContextAsync(code, ct);
        if (index >= 0 && index < Form.Items.Count) Form.Items.RemoveAt(index);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? code, CancellationToken ct)
    {
        await KeepContextAsync(code, ct);
        var ordered = Ordered();
        var input = new InstrumentInput(code ?? Form.Code, Form.TitleZh, Form.TitleEn, Form.IntroZh, Form.IntroEn,
            ordered.Select(i => new ItemInput(i.Code, i.TextZh, i.TextEn, i.Scale, i.Reverse, i.Dimension)).ToArray());
        var (saved, errors) = await edit.SaveDraftAsync(input, ct);
        if (saved is null)
        {
            // Errors name rows by their position in the saved order, which is the order the form is shown in now.
            Form.Items = ordered;
            Errors = errors;
            return Page();
        }
        TempData["Saved"] = saved.Version;
        return Redirect($"/Staff/Surveys/Instruments/Detail/{Uri.EscapeDataString(saved.Code)}?version={saved.Version}");
    }

    /// <summary>Rows sorted by the order the office typed (rows without one keep their place at the end).</summary>
    public List<ItemRow> Ordered() =>
        Form.Items.Select((row, i) => (row, i)).OrderBy(x => x.row.Order ?? int.MaxValue).ThenBy(x => x.i).Select(x => x.row).ToList();

    public IReadOnlyList<ItemView> PreviewItems() =>
        Ordered().Where(r => !string.IsNullOrWhiteSpace(r.TextZh))
            .Select((r, i) => new ItemView(r.Code ?? "", i + 1, r.TextZh!, r.TextEn ?? "", r.Scale, r.Reverse, r.Dimension ?? "main")).ToList();

    private async Task KeepContextAsync(string? code, CancellationToken ct)
    {
        ExistingCode = code;
        if (code is null) return;
        var latest = await db.Instruments.AsNoTracking().Where(i => i.Code == code).OrderByDescending(i => i.Version)
            .Select(i => new { i.Version, i.Status }).FirstOrDefaultAsync(ct);
        (EditingVersion, EditingStatus) = (latest?.Version, latest?.Status);
    }
}
