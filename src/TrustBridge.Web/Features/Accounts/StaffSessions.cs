using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Accounts;

/// <summary>
/// Server-side sessions (issue 16, defects 2 and 7). Every sign-in gets a row in staff_sessions and its id as a claim;
/// the staff cookie holds only that id (the ticket is stored here). Ending a session deletes its row. Checks are cached
/// for Accounts:SessionCheckSeconds (default 10) per node; the node that ends a session drops its cache entry at once.
/// </summary>
public sealed class StaffSessions(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock, IConfiguration configuration)
{
    public const string SessionClaim = "tb:sid";

    public TimeSpan IdleTimeout { get; } = configuration.GetValue("Accounts:IdleTimeout", TimeSpan.FromMinutes(30));
    public TimeSpan BearerLifetime { get; } = TimeSpan.FromHours(8);
    public TimeSpan CheckCache { get; } = TimeSpan.FromSeconds(configuration.GetValue("Accounts:SessionCheckSeconds", 10));

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public async Task CreateBearerAsync(string id, string userId, string? remoteAddress, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        db.StaffSessions.Add(new StaffSession
        {
            Id = id, UserId = userId, Kind = StaffSession.Bearer, CreatedAt = now, LastSeenAt = now, ExpiresAt = now + BearerLifetime, RemoteAddress = remoteAddress,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether a session exists and has not expired (cached briefly).</summary>
    public async Task<bool> IsActiveAsync(string id, CancellationToken ct = default)
    {
        if (cache.TryGetValue(SessionKey(id), out bool active)) return active;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        active = await db.StaffSessions.AsNoTracking().AnyAsync(s => s.Id == id && s.ExpiresAt > now, ct);
        cache.Set(SessionKey(id), active, CheckCache);
        return active;
    }

    /// <summary>Ends one session (logout).</summary>
    public async Task EndAsync(string id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        await db.StaffSessions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        cache.Remove(SessionKey(id));
    }

    /// <summary>Ends a user's sessions (all, or only the staff cookies): sign out everywhere, password change, lock, role change.</summary>
    public async Task<int> EndAllAsync(string userId, string? kind = null, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var q = db.StaffSessions.Where(s => s.UserId == userId);
        if (kind is not null) q = q.Where(s => s.Kind == kind);
        var ids = await q.Select(s => s.Id).ToListAsync(ct);
        var n = await q.ExecuteDeleteAsync(ct);
        foreach (var id in ids) cache.Remove(SessionKey(id));
        ForgetUser(userId);
        return n;
    }

    public void ForgetUser(string userId) => cache.Remove(UserKey(userId));

    /// <summary>The user's current state (exists, security stamp, locked, roles), cached briefly.</summary>
    public async Task<UserState?> UserStateAsync(string userId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(UserKey(userId), out UserState? state)) return state;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(userId);
        state = user is null ? null : new UserState(user.SecurityStamp, user.LockoutEnd is { } end && end > clock.GetUtcNow(), [.. await users.GetRolesAsync(user)]);
        cache.Set(UserKey(userId), state, CheckCache);
        return state;
    }

    private static string SessionKey(string id) => "tb:session:" + id;
    private static string UserKey(string id) => "tb:user-state:" + id;

    public sealed record UserState(string? SecurityStamp, bool Locked, string[] Roles);
}

/// <summary>The staff cookie's ticket store: the cookie holds the session id, the ticket lives in staff_sessions.</summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, StaffSessions sessions, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = ticket.Principal.FindFirstValue(StaffSessions.SessionClaim) ?? StaffSessions.NewId();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        db.StaffSessions.Add(new StaffSession
        {
            Id = id, UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", Kind = StaffSession.Cookie,
            Ticket = Serialize(ticket), CreatedAt = now, LastSeenAt = now, ExpiresAt = Expiry(ticket, now),
            RemoteAddress = scope.ServiceProvider.GetService<IHttpContextAccessor>()?.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync();
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var ticketText = Serialize(ticket);
        var expires = Expiry(ticket, now);
        await db.StaffSessions.Where(s => s.Id == key).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Ticket, ticketText).SetProperty(s => s.LastSeenAt, now).SetProperty(s => s.ExpiresAt, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.StaffSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == key && s.Kind == StaffSession.Cookie);
        if (row?.Ticket is null) return null;
        // Idle timeout (等保): a session unused for Accounts:IdleTimeout ends, whatever the cookie says.
        if (row.ExpiresAt <= now || row.LastSeenAt + sessions.IdleTimeout <= now)
        {
            await db.StaffSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
            return null;
        }
        if (now - row.LastSeenAt > TimeSpan.FromMinutes(1))
            await db.StaffSessions.Where(s => s.Id == key).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now));
        return TicketSerializer.Default.Deserialize(Convert.FromBase64String(row.Ticket));
    }

    public async Task RemoveAsync(string key) => await sessions.EndAsync(key);

    private static string Serialize(AuthenticationTicket ticket) => Convert.ToBase64String(TicketSerializer.Default.Serialize(ticket));

    private DateTime Expiry(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + sessions.IdleTimeout;
}

/// <summary>
/// After authentication, on every request: the signed-in user must still exist, not be locked, have the security stamp
/// the token or cookie was issued with and a live session; the principal then carries the user's current roles, so a
/// token issued before a demotion is judged by the roles of now. Otherwise the request goes on as anonymous (401 or the
/// login page).
/// </summary>
public sealed class CurrentUserCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, StaffSessions sessions, IdentityOptionsAccessor identity)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var state = await sessions.UserStateAsync(userId, http.RequestAborted);
            var sid = user.FindFirstValue(StaffSessions.SessionClaim);
            var stamp = user.FindFirstValue(identity.SecurityStampClaimType);
            var valid = state is not null && !state.Locked && sid is not null && stamp == state.SecurityStamp
                && await sessions.IsActiveAsync(sid, http.RequestAborted);
            if (!valid)
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            else
            {
                var current = (ClaimsIdentity)user.Identity;
                var fresh = new ClaimsIdentity(current.Claims.Where(c => c.Type != current.RoleClaimType), current.AuthenticationType, current.NameClaimType, current.RoleClaimType);
                fresh.AddClaims(state!.Roles.Select(r => new Claim(current.RoleClaimType, r)));
                http.User = new ClaimsPrincipal(fresh);
            }
        }
        await next(http);
    }
}

/// <summary>The claim type Identity writes the security stamp under.</summary>
public sealed class IdentityOptionsAccessor(Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
{
    public string SecurityStampClaimType => options.Value.ClaimsIdentity.SecurityStampClaimType;
}
