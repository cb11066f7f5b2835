using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Data;

public class TrustDbContext(DbContextOptions<TrustDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Staff> Staff => Set<Staff>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<Encounter> Encounters => Set<Encounter>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserDepartmentScope> UserDepartmentScopes => Set<UserDepartmentScope>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<InstrumentItem> InstrumentItems => Set<InstrumentItem>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<TrustDailySum> TrustDailySums => Set<TrustDailySum>();
    public DbSet<SurveyWave> SurveyWaves => Set<SurveyWave>();
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ImprovementPlan> ImprovementPlans => Set<ImprovementPlan>();
    public DbSet<ServiceRecoveryTask> ServiceRecoveryTasks => Set<ServiceRecoveryTask>();
    public DbSet<ImprovementAction> ImprovementActions => Set<ImprovementAction>();
    public DbSet<SurveyDraft> SurveyDrafts => Set<SurveyDraft>();
    public DbSet<FeedbackCase> FeedbackCases => Set<FeedbackCase>();
    public DbSet<FeedbackCaseDepartment> FeedbackCaseDepartments => Set<FeedbackCaseDepartment>();
    public DbSet<FeedbackCaseEvent> FeedbackCaseEvents => Set<FeedbackCaseEvent>();
    public DbSet<FeedbackAttachment> FeedbackAttachments => Set<FeedbackAttachment>();
    public DbSet<TriageOverride> TriageOverrides => Set<TriageOverride>();
    public DbSet<CalendarDayEntry> CalendarDays => Set<CalendarDayEntry>();
    public DbSet<Symposium> Symposia => Set<Symposium>();
    public DbSet<SymposiumParticipant> SymposiumParticipants => Set<SymposiumParticipant>();
    public DbSet<Dispute> Disputes => Set<Dispute>();
    public DbSet<DisputeDepartment> DisputeDepartments => Set<DisputeDepartment>();
    public DbSet<DisputeStaff> DisputeStaff => Set<DisputeStaff>();
    public DbSet<DisputeEvent> DisputeEvents => Set<DisputeEvent>();
    public DbSet<DisputeRoute> DisputeRoutes => Set<DisputeRoute>();
    public DbSet<DisputeAppraisal> DisputeAppraisals => Set<DisputeAppraisal>();
    public DbSet<DisputeCompensationLine> DisputeCompensationLines => Set<DisputeCompensationLine>();
    public DbSet<DisputePayment> DisputePayments => Set<DisputePayment>();
    public DbSet<DisputeSeal> DisputeSeals => Set<DisputeSeal>();
    public DbSet<DisputeDuty> DisputeDuties => Set<DisputeDuty>();
    public DbSet<DisputeAccountability> DisputeAccountability => Set<DisputeAccountability>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<AssessmentWeightsVersion> AssessmentWeightsVersions => Set<AssessmentWeightsVersion>();
    public DbSet<AssessmentIndicatorSetting> AssessmentIndicatorSettings => Set<AssessmentIndicatorSetting>();
    public DbSet<AssessmentNotice> AssessmentNotices => Set<AssessmentNotice>();
    public DbSet<TrainingCourse> TrainingCourses => Set<TrainingCourse>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<TrainingEnrolment> TrainingEnrolments => Set<TrainingEnrolment>();
    public DbSet<CmeCreditRecord> CmeCredits => Set<CmeCreditRecord>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<MonthlyReport> MonthlyReports => Set<MonthlyReport>();
    public DbSet<PortalPage> PortalPages => Set<PortalPage>();
    public DbSet<PortalPageVersion> PortalPageVersions => Set<PortalPageVersion>();
    public DbSet<ClinicSession> ClinicSessions => Set<ClinicSession>();
    public DbSet<ClinicStop> ClinicStops => Set<ClinicStop>();
    public DbSet<PriceItem> PriceItems => Set<PriceItem>();
    public DbSet<YouSaidWeDid> YouSaidWeDid => Set<YouSaidWeDid>();
    public DbSet<PortalEvent> PortalEvents => Set<PortalEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrustDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime in the database is UTC; SQLite hands them back unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
