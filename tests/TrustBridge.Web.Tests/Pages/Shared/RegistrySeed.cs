using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Privacy;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Pages.Shared;

/// <summary>Departments through the API; patients and encounters with the app's own services (no create API for them).</summary>
public static class RegistrySeed
{
    public static async Task DepartmentAsync(TrustBridgeFactory app, string code, string name, string kind = "clinical")
    {
        var admin = await app.AdminClientAsync();
        var resp = await admin.PostAsJsonAsync("/api/departments", new { code, name, kind });
        if (resp.StatusCode != System.Net.HttpStatusCode.Conflict) resp.EnsureSuccessStatusCode();
    }

    /// <summary>A patient with an encrypted mobile and one encounter in the department; returns the patient's id.</summary>
    public static async Task<int> PatientAsync(TrustBridgeFactory app, string mrn, string name, string mobile, string departmentCode)
    {
        await DepartmentAsync(app, departmentCode, departmentCode + "科");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PatientIdentifierProtector>();
        var now = DateTime.UtcNow;
        var (encrypted, masked) = protector.ProtectMobile(mobile)!.Value;
        var patient = new Patient { Mrn = mrn, Name = name, Gender = Genders.Female, BirthDate = new(1970, 5, 1), MobileEncrypted = encrypted, MobileMasked = masked, CreatedAt = now, UpdatedAt = now };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        var dept = await db.Departments.SingleAsync(d => d.Code == departmentCode);
        db.Encounters.Add(new Encounter
        {
            HisId = "H-" + mrn, PatientId = patient.Id, Type = EncounterTypes.Inpatient, DepartmentId = dept.Id,
            StartedAt = now.AddDays(-3), EndedAt = now.AddDays(-1), DischargeDisposition = DischargeDispositions.Home, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return patient.Id;
    }
}
