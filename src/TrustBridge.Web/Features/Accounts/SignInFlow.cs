using Microsoft.AspNetCore.Identity;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Accounts;

public enum SignInOutcome { Succeeded, Failed, LockedOut }

/// <summary>One password sign-in, shared by the cookie login page and the bearer token API, with audit of every attempt.</summary>
public static class SignInFlow
{
    public static async Task<SignInOutcome> PasswordSignInAsync(
        SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit, HttpContext http,
        string email, string password, string scheme, bool persistent = false)
    {
        signIn.AuthenticationScheme = scheme;
        var user = await users.FindByEmailAsync(email.Trim());
        var ip = http.Connection.RemoteIpAddress?.ToString();
        if (user is null)
        {
            await audit.RecordAsync(new AuditActor(null, email.Trim(), ip), AuditActions.LoginFailed, "user", null, new { reason = "unknown email" });
            return SignInOutcome.Failed;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var actor = new AuditActor(user.Id, user.Email, ip);
        if (result.Succeeded)
        {
            // A server-side session for this sign-in: its id is a claim of the cookie ticket or the bearer token.
            var sessions = http.RequestServices.GetRequiredService<StaffSessions>();
            var sid = StaffSessions.NewId();
            if (scheme == IdentityConstants.BearerScheme) await sessions.CreateBearerAsync(sid, user.Id, ip);
            await signIn.SignInWithClaimsAsync(user, persistent, [new System.Security.Claims.Claim(StaffSessions.SessionClaim, sid), new System.Security.Claims.Claim("amr", "pwd")]);
            await audit.RecordAsync(actor, AuditActions.LoginSucceeded, "user", user.Id, new { scheme });
            return SignInOutcome.Succeeded;
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(actor, AuditActions.LoginLockedOut, "user", user.Id, null);
            return SignInOutcome.LockedOut;
        }
        await audit.RecordAsync(actor, AuditActions.LoginFailed, "user", user.Id, new { reason = "wrong password" });
        return SignInOutcome.Failed;
    }
}
