using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TrustBridge.Web.Features.Imports;
using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Cli.Commands;

/// <summary>trustbridge import responses --instrument CODE FILE [--charset X] [--all-or-nothing]; exit codes as for the HIS imports.</summary>
public static class ImportResponsesCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV: response_id, encounter_date, department_code, doctor_code, source, then item codes" };
        var instrument = new Option<string>("--instrument") { Description = "instrument code, e.g. trust-10", Required = true };
        var charset = new Option<string?>("--charset") { Description = "utf-8 or gb18030 (default: detected)" };
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "reject the whole file when any row has an error" };
        var cmd = new Command("responses", "Import survey answers of one instrument.");
        cmd.Arguments.Add(file);
        cmd.Options.Add(instrument);
        cmd.Options.Add(charset);
        cmd.Options.Add(allOrNothing);
        cmd.SetAction(async (parse, ct) =>
        {
            var f = parse.GetValue(file)!;
            if (!f.Exists)
            {
                AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(f.FullName)}");
                return ImportCommand.FileRejected;
            }
            await using var sp = CliHost.Services(parse);
            await CliHost.MigrateAsync(sp, ct);
            await using var scope = CliHost.Scope(sp);
            await scope.ServiceProvider.GetRequiredService<InstrumentCatalog>().EnsureShippedAsync(ct);
            var importer = scope.ServiceProvider.GetRequiredService<ImportSurveyResponses>();
            try
            {
                var report = await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask(Markup.Escape(f.Name), maxValue: Math.Max(1, f.Length));
                        await using var stream = new FileStream(f.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                        var result = await importer.RunAsync(parse.GetValue(instrument)!, stream, parse.GetValue(charset),
                            new ImportOptions(parse.GetValue(allOrNothing), f.Name), new ProgressBar(task, f.Name), ct);
                        task.Value = task.MaxValue;
                        return result;
                    });
                ImportCommand.Print(report);
                return report.Rejected == 0 ? 0 : ImportCommand.RowsRejected;
            }
            catch (ImportFileProblem problem)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem.Title)}:[/] {Markup.Escape(problem.Message)}");
                return ImportCommand.FileRejected;
            }
        });
        return cmd;
    }

    private sealed class ProgressBar(ProgressTask task, string name) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress p)
        {
            task.Value = p.BytesRead;
            task.Description = $"{Markup.Escape(name)} ({p.RowsRead:N0} rows)";
        }
    }
}
