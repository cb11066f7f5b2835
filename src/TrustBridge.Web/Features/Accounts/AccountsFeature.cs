using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Accounts;

public static class AccountsFeature
{
    /// <summary>The scheme AddIdentityApiEndpoints makes default (IdentityConstants keeps its name internal).</summary>
    internal const string BearerOrCookieScheme = "Identity.BearerAndApplication";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddAuthorization(Policies.Add);
        services.AddIdentityApiEndpoints<StaffUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TrustDbContext>();
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
        // The combined bearer-or-cookie scheme challenges with the bearer scheme (a bare 401) by default; staff pages
        // must send the browser to the login page instead, so challenges and forbids outside /api go to the cookie.
        services.PostConfigure<AuthenticationSchemeOptions>(BearerOrCookieScheme, o =>
            o.ForwardDefaultSelector = ctx => ctx.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);
        services.AddScoped<BootstrapAdministrator>();
        services.AddScoped<ManageUsers>();
        return services;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
