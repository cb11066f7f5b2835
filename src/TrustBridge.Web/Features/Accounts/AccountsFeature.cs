using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
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
            // The session itself lives in staff_sessions (DatabaseTicketStore); the cookie slides with the idle timeout.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            // An API client gets a status code, never a redirect to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<ITicketStore, StaffSessions>((o, store, sessions) =>
            {
                o.SessionStore = store;
                o.ExpireTimeSpan = sessions.IdleTimeout;
            });
        services.AddSingleton<ITicketStore, DatabaseTicketStore>();
        services.AddSingleton<IdentityOptionsAccessor>();
        AddSessions(services);
        services.AddScoped<BootstrapAdministrator>();
        services.AddScoped<ManageUsers>();
        return services;
    }

    private static void AddSessions(IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<StaffSessions>();
    }

    /// <summary>Between authentication and authorization: the user's current state and roles on every request.</summary>
    public static IApplicationBuilder UseCurrentUserCheck(this IApplicationBuilder app) => app.UseMiddleware<CurrentUserCheck>();

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
        AddSessions(services);
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
