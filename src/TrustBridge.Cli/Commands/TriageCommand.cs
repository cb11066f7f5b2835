using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TrustBridge.Core.Triage;
using TrustBridge.Web.Data;

namespace TrustBridge.Cli.Commands;

/// <summary><c>trustbridge triage train</c>: builds the linear triage model file, reproducibly (issue 9, ADR 010).</summary>
public static class TriageCommand
{
    public static Command Create()
    {
        var cmd = new Command("triage", "Work with the triage model.");
        var train = new Command("train", "Train the linear triage model on the seed corpus (plus, with --overrides, the staff overrides and second-look decisions in the database) and write it as a TSV file.");
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model (default: src/TrustBridge.Core/Triage/triage-model.tsv under the current folder)." };
        var overrides = new Option<bool>("--overrides") { Description = "Add the database's triage_overrides (type, category and risk as staff decided)." };
        train.Options.Add(output);
        train.Options.Add(overrides);
        train.SetAction(async (parse, ct) =>
        {
            var extra = new List<LabelledText>();
            if (parse.GetValue(overrides))
            {
                await using var sp = CliHost.Services(parse);
                await CliHost.MigrateAsync(sp, ct);
                await using var scope = CliHost.Scope(sp);
                var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
                extra = await db.TriageOverrides.AsNoTracking().OrderBy(o => o.Id)
                    .Select(o => new LabelledText(o.Text, o.Type, o.Category, o.RiskLevel)).ToListAsync(ct);
            }
            var path = parse.GetValue(output)?.FullName ?? Path.Combine(Environment.CurrentDirectory, "src", "TrustBridge.Core", "Triage", "triage-model.tsv");
            var model = TriageModel.TrainLinear(JiebaWordSegmenter.Default, extra);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false))) model.Write(writer);
            AnsiConsole.MarkupLine($"[green]Triage model written:[/] {Markup.Escape(path)} ({model.FeatureCount:N0} features, {TriageSeedCorpus.Texts.Count:N0} seed texts + {extra.Count:N0} overrides)");
            return 0;
        });
        cmd.Subcommands.Add(train);
        return cmd;
    }
}
