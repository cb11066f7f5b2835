using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Demo;
using TrustBridge.Web.Features.Health;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web;

/// <summary>Brings the database up to date and creates the first administrator before the app serves requests.</summary>
public static class StartupTasks
{
    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<Migrator>().ApplyAsync(ct);
        if (sp.GetRequiredService<Features.Audit.AuditKey>().Key is null)
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("TrustBridge.Audit").LogWarning(
                "No audit key (Audit:Key or DataProtection:MasterKey): the audit chain is an unkeyed SHA-256 chain that someone holding the database can recompute.");
        await sp.GetRequiredService<Features.Audit.AuditLog>().EnsureKeyedChainAsync(ct);
        if (await sp.GetRequiredService<BootstrapAdministrator>().EnsureAsync(ct) is { } admin)
        {
            var line = admin.GeneratedPassword is null
                ? $"First administrator: {admin.Email} (password from Bootstrap__AdminPassword)"
                : $"First administrator: {admin.Email}  password: {admin.GeneratedPassword}  (shown once; change it after logging in)";
            Console.WriteLine(line);
        }
        await sp.GetRequiredService<InstrumentCatalog>().EnsureShippedAsync(ct);
        await sp.SeedDemoHospitalIfConfiguredAsync(configuration, ct);
        sp.GetRequiredService<StartupState>().DatabaseReady = true;
    }
}
