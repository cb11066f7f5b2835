using System.CommandLine;
using Spectre.Console;
using TrustBridge.Web.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace TrustBridge.Cli.Commands;

public static class AuditCommand
{
    public static Command Create()
    {
        var cmd = new Command("audit", "Work with the audit log.");
        var verify = new Command("verify", "Check the hash chain of the audit log; exit code 1 names the first altered, inserted or missing row.");
        verify.SetAction(async (parse, ct) =>
        {
            await using var sp = CliHost.Services(parse);
            await CliHost.MigrateAsync(sp, ct);
            await using var scope = CliHost.Scope(sp);
            var result = await AnsiConsole.Status().StartAsync("Verifying the audit log…", async status =>
                await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().RunAsync(
                    new Progress<long>(n => status.Status($"Verified {n:N0} rows…")), ct));
            if (result.IsIntact)
            {
                AnsiConsole.MarkupLine($"[green]Audit log intact:[/] {result.RowsChecked:N0} rows checked.");
                return 0;
            }
            AnsiConsole.MarkupLine($"[red]Audit log broken at row {result.FirstBadSequence}:[/] {Markup.Escape(result.Problem ?? "")}");
            return 1;
        });
        cmd.Subcommands.Add(verify);
        return cmd;
    }
}
