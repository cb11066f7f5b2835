using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Privacy;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Feedback.Symposia;

/// <summary>Creates or updates a symposium with its participants; mobiles are stored encrypted and shown masked.</summary>
public sealed class SaveSymposium(TrustDbContext db, HospitalClock clock, PatientIdentifierProtector protector, AuditLog audit, DatabaseOptions database)
{
    public const int MaxParticipants = 200;
    /// <summary>A symposium may be entered ahead of time, but not years ahead.</summary>
    public const int MaxDaysAhead = 366;

    public async Task<SymposiumResult<int>> RunAsync(int? id, SymposiumInput input, string? by, CancellationToken ct = default)
    {
        Symposium? s = null;
        if (id is { } existing)
        {
            s = await db.Symposia.Include(x => x.Participants).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (s is null) return SymposiumResult<int>.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) Error("title", "The title is empty.");
        else if (title.Length > 200) Error("title", "The title is longer than 200 characters.");
        var today = clock.Today;
        if (input.HeldOn is not { } heldOn) { Error("heldOn", "Give the date the symposium is held."); heldOn = default; }
        else if (heldOn > today.AddDays(MaxDaysAhead)) Error("heldOn", $"The date {heldOn:yyyy-MM-dd} is too far in the future.");
        else if (heldOn.Year < 2000) Error("heldOn", $"The date {heldOn:yyyy-MM-dd} is too far in the past.");
        var location = Blank(input.Location);
        if (location is { Length: > 200 }) Error("location", "The location is longer than 200 characters.");
        var minutes = Blank(input.Minutes);
        if (minutes is { Length: > 20_000 }) Error("minutes", "The minutes are longer than 20,000 characters.");
        int? departmentId = null;
        if (Blank(input.DepartmentCode) is { } code)
        {
            departmentId = await db.Departments.Where(d => d.Code == code).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (departmentId is null) Error("departmentCode", $"Unknown department code: {code}.");
        }

        var rows = input.Participants ?? [];
        if (rows.Count > MaxParticipants) Error("participants", $"At most {MaxParticipants} participants.");
        var staffCodes = rows.Select(p => Blank(p.StaffCode)).OfType<string>().Distinct().ToList();
        var staff = staffCodes.Count == 0 ? [] : await db.Staff.Where(x => staffCodes.Contains(x.Code))
            .Select(x => new { x.Id, x.Code, x.Name }).ToDictionaryAsync(x => x.Code, ct);
        var kept = new List<(ParticipantInput Row, string Name, string Role, int? StaffId, string? Mobile)>();
        for (var i = 0; i < rows.Count && i < MaxParticipants; i++)
        {
            var p = rows[i];
            var key = $"participants[{i}]";
            var role = Blank(p.Role);
            if (role is null) Error($"{key}.role", "Choose the participant's role.");
            else if (!ParticipantRoles.All.Contains(role)) Error($"{key}.role", $"Unknown role '{role}'; use one of {string.Join(", ", ParticipantRoles.All)}.");
            int? staffId = null;
            var name = Blank(p.Name);
            if (Blank(p.StaffCode) is { } sc)
            {
                if (role is not null && role != ParticipantRoles.Staff) Error($"{key}.staffCode", "Only a staff participant has a staff code.");
                else if (!staff.TryGetValue(sc, out var member)) Error($"{key}.staffCode", $"Unknown staff code: {sc}.");
                else { staffId = member.Id; name ??= member.Name; }
            }
            if (name is null) Error($"{key}.name", "Give the participant's name.");
            else if (name.Length > 100) Error($"{key}.name", "The name is longer than 100 characters.");
            string? mobile = null;
            if (Blank(p.Mobile) is { } m && (mobile = ChineseMobile.Normalize(m)) is null)
                Error($"{key}.mobile", "Not a mainland China mobile number (11 digits starting with 13–19).");
            if (p.Id is { } pid && s?.Participants.All(x => x.Id != pid) != false) Error($"{key}.id", $"Unknown participant {pid}.");
            kept.Add((p, name ?? "", role ?? "", staffId, mobile));
        }
        if (errors.Count > 0) return SymposiumResult<int>.Invalid(errors);

        var now = clock.UtcNow;
        var creating = s is null;
        s ??= db.Symposia.Add(new Symposium { Title = title, CreatedBy = by, CreatedAt = now }).Entity;
        s.Title = title;
        s.HeldOn = heldOn;
        s.Location = location;
        s.DepartmentId = departmentId;
        s.Minutes = minutes;
        s.UpdatedAt = now;
        var keepIds = kept.Where(k => k.Row.Id is not null).Select(k => k.Row.Id!.Value).ToHashSet();
        s.Participants.RemoveAll(x => !keepIds.Contains(x.Id));
        foreach (var (row, name, role, staffId, mobile) in kept)
        {
            var participant = row.Id is { } pid ? s.Participants.First(x => x.Id == pid) : null;
            if (participant is null) s.Participants.Add(participant = new SymposiumParticipant { Name = name, Role = role });
            participant.Name = name;
            participant.Role = role;
            participant.StaffId = staffId;
            if (protector.ProtectMobile(mobile) is { } protectedMobile)
                (participant.MobileEncrypted, participant.MobileMasked) = (protectedMobile.Encrypted, protectedMobile.Masked);
        }
        await using var tx = await db.Database.BeginTransactionAsync(database.WriteIsolation, ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(creating ? AuditActions.Created : AuditActions.Updated, SymposiumAudit.Entity, s.Id.ToString(CultureInfo.InvariantCulture),
            new { s.HeldOn, s.Title, participants = s.Participants.Count }, ct);
        await tx.CommitAsync(ct);
        return SymposiumResult<int>.Ok(s.Id);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public static class SymposiumAudit
{
    public const string Entity = "symposium";
    public const string Reported = "symposium.reported";
}
