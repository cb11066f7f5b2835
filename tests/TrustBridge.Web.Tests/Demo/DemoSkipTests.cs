using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Cli;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Demo;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Demo;

/// <summary>A registry with data of its own is never mixed with demo data, from the web start-up path or the CLI.</summary>
public class DemoSkipTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task A_registry_with_one_department_is_not_seeded_by_the_seeder_or_the_cli()
    {
        var admin = await app.AdminClientAsync();
        (await admin.PostAsJsonAsync("/api/departments", new { code = "OWN1", name = "本院自有科室", kind = "clinical" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        using (var scope = app.Services.CreateScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoHospitalSeeder>();
            (await seeder.RegistryContentsAsync()).ShouldBe("1 departments");
            var result = await seeder.SeedAsync(DemoSize.Small, DemoSize.DefaultSeed, DemoSize.DefaultPassword);
            result.Seeded.ShouldBeFalse();
            result.Message.ShouldContain("skipped");
        }

        var exit = await TrustBridgeCommand.Build()
            .Parse(["demo", "--size", "small", "--provider", app.Provider, "--connection", app.ConnectionString]).InvokeAsync();
        exit.ShouldBe(0);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            db.Departments.Count().ShouldBe(1);
            db.Staff.Count().ShouldBe(0);
            db.Patients.Count().ShouldBe(0);
            db.Users.Count(u => u.Email!.EndsWith("@demo.local")).ShouldBe(0);
        }
    }

    [Fact]
    public void Demo_size_accepts_none_small_large_and_refuses_anything_else()
    {
        DemoSize.Parse(null).ShouldBeNull();
        DemoSize.Parse("none").ShouldBeNull();
        DemoSize.Parse(" Small ").ShouldBe(DemoSize.Small);
        DemoSize.Parse("large")!.Encounters.ShouldBe(1_000_000);
        Should.Throw<InvalidOperationException>(() => DemoSize.Parse("huge")).Message.ShouldContain("none, small or large");
    }
}
