using System.CommandLine;
using TrustBridge.Cli.Commands;

namespace TrustBridge.Cli;

public static class TrustBridgeCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand("trustbridge — 医患信桥 command line: migrate, import, demo data, audit verification.");
        root.Options.Add(CliHost.Provider);
        root.Options.Add(CliHost.Connection);
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(AuditCommand.CreateVerifyAudit());
        var import = ImportCommand.Create();
        import.Subcommands.Add(ImportResponsesCommand.Create());
        root.Subcommands.Add(import);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(TriageCommand.Create());
        return root;
    }

    public static Task<int> Main(string[] args) => Build().Parse(args).InvokeAsync();
}
