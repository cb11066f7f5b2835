using System.Net.Http.Json;
using System.Text.Json;
using TrustBridge.Web.Tests.Feedback;

namespace TrustBridge.Web.Tests.Disputes;

/// <summary>The feedback fixture's departments (F1, F2, F3), doctors (D1–D3) and patient MRN-F1, with the major-dispute recipients configured.</summary>
public class DisputeFixture : FeedbackFixture
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
    [
        .. base.ExtraSettings(),
        ("Disputes:OfficeLead:0:Name", "医患办主任"), ("Disputes:OfficeLead:0:Channel", "email"), ("Disputes:OfficeLead:0:Address", "lead@hospital.test"),
        ("Disputes:Executive:0:Name", "分管副院长"), ("Disputes:Executive:0:Channel", "sms"), ("Disputes:Executive:0:Address", "13900003333"),
    ];

    public System.Collections.Concurrent.ConcurrentDictionary<string, int> Ids { get; } = new();
    private readonly SemaphoreSlim _once = new(1, 1);
    private readonly HashSet<string> _done = [];

    /// <summary>Runs a step once per fixture, whichever test asks first.</summary>
    public async Task OnceAsync(string key, Func<Task> step)
    {
        await _once.WaitAsync();
        try { if (_done.Add(key)) await step(); }
        finally { _once.Release(); }
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage resp, int expected)
    {
        var text = await resp.Content.ReadAsStringAsync();
        if ((int)resp.StatusCode != expected) throw new InvalidOperationException($"expected {expected}, got {(int)resp.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> RegisterAsync(HttpClient client, object body) => await JsonAsync(await client.PostAsJsonAsync("/api/disputes", body), 201);

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body) => await JsonAsync(await client.PostAsJsonAsync(path, body), 200);

    /// <summary>The field a problem answer names (errors' only key).</summary>
    public static async Task<string> ProblemFieldAsync(HttpResponseMessage resp, int expected)
    {
        var p = await JsonAsync(resp, expected);
        return p.GetProperty("errors").EnumerateObject().Single().Name;
    }

    public static object Basic(string department = "F1", string? staff = "D1", decimal amount = 50000m) => new
    {
        patientMrn = "MRN-F1", departmentCodes = new[] { department }, staffCodes = staff is null ? Array.Empty<string>() : [staff],
        claim = "术后感染，要求赔偿", claimedAmount = amount, arisenOn = "2026-09-20", severity = "moderate", reportedBy = "患者之子",
        negotiationNotes = "家属底线约 8 万元",
    };
}
