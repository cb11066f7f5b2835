using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Demo;

namespace TrustBridge.Cli.Commands;

/// <summary><c>trustbridge demo --size small|large [--seed N]</c>: the same demo hospital the web app seeds with Demo__Size.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var size = new Option<string>("--size") { Description = "small (≈20k encounters) or large (≈1M encounters, for benchmarks)", DefaultValueFactory = _ => "small" };
        size.AcceptOnlyFromAmong("small", "large");
        var seed = new Option<int?>("--seed") { Description = $"random seed; the same seed gives the same hospital (default Demo__Seed, else {DemoSize.DefaultSeed})" };
        var password = new Option<string?>("--password") { Description = $"password of the demo logins (default Demo__Password, else {DemoSize.DefaultPassword})" };
        var cmd = new Command("demo", "Seed the demo hospital 信桥市第一人民医院 into an empty registry (skipped when it already has data).") { size, seed, password };
        cmd.SetAction(async (parse, ct) =>
        {
            var configuration = CliHost.Configuration(parse);
            var settings = DemoSettings.From(configuration);
            var demoSize = DemoSize.Parse(parse.GetValue(size))!;
            var demoSeed = parse.GetValue(seed) ?? settings.Seed;
            var demoPassword = parse.GetValue(password) ?? settings.Password;

            await using var sp = CliHost.Services(configuration, withAccounts: true);
            await CliHost.MigrateAsync(sp, ct);
            await using var scope = CliHost.Scope(sp);
            var services = scope.ServiceProvider;
            // A new database gets its administrator first, exactly as the web app would make it.
            if (await services.GetRequiredService<BootstrapAdministrator>().EnsureAsync(ct) is { } admin)
                AnsiConsole.MarkupLine(admin.GeneratedPassword is null
                    ? $"First administrator: [bold]{Markup.Escape(admin.Email)}[/] (password from Bootstrap__AdminPassword)"
                    : $"First administrator: [bold]{Markup.Escape(admin.Email)}[/]  password: [bold]{Markup.Escape(admin.GeneratedPassword)}[/]  (shown once)");

            var seeder = services.GetRequiredService<DemoHospitalSeeder>();
            if (await seeder.RegistryContentsAsync(ct) is { } existing)
            {
                AnsiConsole.MarkupLine($"[yellow]Demo data skipped:[/] the registry already has data ({Markup.Escape(existing)}). Demo data is only seeded into an empty registry.");
                return 0;
            }

            DemoSeedResult result = null!;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"Seeding the {demoSize.Name} demo hospital", maxValue: 1);
                    var progress = new BarProgress(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                        task.Description = $"{demoSize.Name}: {p.Stage}";
                    });
                    result = await seeder.SeedAsync(demoSize, demoSeed, demoPassword, progress, ct);
                    task.Value = task.MaxValue;
                });

            if (!result.Seeded)
            {
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(result.Message)}[/]");
                return 0;
            }
            AnsiConsole.MarkupLine($"[green]{Markup.Escape(result.Message)}[/] {result.Departments} departments, {result.Staff} staff, " +
                $"{result.Patients:N0} patients, {result.Encounters:N0} encounters in {result.Elapsed.TotalSeconds:F1} s.");
            if (result.Logins.Count > 0)
            {
                var table = new Table().AddColumns("Demo login", "Role", "", "Password");
                foreach (var l in result.Logins) table.AddRow(l.Email, l.Role, l.Description, Markup.Escape(demoPassword));
                AnsiConsole.Write(table);
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>Updates the bar on the seeding thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class BarProgress(Action<DemoProgress> update) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => update(value);
    }
}
