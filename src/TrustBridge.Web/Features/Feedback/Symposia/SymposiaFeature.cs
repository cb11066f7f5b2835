namespace TrustBridge.Web.Features.Feedback.Symposia;

public static class SymposiaFeature
{
    public static IServiceCollection AddSymposia(this IServiceCollection services) =>
        services.AddScoped<SaveSymposium>().AddScoped<ListSymposia>().AddScoped<GetSymposium>().AddScoped<RaiseSymposiumItem>().AddScoped<ReportBack>();
}
