using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TrustBridge.Web.Features.Imports;

namespace TrustBridge.Cli.Commands;

/// <summary>
/// trustbridge import departments|staff|patients|encounters|fhir FILE [--charset X] [--all-or-nothing] [--source URI] (fhir).
/// Exit code 0: everything imported; 2: some rows rejected (listed); 1: the file could not be imported at all.
/// </summary>
public static class ImportCommand
{
    public const int RowsRejected = 2;
    public const int FileRejected = 1;
    private const int ErrorsShown = 20;

    public static Command Create()
    {
        var cmd = new Command("import", "Import a HIS export: CSV of departments, staff, patients or encounters, or a FHIR R4 JSON bundle.");
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            var file = new Argument<FileInfo>("file") { Description = kind == ImportKind.Fhir ? "FHIR R4 Bundle (JSON)" : "CSV file with a header row" };
            var charset = new Option<string?>("--charset") { Description = "utf-8 or gb18030 (default: detected)" };
            var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "reject the whole file when any row has an error" };
            var sub = new Command(ImportKinds.Name(kind), $"Import {ImportKinds.Name(kind)}.");
            sub.Arguments.Add(file);
            sub.Options.Add(charset);
            sub.Options.Add(allOrNothing);
            Option<string?>? source = null;
            if (kind == ImportKind.Fhir)
            {
                source = new Option<string?>("--source") { Description = "the sending system (a URI): resources without identifier are keyed by their id within it (default: the bundle's meta.source)" };
                sub.Options.Add(source);
            }
            sub.SetAction((parse, ct) => RunAsync(parse, kind, parse.GetValue(file)!, parse.GetValue(charset), parse.GetValue(allOrNothing), ct,
                source is null ? null : parse.GetValue(source)));
            cmd.Subcommands.Add(sub);
        }
        return cmd;
    }

    public static async Task<int> RunAsync(ParseResult parse, ImportKind kind, FileInfo file, string? charset, bool allOrNothing, CancellationToken ct, string? source = null)
    {
        if (!file.Exists)
        {
            AnsiConsole.MarkupLine($"[red]No such file:[/] {Markup.Escape(file.FullName)}");
            return FileRejected;
        }
        await using var sp = CliHost.Services(parse);
        await CliHost.MigrateAsync(sp, ct);
        await using var scope = CliHost.Scope(sp);
        var importer = scope.ServiceProvider.GetRequiredService<ImportRegistryFile>();
        ImportReport report;
        try
        {
            report = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(file.Name), maxValue: Math.Max(1, file.Length));
                    await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                    var progress = new InlineProgress(p =>
                    {
                        task.Value = p.BytesRead;
                        task.Description = $"{Markup.Escape(file.Name)} ({p.RowsRead:N0} rows)";
                    });
                    var result = await importer.RunAsync(kind, stream, charset, new ImportOptions(allOrNothing, file.Name, source), progress, ct);
                    task.Value = task.MaxValue;
                    return result;
                });
        }
        catch (ImportFileProblem problem)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(problem.Title)}:[/] {Markup.Escape(problem.Message)}");
            return FileRejected;
        }
        Print(report);
        return report.Rejected == 0 ? 0 : RowsRejected;
    }

    public static void Print(ImportReport r)
    {
        var summary = new Table().AddColumns("kind", "inserted", "updated", "unchanged", "rejected", "seconds");
        summary.AddRow(r.Kind, $"{r.Inserted:N0}", $"{r.Updated:N0}", $"{r.Unchanged:N0}", $"{r.Rejected:N0}", $"{r.Seconds:N1}");
        AnsiConsole.Write(summary);
        if (r.Skipped is { Count: > 0 } skipped)
            AnsiConsole.MarkupLine($"Skipped resources: {Markup.Escape(string.Join(", ", skipped.Select(kv => $"{kv.Key} {kv.Value}")))}");
        if (!r.Applied) AnsiConsole.MarkupLine("[red]--all-or-nothing: rows were rejected, so nothing was written.[/]");
        if (r.TotalErrors == 0) return;
        var errors = new Table().AddColumns("line", "column", "value", "problem");
        foreach (var e in r.Errors.Take(ErrorsShown))
            errors.AddRow(Markup.Escape(e.Line?.ToString() ?? $"entry {e.Entry} {e.ResourceId}"), Markup.Escape(e.Column ?? ""), Markup.Escape(e.Value ?? ""), Markup.Escape(e.Message));
        AnsiConsole.Write(errors);
        if (r.TotalErrors > ErrorsShown) AnsiConsole.MarkupLine($"… and {r.TotalErrors - ErrorsShown:N0} more row errors.");
    }

    private sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
