using System.CommandLine;
using TrustBridge.Cli;
using TrustBridge.Cli.Commands;

var root = new RootCommand("trustbridge — 医患信桥 command line: migrate, import, demo data, audit verification.");
root.Options.Add(CliHost.Provider);
root.Options.Add(CliHost.Connection);
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
return await root.Parse(args).InvokeAsync();
