using TrustBridge.Web.Features.Calendar;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>Deadlines and calendar (reminders, breach escalation, the admin calendar) and cases from survey answers.</summary>
public static class FeedbackOpsFeature
{
    public static IServiceCollection AddFeedbackOps(this IServiceCollection services) =>
        services.AddScoped<CalendarDays>().AddScoped<RunFeedbackJobs>().AddScoped<OpenCaseFromSurvey>();
}
