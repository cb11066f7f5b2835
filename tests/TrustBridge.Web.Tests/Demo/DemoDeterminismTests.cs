using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Demo;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Tests.Demo;

/// <summary>Two fresh databases seeded with the same seed.</summary>
public sealed class TwoDemoHospitals : IAsyncLifetime
{
    public DemoHospitalFactory First { get; } = new();
    public DemoHospitalFactory Second { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)First).InitializeAsync();
        await ((IAsyncLifetime)Second).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)First).DisposeAsync();
        await ((IAsyncLifetime)Second).DisposeAsync();
    }
}

public class DemoDeterminismTests(TwoDemoHospitals hospitals) : IClassFixture<TwoDemoHospitals>
{
    private sealed record Snapshot(List<string> Departments, List<string> Staff, List<string> Patients, List<string> EncounterCounts, List<string> Encounters);

    private static Snapshot Take(DemoHospitalFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        return new Snapshot(
            db.Departments.OrderBy(d => d.Id).Select(d => d.Code + "|" + d.Name + "|" + d.Kind + "|" + (d.Parent == null ? "" : d.Parent.Code)).ToList(),
            db.Staff.OrderBy(s => s.Id).Select(s => s.Code + "|" + s.Name + "|" + s.Title + "|" + s.Department!.Code + "|" + s.LicenceNumber + "|" + s.Bio).ToList(),
            db.Patients.OrderBy(p => p.Id).Select(p => p.Mrn + "|" + p.Name + "|" + p.Gender + "|" + p.BirthDate + "|" + p.MobileMasked + "|" + p.IdNumberMasked + "|" + p.DeceasedOn + "|" + p.SurveyOptOut).ToList(),
            db.Encounters.GroupBy(e => new { e.Department!.Code, e.Type }).Select(g => g.Key.Code + "|" + g.Key.Type + "|" + g.Count()).AsEnumerable().Order().ToList(),
            db.Encounters.OrderBy(e => e.Id).Take(2000).AsEnumerable()
                .Select(e => $"{e.HisId}|{e.PatientId}|{e.AttendingStaffId}|{e.StartedAt:O}|{e.EndedAt:O}|{e.DischargeDisposition}").ToList());
    }

    [Fact]
    public void The_same_seed_gives_identical_departments_staff_patients_and_encounters()
    {
        var a = Take(hospitals.First);
        var b = Take(hospitals.Second);
        a.Departments.Count.ShouldBeGreaterThanOrEqualTo(25);
        a.Departments.ShouldBe(b.Departments);
        a.Staff.ShouldBe(b.Staff);
        a.Patients.Count.ShouldBe(DemoSize.Small.Patients);
        a.Patients.ShouldBe(b.Patients);
        a.EncounterCounts.ShouldBe(b.EncounterCounts);
        a.Encounters.ShouldBe(b.Encounters);
    }

    [Fact]
    public void A_different_seed_gives_a_different_hospital_with_the_same_departments()
    {
        var clock = hospitals.First.Services.GetRequiredService<HospitalClock>();
        var one = new DemoHospitalGenerator(DemoHospitalFactory.Seed, clock).Generate(DemoSize.Small);
        var other = new DemoHospitalGenerator(DemoHospitalFactory.Seed + 1, clock).Generate(DemoSize.Small);
        other.Departments.ShouldBe(one.Departments);
        other.Staff.Select(s => s.Name).ShouldNotBe(one.Staff.Select(s => s.Name));
        other.Patients.Select(p => p.Name).ShouldNotBe(one.Patients.Select(p => p.Name));
        // …and the in-memory plan for the fixture's seed is what went into the database.
        Take(hospitals.First).Patients.Take(100).Select(p => p.Split('|')[1]).ShouldBe(one.Patients.Take(100).Select(p => p.Name));
    }
}
