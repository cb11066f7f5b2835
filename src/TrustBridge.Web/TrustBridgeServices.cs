using Microsoft.AspNetCore.Http.Json;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Dashboard;
using TrustBridge.Web.Features.Demo;
using TrustBridge.Web.Features.Disputes;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Fhir;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Imports;
using TrustBridge.Web.Features.Notifications;
using TrustBridge.Web.Features.Organization;
using TrustBridge.Web.Features.Patients;
using TrustBridge.Web.Features.Portal;
using TrustBridge.Web.Features.Privacy;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Features.Trust;
using TrustBridge.Web.Features.Assessment;
using TrustBridge.Web.Features.Training;

namespace TrustBridge.Web;

/// <summary>The services every host of TrustBridge needs (the web app, the CLI, the benchmarks).</summary>
public static class TrustBridgeServices
{
    /// <summary>Every host: the clock, the database, patient privacy, the audit log and the JSON time format.</summary>
    public static IServiceCollection AddTrustBridgeInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => HospitalClock.From(configuration, sp.GetRequiredService<TimeProvider>()));
        services.AddHttpContextAccessor();
        services.AddTrustDatabase(configuration);
        services.AddPatientPrivacy(configuration);
        services.AddAuditLog(configuration);
        services.AddSingleton<Features.Health.StartupState>();
        services.AddOptions<JsonOptions>().Configure<HospitalClock>((o, clock) =>
            o.SerializerOptions.Converters.Add(new HospitalTimeJsonConverter(clock)));
        return services;
    }

    /// <summary>
    /// The CLI, the benchmarks and test seeding: the infrastructure and the operations of every feature, the same list as
    /// Program.cs without sign-in and the web host (hosted jobs are registered but only a started host runs them).
    /// A Web test checks that the web app registers every service this list does.
    /// </summary>
    public static IServiceCollection AddTrustBridgeCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTrustBridgeInfrastructure(configuration);
        services.AddOrganization();
        services.AddPatients();
        services.AddNotifications(configuration);
        services.AddSurveys(configuration);
        services.AddTrust();
        services.AddFeedback(configuration);
        services.AddImports(configuration);
        services.AddDashboard();
        services.AddDemoHospital();
        services.AddDisputes(configuration);
        services.AddFhir();
        services.AddAssessment();
        services.AddTraining();
        services.AddPortal(configuration);
        return services;
    }
}
