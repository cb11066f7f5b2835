using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Accounts;

/// <summary>Creates the roles, and the first administrator when the database has no users yet.</summary>
public sealed class BootstrapAdministrator(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IConfiguration configuration,
    AuditLog audit, TimeProvider clock, ILogger<BootstrapAdministrator> log)
{
    public const string DefaultEmail = "admin@trustbridge.local";

    /// <summary>Returns the generated password when one was made up (to be shown once), else null.</summary>
    public async Task<(string Email, string? GeneratedPassword)?> EnsureAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        if (await users.Users.AnyAsync(ct)) return null;

        var email = configuration["Bootstrap:AdminEmail"] is { Length: > 0 } e ? e.Trim() : DefaultEmail;
        var configured = configuration["Bootstrap:AdminPassword"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var admin = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "系统管理员", CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Cannot create the first administrator: " + string.Join("; ", result.Errors.Select(x => x.Description)));
        await users.AddToRoleAsync(admin, Roles.Admin);
        await audit.RecordAsync(AuditActor.System, AuditActions.UserCreated, "user", admin.Id, new { email, roles = new[] { Roles.Admin }, bootstrap = true }, ct);
        log.LogInformation("Created the first administrator {Email}", email);
        return (email, string.IsNullOrEmpty(configured) ? password : null);
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Tb-" + RandomNumberGenerator.GetString(alphabet, 14) + "9";
    }
}
