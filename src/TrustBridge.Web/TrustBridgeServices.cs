using Microsoft.AspNetCore.Http.Json;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Demo;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Imports;
using TrustBridge.Web.Features.Notifications;
using TrustBridge.Web.Features.Organization;
using TrustBridge.Web.Features.Patients;
using TrustBridge.Web.Features.Privacy;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web;

/// <summary>The services every host of TrustBridge needs (the web app, the CLI, the benchmarks).</summary>
public static class TrustBridgeServices
{
    public static IServiceCollection AddTrustBridgeCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => HospitalClock.From(configuration, sp.GetRequiredService<TimeProvider>()));
        services.AddHttpContextAccessor();
        services.AddTrustDatabase(configuration);
        services.AddPatientPrivacy(configuration);
        services.AddAuditLog();
        services.AddOrganization();
        services.AddPatients();
        services.AddTrust();
        services.AddSurveys();
        services.Configure<SurveyOptions>(configuration.GetSection("Surveys"));
        services.AddNotifications(configuration);
        services.AddFeedback(configuration);
        services.AddImports(configuration);
        services.AddDemoHospital();
        services.AddSingleton<Features.Health.StartupState>();
        services.AddOptions<JsonOptions>().Configure<HospitalClock>((o, clock) =>
            o.SerializerOptions.Converters.Add(new HospitalTimeJsonConverter(clock)));
        return services;
    }
}
