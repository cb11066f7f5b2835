using System.Net.Http.Json;
using System.Text.Json;

namespace TrustBridge.Web.Tests.Demo;

/// <summary>The demo hospital comes with a completed quarterly trust survey, so the trust pages have something to show.</summary>
public partial class DemoHospitalTests
{
    [Fact]
    public async Task The_last_complete_quarter_has_a_completed_trust_wave_with_flags_and_a_plan()
    {
        var admin = await app.AdminClientAsync();
        var waves = await admin.GetFromJsonAsync<JsonElement>("/api/surveys/waves");
        var wave = waves.EnumerateArray().Single();
        wave.GetProperty("instrument").GetString().ShouldBe("trust-10");
        var from = wave.GetProperty("periodFrom").GetString()!;
        var to = wave.GetProperty("periodTo").GetString()!;
        (DateOnly.Parse(to).DayNumber - DateOnly.Parse(from).DayNumber).ShouldBeInRange(89, 91);
        var byStatus = wave.GetProperty("invitationsByStatus");
        var answered = byStatus.GetProperty("answered").GetInt32();
        var invited = answered + byStatus.GetProperty("sent").GetInt32();
        ((double)answered / invited).ShouldBeInRange(0.35, 0.55);

        var report = await admin.GetFromJsonAsync<JsonElement>($"/api/trust/report?instrument=trust-10&from={from}&to={to}");
        report.GetProperty("hospital").GetProperty("n").GetInt32().ShouldBe(answered);
        report.GetProperty("hospital").GetProperty("alpha").GetDouble().ShouldBeGreaterThan(0.7);
        var emergency = report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "JZK");
        emergency.GetProperty("flag").GetString()!.ShouldStartWith("low-");

        var plans = await admin.GetFromJsonAsync<JsonElement>("/api/improvement-plans");
        plans.EnumerateArray().Select(p => p.GetProperty("departmentCode").GetString())
            .ShouldBe(report.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("flag").GetString() == "low-alarm")
                .Select(u => u.GetProperty("code").GetString()), ignoreOrder: true);
    }
}
