using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Calendar;
using TrustBridge.Web.Features.Dashboard;
using TrustBridge.Web.Features.Demo;
using TrustBridge.Web.Features.Disputes;
using TrustBridge.Web.Features.Exports;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Fhir;
using TrustBridge.Web.Features.Health;
using TrustBridge.Web.Features.Hospital;
using TrustBridge.Web.Features.Imports;
using TrustBridge.Web.Features.Notifications;
using TrustBridge.Web.Features.Organization;
using TrustBridge.Web.Features.Patients;
using TrustBridge.Web.Features.Privacy;
using TrustBridge.Web.Features.Portal;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Features.Trust;
using TrustBridge.Web.Features.Assessment;
using TrustBridge.Web.Features.Training;
using TrustBridge.Web;

var builder = WebApplication.CreateBuilder(args);

// One line per feature (the same list as TrustBridgeServices.AddTrustBridgeCore, plus sign-in and the web host).
builder.Services.AddTrustBridgeInfrastructure(builder.Configuration);
builder.Services.AddWebHost();
builder.Services.AddAccounts();
builder.Services.AddOrganization();
builder.Services.AddPatients();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddSurveys(builder.Configuration);
builder.Services.AddTrust();
builder.Services.AddFeedback(builder.Configuration);
builder.Services.AddImports(builder.Configuration);
builder.Services.AddDashboard();
builder.Services.AddDemoHospital();
builder.Services.AddDisputes(builder.Configuration);
builder.Services.AddFhir();
builder.Services.AddAssessment();
builder.Services.AddTraining();
builder.Services.AddPortal(builder.Configuration);

var app = builder.Build();

await StartupTasks.RunAsync(app.Services, app.Configuration);

app.UseNoStoreResponses();
app.UseTrustProblemDetails();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseNotFoundForUnknownPages();
app.UseAuthentication();
app.UseCurrentUserCheck();
app.UseAuthorization();
app.UsePlausibleDateQueries();
app.UseRateLimiter();
app.UseOutputCache();

// One line per feature.
app.MapWebHost();
app.MapHealthApi();
app.MapAccountsApi();
app.MapAuditApi();
app.MapOrganizationApi();
app.MapPatientsApi();
app.MapCalendarApi();
app.MapSurveysApi();
app.MapTrustApi();
app.MapFeedbackApi();
app.MapImportsApi();
app.MapExportsApi();
app.MapDisputesApi();
app.MapFhirApi();
app.MapAssessmentApi();
app.MapTrainingApi();
app.MapPortalApi();

app.Run();

public partial class Program;
