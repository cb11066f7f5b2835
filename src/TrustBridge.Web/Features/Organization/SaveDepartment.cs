using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Organization;

public enum SaveOutcome { Created, Updated, NotFound, Invalid, Conflict }

/// <summary>Creates a department or edits one found by its code.</summary>
public sealed class SaveDepartment(TrustDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<(SaveOutcome Outcome, Dictionary<string, string[]> Errors)> RunAsync(string? existingCode, DepartmentInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var code = (existingCode ?? input.Code)?.Trim();
        if (string.IsNullOrEmpty(code)) errors["code"] = ["code is required."];
        else if (code.Length > 32) errors["code"] = ["code is at most 32 characters."];
        if (existingCode is null && string.IsNullOrWhiteSpace(input.Name)) errors["name"] = ["name is required."];
        if (input.Name?.Trim().Length > 100) errors["name"] = ["name is at most 100 characters."];
        if (input.Kind is not null && !DepartmentKinds.All.Contains(input.Kind)) errors["kind"] = [$"kind must be one of {string.Join(", ", DepartmentKinds.All)}."];
        Department? parent = null;
        if (!string.IsNullOrWhiteSpace(input.ParentCode))
        {
            parent = await db.Departments.FirstOrDefaultAsync(d => d.Code == input.ParentCode, ct);
            if (parent is null) errors["parentCode"] = [$"Unknown department code: {input.ParentCode}."];
            else if (parent.Code == code) errors["parentCode"] = ["A department cannot be its own parent."];
        }
        if (errors.Count > 0) return (SaveOutcome.Invalid, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var dept = await db.Departments.FirstOrDefaultAsync(d => d.Code == code, ct);
        if (existingCode is not null && dept is null) return (SaveOutcome.NotFound, errors);
        if (existingCode is null && dept is not null)
            return (SaveOutcome.Conflict, new() { ["code"] = [$"A department with code {code} already exists."] });

        var created = dept is null;
        dept ??= db.Departments.Add(new Department { Code = code!, Name = input.Name!.Trim(), CreatedAt = now }).Entity;
        if (!string.IsNullOrWhiteSpace(input.Name)) dept.Name = input.Name.Trim();
        if (input.Kind is not null) dept.Kind = input.Kind;
        if (input.ParentCode is not null) dept.ParentId = parent?.Id;
        if (input.Active is bool active) dept.Active = active;
        dept.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(created ? AuditActions.Created : AuditActions.Updated, "department", dept.Code, input, ct);
        return (created ? SaveOutcome.Created : SaveOutcome.Updated, errors);
    }
}
