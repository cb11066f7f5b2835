using System.CommandLine;
using Spectre.Console;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TrustBridge.Cli.Commands;

public static class AuditCommand
{
    private const string VerifyDescription =
        "Check the keyed hash chain of the audit log against the latest checkpoint; exit code 1 names the first altered, inserted or missing row or the missing tail.";

    private static readonly Option<string?> Checkpoints = new("--checkpoints")
    {
        Description = "the checkpoint file (default: Audit__CheckpointPath, else audit-checkpoints.jsonl beside the SQLite database or in data/)",
    };

    public static Command Create()
    {
        var cmd = new Command("audit", "Work with the audit log.");
        cmd.Subcommands.Add(Verify("verify"));
        return cmd;
    }

    /// <summary>`trustbridge verify-audit`, the same as `trustbridge audit verify`.</summary>
    public static Command CreateVerifyAudit() => Verify("verify-audit");

    private static Command Verify(string name)
    {
        var verify = new Command(name, VerifyDescription);
        verify.Options.Add(Checkpoints);
        verify.SetAction(async (parse, ct) =>
        {
            await using var sp = CliHost.Services(parse);
            await CliHost.MigrateAsync(sp, ct);
            await using var scope = CliHost.Scope(sp);
            var file = parse.GetValue(Checkpoints) is { } path
                ? new AuditCheckpoints(path)
                : AuditCheckpoints.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DatabaseOptions>());
            var result = await AnsiConsole.Status().StartAsync("Verifying the audit log…", async status =>
                await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().RunAsync(file,
                    new Progress<long>(n => status.Status($"Verified {n:N0} rows…")), ct));
            var anchor = result.CheckpointSequence is { } cs ? $" against the checkpoint at row {cs:N0} ({file.Path})" : $" (no checkpoint in {file.Path})";
            var keyed = result.Keyed ? $"keyed from row {result.KeyedFrom}" : "unkeyed: set Audit__Key or DataProtection__MasterKey";
            if (result.IsIntact)
            {
                AnsiConsole.MarkupLine($"[green]Audit log intact:[/] {result.RowsChecked:N0} rows checked{Markup.Escape(anchor)}, {Markup.Escape(keyed)}.");
                return 0;
            }
            AnsiConsole.MarkupLine($"[red]Audit log broken at row {result.FirstBadSequence}:[/] {Markup.Escape(result.Problem ?? "")}");
            return 1;
        });
        return verify;
    }
}
