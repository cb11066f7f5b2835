using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Accounts;

public static class AccountsFeature
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddAuthorization(Policies.Add);
        services.AddIdentityApiEndpoints<StaffUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TrustDbContext>();
        // Identity's composite scheme reads a bearer token or the cookie; challenges go to the cookie handler, which
        // redirects pages to the login and answers API paths with a plain 401/403 (see ApiAware).
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o =>
        {
            o.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            o.DefaultForbidScheme = IdentityConstants.ApplicationScheme;
        });
        services.Configure<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme,
            o => o.BearerTokenExpiration = TimeSpan.FromHours(8));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "trustbridge.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // An API client gets a status code, never a redirect to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddScoped<BootstrapAdministrator>();
        services.AddScoped<ManageUsers>();
        return services;
    }

    /// <summary>Sign-in (/api/auth) and user management (/api/users).</summary>
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app) => app.MapAuthApi().MapUsersApi();

    /// <summary>Password and lockout rules, the same for the web app and the CLI.</summary>
    public static void ConfigureIdentity(IdentityOptions o)
    {
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.Password.RequiredLength = 8;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.User.RequireUniqueEmail = true;
    }

    /// <summary>User management without the web app's sign-in schemes: for the CLI.</summary>
    public static IServiceCollection AddUserManagement(this IServiceCollection services)
    {
        services.AddIdentityCore<StaffUser>(ConfigureIdentity).AddRoles<IdentityRole>().AddEntityFrameworkStores<TrustDbContext>();
        return services.AddScoped<ManageUsers>().AddScoped<BootstrapAdministrator>();
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/fhir"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
