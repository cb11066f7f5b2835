using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TrustBridge.Web.Data;

namespace TrustBridge.Cli.Commands;

public static class MigrateCommand
{
    public static Command Create()
    {
        var cmd = new Command("migrate", "Apply the database migrations (also done when the web app starts).");
        cmd.SetAction(async (parse, ct) =>
        {
            await using var sp = CliHost.Services(parse);
            await using var scope = sp.CreateAsyncScope();
            var applied = await scope.ServiceProvider.GetRequiredService<Migrator>().ApplyAsync(ct);
            AnsiConsole.MarkupLine(applied.Count == 0 ? "[green]Database is up to date.[/]" : $"[green]Applied {applied.Count} migration(s):[/] {string.Join(", ", applied)}");
            return 0;
        });

        var script = new Command("model-script", "Print the SQL the EF model would create (a starting point for the next migration script).");
        script.SetAction(async (parse, ct) =>
        {
            await using var sp = CliHost.Services(parse);
            await using var scope = sp.CreateAsyncScope();
            Console.WriteLine(scope.ServiceProvider.GetRequiredService<TrustDbContext>().Database.GenerateCreateScript());
            await Task.CompletedTask;
            return 0;
        });
        cmd.Subcommands.Add(script);
        return cmd;
    }
}
