using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustBridge.Core.Privacy;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Notifications;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Features.Portal;

public sealed record EventView(int Id, string Kind, string Title, string? Description, DateTime StartsAt, DateTime EndsAt, string Place,
    int Capacity, int Registered, int Waitlisted, bool Cancelled)
{
    public bool Full => Registered >= Capacity;
    public int Left => Math.Max(0, Capacity - Registered);
}

public sealed record RegistrationResult(string Status, string Reference);
public sealed record RegistrantView(int Id, string Name, string MobileMasked, string Status, bool Attended, DateTime CreatedAt);

/// <summary>
/// Health lectures, free clinics and patient community events with online registration: name and a mainland mobile
/// (encrypted, masked and keyed-hashed like a complainant's), a place while seats last and the waiting list after,
/// an SMS through the outbox, cancellation by the reference in the link (the first on the waiting list moves up).
/// </summary>
public sealed class PortalEvents(TrustDbContext db, HospitalClock clock, PatientIdentifierProtector protector, MobileHash hashes, Outbox outbox,
    AuditLog audit, PublicCache cache, IOptions<PortalOptions> options)
{
    public const string SmsKind = "portal.event-registration";

    private IQueryable<EventView> Views(IQueryable<PortalEvent> events) => events.Select(e => new EventView(e.Id, e.Kind, e.Title, e.Description,
        e.StartsAt, e.EndsAt, e.Place, e.Capacity,
        db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatuses.Registered),
        db.EventRegistrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatuses.Waitlisted), e.CancelledAt != null));

    public async Task<List<EventView>> UpcomingAsync(CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        return (await Views(db.PortalEvents.AsNoTracking().Where(e => e.EndsAt >= now)).ToListAsync(ct)).OrderBy(e => e.StartsAt).ToList();
    }

    public async Task<List<EventView>> AllAsync(CancellationToken ct = default) =>
        (await Views(db.PortalEvents.AsNoTracking()).ToListAsync(ct)).OrderByDescending(e => e.StartsAt).ToList();

    public Task<EventView?> GetAsync(int id, CancellationToken ct = default) => Views(db.PortalEvents.AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(ct);

    public async Task<(RegistrationResult? Result, PortalOutcome Outcome)> RegisterAsync(int eventId, string? name, string? mobile, string baseUrl,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 50) errors["name"] = ["name is required (at most 50 characters)."];
        var normalized = ChineseMobile.Normalize(mobile);
        if (normalized is null) errors["mobile"] = ["mobile must be a mainland mobile number, e.g. 13812345678."];
        var ev = await db.PortalEvents.FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return (null, new PortalOutcome(NotFound: true));
        if (errors.Count > 0) return (null, new PortalOutcome(Errors: errors));
        if (ev.CancelledAt is not null) return (null, PortalOutcome.Invalid("eventId", "The event has been cancelled."));
        if (ev.StartsAt <= clock.UtcNow) return (null, PortalOutcome.Invalid("eventId", "The event has already started or is over."));
        var hash = hashes.Of(normalized!);
        var existing = await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == eventId && r.MobileHash == hash, ct);
        if (existing is { Status: not RegistrationStatuses.Cancelled })
            return (null, new PortalOutcome(Errors: new() { ["mobile"] = ["This mobile is already registered for the event."] }, Conflict: "duplicate"));
        var taken = await db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatuses.Registered, ct);
        var status = taken < ev.Capacity ? RegistrationStatuses.Registered : RegistrationStatuses.Waitlisted;
        var (encrypted, masked) = protector.ProtectMobile(normalized)!.Value;
        var reference = NewReference();
        var now = clock.UtcNow;
        if (existing is not null)
        {
            existing.Reference = reference; existing.Name = trimmed!; existing.MobileEncrypted = encrypted; existing.MobileMasked = masked;
            existing.Status = status; existing.CreatedAt = now; existing.CancelledAt = null; existing.Attended = false;
        }
        else db.EventRegistrations.Add(new EventRegistration
        {
            EventId = eventId, Reference = reference, Name = trimmed!, MobileEncrypted = encrypted, MobileMasked = masked, MobileHash = hash,
            Status = status, CreatedAt = now,
        });
        var when = clock.ToLocal(ev.StartsAt).ToString("yyyy-MM-dd HH:mm");
        var link = $"{(options.Value.PublicBaseUrl ?? baseUrl).TrimEnd('/')}/Public/Registration/{reference}";
        outbox.Add(SmsKind, "sms", normalized, masked, status == RegistrationStatuses.Registered
            ? $"【医患信桥】您已报名“{ev.Title}”，{when}，{ev.Place}。取消报名：{link}"
            : $"【医患信桥】“{ev.Title}”名额已满，您在候补名单中，有空位时将短信通知。取消：{link}", correlation: reference);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            return (null, new PortalOutcome(Errors: new() { ["mobile"] = ["This mobile is already registered for the event."] }, Conflict: "duplicate"));
        }
        await audit.RecordAsync("portal.event-registered", "portal_event", eventId.ToString(), new { status, mobile = masked }, ct);
        await cache.EvictAsync(ct);
        return (new RegistrationResult(status, reference), new PortalOutcome(eventId));
    }

    public async Task<(EventRegistration? Registration, PortalEvent? Event)> FindAsync(string reference, CancellationToken ct = default)
    {
        var r = await db.EventRegistrations.AsNoTracking().Include(x => x.Event).FirstOrDefaultAsync(x => x.Reference == reference, ct);
        return (r, r?.Event);
    }

    /// <summary>Cancels by the link's reference; a freed seat goes to the first on the waiting list, who is told by SMS.</summary>
    public async Task<PortalOutcome> CancelAsync(string reference, CancellationToken ct = default)
    {
        var r = await db.EventRegistrations.Include(x => x.Event).FirstOrDefaultAsync(x => x.Reference == reference, ct);
        if (r is null) return new PortalOutcome(NotFound: true);
        if (r.Status == RegistrationStatuses.Cancelled) return new PortalOutcome(r.EventId);
        var freed = r.Status == RegistrationStatuses.Registered;
        r.Status = RegistrationStatuses.Cancelled;
        r.CancelledAt = clock.UtcNow;
        if (freed)
        {
            var next = await db.EventRegistrations.Where(x => x.EventId == r.EventId && x.Status == RegistrationStatuses.Waitlisted)
                .OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).FirstOrDefaultAsync(ct);
            if (next is not null)
            {
                next.Status = RegistrationStatuses.Registered;
                outbox.Add(SmsKind, "sms", protector.Reveal(next.MobileEncrypted), next.MobileMasked,
                    $"【医患信桥】“{r.Event!.Title}”有空位，您已由候补转为报名成功。", correlation: next.Reference);
            }
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("portal.event-cancelled", "portal_event", r.EventId.ToString(), new { mobile = r.MobileMasked }, ct);
        await cache.EvictAsync(ct);
        return new PortalOutcome(r.EventId);
    }

    public Task<List<RegistrantView>> RegistrantsAsync(int eventId, CancellationToken ct = default) =>
        db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new RegistrantView(r.Id, r.Name, r.MobileMasked, r.Status, r.Attended, r.CreatedAt)).ToListAsync(ct);

    public async Task<PortalOutcome> MarkAttendanceAsync(int eventId, int registrationId, bool attended, CancellationToken ct = default)
    {
        var r = await db.EventRegistrations.FirstOrDefaultAsync(x => x.Id == registrationId && x.EventId == eventId, ct);
        if (r is null) return new PortalOutcome(NotFound: true);
        if (r.Status != RegistrationStatuses.Registered) return new PortalOutcome(Conflict: "Only a registered person can be marked as attending.");
        r.Attended = attended;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("portal.event-attendance", "portal_event", eventId.ToString(), new { registrationId, attended }, ct);
        return new PortalOutcome(eventId);
    }

    private static string NewReference() => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
