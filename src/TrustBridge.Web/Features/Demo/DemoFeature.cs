using System.Globalization;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Demo;

/// <summary>Demo:Size (none|small|large), Demo:Seed and Demo:Password, read the same way by the web app and the CLI.</summary>
public sealed record DemoSettings(DemoSize? Size, int Seed, string Password)
{
    public static DemoSettings From(IConfiguration configuration) => new(
        DemoSize.Parse(configuration["Demo:Size"]),
        configuration["Demo:Seed"] is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : DemoSize.DefaultSeed,
        configuration["Demo:Password"] is { Length: > 0 } p ? p : DemoSize.DefaultPassword);
}

public static class DemoFeature
{
    public static IServiceCollection AddDemoHospital(this IServiceCollection services) => services.AddScoped<DemoHospitalSeeder>().AddScoped<DemoSurveyWave>().AddScoped<DemoSatisfactionAnswers>().AddScoped<DemoFeedbackCases>().AddScoped<DemoDisputes>().AddScoped<DemoPortal>();

    /// <summary>At web start-up, after migrations: seeds the configured demo hospital when the registry is empty.</summary>
    public static async Task SeedDemoHospitalIfConfiguredAsync(this IServiceProvider scoped, IConfiguration configuration, CancellationToken ct = default)
    {
        var settings = DemoSettings.From(configuration);
        if (settings.Size is not { } size) return;
        scoped.GetRequiredService<AuditLog>().ActorOverride = AuditActor.System;
        var result = await scoped.GetRequiredService<DemoHospitalSeeder>().SeedAsync(size, settings.Seed, settings.Password, null, ct);
        Console.WriteLine(result.Seeded
            ? $"{result.Message} {result.Departments} departments, {result.Staff} staff, {result.Patients:N0} patients, {result.Encounters:N0} encounters in {result.Elapsed.TotalSeconds:F1} s."
            : result.Message);
        foreach (var login in result.Logins)
            Console.WriteLine($"Demo login: {login.Email,-26} {login.Role,-17} {login.Description}  password: {settings.Password}");
    }
}
