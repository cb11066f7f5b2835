using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Privacy;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Security;

/// <summary>
/// Two departments (H1 心内科 with doctor HD1, H2 消化科 with doctor HD2) and one patient with encrypted identifiers and
/// encounters in both: H1 long ago (attended by HD1), H2 recently twice (HD2).
/// </summary>
public class HardeningFixture : TrustBridgeFactory
{
    public const string Mobile = "13912345678";
    public int PatientId { get; private set; }

    public Task SeedAsync() => SeedOnceAsync(async () =>
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PatientIdentifierProtector>();
        var h1 = db.Departments.Add(new Department { Code = "H1", Name = "心内科" }).Entity;
        var h2 = db.Departments.Add(new Department { Code = "H2", Name = "消化科" }).Entity;
        await db.SaveChangesAsync();
        var d1 = db.Staff.Add(new Staff { Code = "HD1", Name = "医生甲", DepartmentId = h1.Id }).Entity;
        var d2 = db.Staff.Add(new Staff { Code = "HD2", Name = "医生乙", DepartmentId = h2.Id }).Entity;
        var mobile = protector.ProtectMobile(Mobile)!.Value;
        var p = db.Patients.Add(new Patient { Mrn = "MRN-H1", Name = "赵六", MobileEncrypted = mobile.Encrypted, MobileMasked = mobile.Masked }).Entity;
        await db.SaveChangesAsync();
        var now = DateTime.UtcNow;
        db.Encounters.AddRange(
            new Encounter { HisId = "HE-1", PatientId = p.Id, DepartmentId = h1.Id, AttendingStaffId = d1.Id, Type = EncounterTypes.Outpatient, StartedAt = now.AddDays(-200) },
            new Encounter { HisId = "HE-2", PatientId = p.Id, DepartmentId = h2.Id, AttendingStaffId = d2.Id, Type = EncounterTypes.Outpatient, StartedAt = now.AddDays(-5) },
            new Encounter { HisId = "HE-3", PatientId = p.Id, DepartmentId = h2.Id, AttendingStaffId = d2.Id, Type = EncounterTypes.Inpatient, StartedAt = now.AddDays(-3) });
        await db.SaveChangesAsync();
        PatientId = p.Id;
    });
}
