using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Architecture;

/// <summary>Program.cs lists the features one line each; the CLI's TrustBridgeServices.AddTrustBridgeCore lists them too. A feature
/// added to one list and not the other would leave the web app without its operations: this test catches it.</summary>
public class ProgramRegistersEveryFeatureTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public void The_web_app_registers_every_service_of_the_shared_core()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite", ["ConnectionStrings:TrustBridge"] = "Data Source=:memory:",
        }).Build();
        var core = new ServiceCollection().AddTrustBridgeCore(config);
        var web = app.Services.GetRequiredService<IServiceProviderIsService>();
        var missing = core.Select(d => d.ServiceType).Where(t => !t.IsGenericTypeDefinition).Distinct()
            .Where(t => !web.IsService(t) && !web.IsService(typeof(IEnumerable<>).MakeGenericType(t)))
            .Select(t => t.FullName).ToList();
        core.Count.ShouldBeGreaterThan(50);
        missing.ShouldBeEmpty("registered by AddTrustBridgeCore but not by Program.cs:\n" + string.Join("\n", missing));
    }
}
