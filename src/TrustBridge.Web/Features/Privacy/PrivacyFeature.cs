using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace TrustBridge.Web.Features.Privacy;

public static class PrivacyFeature
{
    public static IServiceCollection AddPatientPrivacy(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("TrustBridge");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        services.AddSingleton<PatientIdentifierProtector>();
        return services;
    }
}
