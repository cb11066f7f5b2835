using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Assessment;

/// <summary>
/// Two departments: A1 内分泌科 (6 nurses, none with credits) and A2 肾内科 (5 staff, each on track for 2026), and nurse
/// N1 of A1 with a login linked to her staff record.
/// </summary>
public class AssessmentFixture : TrustBridgeFactory
{
    public const string NurseEmail = "nurse.n1@test.local";

    public Task SeedAsync() => SeedOnceAsync(async () =>
    {
        using (var scope = Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var a1 = db.Departments.Add(new Department { Code = "A1", Name = "内分泌科" }).Entity;
            var a2 = db.Departments.Add(new Department { Code = "A2", Name = "肾内科" }).Entity;
            await db.SaveChangesAsync();
            for (var i = 1; i <= 6; i++) db.Staff.Add(new Staff { Code = $"N{i}", Name = $"护士{i}", Title = "护师", DepartmentId = a1.Id });
            var onTrack = new List<Staff>();
            for (var i = 1; i <= 5; i++) onTrack.Add(db.Staff.Add(new Staff { Code = $"K{i}", Name = $"医生{i}", DepartmentId = a2.Id }).Entity);
            await db.SaveChangesAsync();
            foreach (var s in onTrack)
            {
                db.CmeCredits.Add(Credit(s.Id, "I", 10m));
                db.CmeCredits.Add(Credit(s.Id, "II", 15m));
            }
            await db.SaveChangesAsync();
        }
        var admin = await AdminClientAsync();
        var resp = await admin.PostAsJsonAsync("/api/users", new { email = NurseEmail, displayName = "护士1", password = UserPassword, roles = new[] { Roles.Clinician }, departmentCodes = new[] { "A1" }, staffCode = "N1" });
        resp.EnsureSuccessStatusCode();
    });

    private static CmeCreditRecord Credit(int staffId, string cls, decimal credits) => new()
    {
        StaffId = staffId, Year = 2026, EarnedOn = new DateOnly(2026, 5, 1), Title = "继续教育项目", Level = cls == "I" ? "national" : "hospital", CreditClass = cls,
        Role = "learner", Hours = 3, Credits = credits, CreatedAt = DateTime.UtcNow,
    };

    public DateOnly Today => Services.GetRequiredService<HospitalClock>().Today;

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage resp, int expected)
    {
        var text = await resp.Content.ReadAsStringAsync();
        if ((int)resp.StatusCode != expected) throw new InvalidOperationException($"expected {expected}, got {(int)resp.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The field a 400 problem names (its errors' only key).</summary>
    public static async Task<string> ProblemFieldAsync(HttpResponseMessage resp)
    {
        var p = await JsonAsync(resp, 400);
        return p.GetProperty("errors").EnumerateObject().Single().Name;
    }

    public static object TrainingWeights(string effectiveFrom) => new
    {
        effectiveFrom, note = "培训与答复并重",
        indicators = new object[]
        {
            new { code = "trust-index", weight = 30m, target = 80.0, floor = 60.0 },
            new { code = "on-time-reply", weight = 30m, target = 0.95, floor = 0.7 },
            new { code = "training", weight = 40m, target = 0.9, floor = 0.5 },
        },
    };
}
