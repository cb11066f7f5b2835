using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace TrustBridge.Web.Features.Privacy;

public static class PrivacyFeature
{
    public static IServiceCollection AddPatientPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("TrustBridge");
        var master = MasterKey.From(configuration);
        if (master is not null) services.AddSingleton(master);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>());
            // Without a master key the key ring is stored as Data Protection writes it (and it logs a warning).
            if (master is not null) o.XmlEncryptor = new MasterKeyXmlEncryptor(master);
        }));
        services.AddSingleton<PatientIdentifierProtector>();
        return services;
    }
}
