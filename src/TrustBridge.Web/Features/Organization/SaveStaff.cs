using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Organization;

/// <summary>Creates a member of staff or edits one found by code.</summary>
public sealed class SaveStaff(TrustDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<(SaveOutcome Outcome, Dictionary<string, string[]> Errors)> RunAsync(string? existingCode, StaffInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var code = (existingCode ?? input.Code)?.Trim();
        if (string.IsNullOrEmpty(code)) errors["code"] = ["code is required."];
        else if (code.Length > 32) errors["code"] = ["code is at most 32 characters."];
        if (existingCode is null && string.IsNullOrWhiteSpace(input.Name)) errors["name"] = ["name is required."];
        if (input.Name?.Trim().Length > 64) errors["name"] = ["name is at most 64 characters."];
        if (input.Bio?.Length > 4000) errors["bio"] = ["bio is at most 4000 characters."];
        int? departmentId = null;
        if (!string.IsNullOrWhiteSpace(input.DepartmentCode))
        {
            departmentId = await db.Departments.Where(d => d.Code == input.DepartmentCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (departmentId is null) errors["departmentCode"] = [$"Unknown department code: {input.DepartmentCode}."];
        }
        if (errors.Count > 0) return (SaveOutcome.Invalid, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var staff = await db.Staff.FirstOrDefaultAsync(s => s.Code == code, ct);
        if (existingCode is not null && staff is null) return (SaveOutcome.NotFound, errors);
        if (existingCode is null && staff is not null)
            return (SaveOutcome.Conflict, new() { ["code"] = [$"A member of staff with code {code} already exists."] });

        var created = staff is null;
        staff ??= db.Staff.Add(new Domain.Staff { Code = code!, Name = input.Name!.Trim(), CreatedAt = now }).Entity;
        if (!string.IsNullOrWhiteSpace(input.Name)) staff.Name = input.Name.Trim();
        if (input.Title is not null) staff.Title = Blank(input.Title);
        if (input.DepartmentCode is not null) staff.DepartmentId = departmentId;
        if (input.LicenceNumber is not null) staff.LicenceNumber = Blank(input.LicenceNumber);
        if (input.Specialties is not null) staff.Specialties = Blank(input.Specialties);
        if (input.Bio is not null) staff.Bio = Blank(input.Bio);
        if (input.Active is bool active) staff.Active = active;
        staff.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(created ? AuditActions.Created : AuditActions.Updated, "staff", staff.Code, input, ct);
        return (created ? SaveOutcome.Created : SaveOutcome.Updated, errors);
    }

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
