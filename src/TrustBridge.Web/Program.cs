using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Dashboard;
using TrustBridge.Web.Features.Exports;
using TrustBridge.Web.Features.Calendar;
using TrustBridge.Web.Features.Feedback;
using TrustBridge.Web.Features.Health;
using TrustBridge.Web.Features.Imports;
using TrustBridge.Web.Features.Localization;
using TrustBridge.Web.Features.Notifications;
using TrustBridge.Web.Features.Organization;
using TrustBridge.Web.Features.Patients;
using TrustBridge.Web.Features.Surveys;
using TrustBridge.Web.Features.Trust;
using TrustBridge.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddTrustBridgeCore(builder.Configuration);
builder.Services.AddAccounts();
builder.Services.AddOutboxDispatcher();
builder.Services.AddHostedService<TrustBridge.Web.Features.Surveys.SurveyJobs>();
builder.Services.AddHostedService<FeedbackJobs>();
builder.Services.AddTrustProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddUiLocalization();
builder.Services.AddQrAnswerLimits(builder.Configuration);
builder.Services.AddFeedbackIntakeLimit();
TrustBridge.Web.Features.Fhir.FhirFeature.AddFhir(builder.Services);
builder.Services.AddScoped<RegistryOverview>();
builder.Services.AddScoped<TrustBridge.Web.Pages.Staff.Imports.IRegistryFileImporter, TrustBridge.Web.Pages.Staff.Imports.RegistryFileImporter>();
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/Staff", Policies.Staff);
    o.Conventions.AuthorizeFolder("/Account", Policies.Staff);
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
    o.Conventions.AllowAnonymousToPage("/Index");
    o.Conventions.AllowAnonymousToPage("/Error");
    o.Conventions.AllowAnonymousToFolder("/Patient");
    o.Conventions.AllowAnonymousToFolder("/Public");
});

var app = builder.Build();

await StartupTasks.RunAsync(app.Services, app.Configuration);

app.UseTrustProblemDetails();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealthApi();
app.MapOpenApi().AllowAnonymous();
app.MapAuthApi();
app.MapUsersApi();
app.MapAuditApi();
app.MapOrganizationApi();
app.MapPatientsApi();
app.MapTrustApi();
app.MapSurveysApi();
app.MapServiceRecoveryApi();
app.MapInstrumentsApi();
app.MapImprovementPlansApi();
app.MapImportsApi();
app.MapResponsesImportApi();
app.MapInvitationQrApi();
app.MapRegistryExportsApi();
app.MapFeedbackApi();
app.MapCalendarApi();
TrustBridge.Web.Features.Feedback.Symposia.SymposiaApi.MapSymposiaApi(app);
app.MapFeedbackStaffApi();
app.MapFeedbackInsightApi();
app.MapTrustExportsApi();
TrustBridge.Web.Features.Fhir.FhirFeature.MapFhirApi(app);
app.MapCultureSwitch();
app.MapRazorPages();

app.Run();

public partial class Program;
