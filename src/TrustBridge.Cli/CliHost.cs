using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustBridge.Web;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Cli;

/// <summary>Builds the same services the web app uses, from the same configuration keys (environment variables with __).</summary>
public static class CliHost
{
    public static readonly Option<string?> Provider = new("--provider") { Description = "sqlite or postgres (default: Database__Provider, else sqlite)", Recursive = true };
    public static readonly Option<string?> Connection = new("--connection") { Description = "connection string (default: ConnectionStrings__TrustBridge, else Data Source=data/trustbridge.db)", Recursive = true };

    public static IConfiguration Configuration(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Provider) is { } p) overrides["Database:Provider"] = p;
        if (parse.GetValue(Connection) is { } c) overrides["ConnectionStrings:TrustBridge"] = c;
        return new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    public static ServiceProvider Services(ParseResult parse) => Services(Configuration(parse));

    /// <param name="withAccounts">Also ASP.NET Core Identity's user management, for commands that create logins.</param>
    public static ServiceProvider Services(IConfiguration configuration, bool withAccounts = false)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddTrustBridgeCore(configuration);
        if (withAccounts) services.AddUserManagement();
        return services.BuildServiceProvider();
    }

    /// <summary>A scope whose audit rows name the person at the terminal.</summary>
    public static AsyncServiceScope Scope(ServiceProvider sp)
    {
        var scope = sp.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditLog>().ActorOverride = AuditActor.Cli();
        return scope;
    }

    public static async Task MigrateAsync(IServiceProvider sp, CancellationToken ct)
    {
        await using var scope = sp.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().ApplyAsync(ct);
        scope.ServiceProvider.GetRequiredService<AuditLog>().ActorOverride = AuditActor.Cli();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().EnsureKeyedChainAsync(ct);
    }
}
