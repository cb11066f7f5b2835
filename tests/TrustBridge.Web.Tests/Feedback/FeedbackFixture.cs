using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Feedback;

/// <summary>Three departments (F1 心内科, F2 消化科, F3 急诊科), a doctor in each, one on-duty alert recipient per desk.</summary>
public class FeedbackFixture : TrustBridgeFactory
{
    public const string DutyPhone = "13900001111";
    public const string SecurityPhone = "13900002222";

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
    [
        ("Feedback:OnDutyPatientRelations:0:Name", "值班医患办"), ("Feedback:OnDutyPatientRelations:0:Channel", "sms"), ("Feedback:OnDutyPatientRelations:0:Address", DutyPhone),
        ("Feedback:Security:0:Name", "保卫科值班"), ("Feedback:Security:0:Channel", "sms"), ("Feedback:Security:0:Address", SecurityPhone),
        ("Feedback:OfficeLead:0:Name", "医患办主任"), ("Feedback:OfficeLead:0:Channel", "email"), ("Feedback:OfficeLead:0:Address", "lead@hospital.test"),
        ("Feedback:IntakePerMinute", "1000"),
    ];

    public Task SeedAsync() => SeedOnceAsync(async () =>
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        foreach (var (code, name, doctor) in new[] { ("F1", "心内科", "D1"), ("F2", "消化科", "D2"), ("F3", "急诊科", "D3") })
        {
            var d = db.Departments.Add(new Department { Code = code, Name = name }).Entity;
            await db.SaveChangesAsync();
            db.Staff.Add(new Staff { Code = doctor, Name = "医生" + doctor, DepartmentId = d.Id });
        }
        db.Patients.Add(new Patient { Mrn = "MRN-F1", Name = "王芳" });
        await db.SaveChangesAsync();
    });

    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var resp = await client.PostAsJsonAsync("/api/feedback", body);
        var text = await resp.Content.ReadAsStringAsync();
        if ((int)resp.StatusCode != 201) throw new InvalidOperationException($"{(int)resp.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
