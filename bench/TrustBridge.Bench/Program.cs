using TrustBridge.Bench;

// dotnet run -c Release --project bench/TrustBridge.Bench -- import --rows 1000000 --provider sqlite|postgres [--pg "conn"]
// dotnet run -c Release --project bench/TrustBridge.Bench -- startup [--runs 5]
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

switch (args.FirstOrDefault())
{
    case "import":
        var rows = int.Parse(Option("--rows") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture);
        var provider = (Option("--provider") ?? "sqlite").ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres")) { Console.Error.WriteLine("--provider must be sqlite or postgres"); return 1; }
        return await ImportBenchmark.RunAsync(rows, provider, Option("--pg"));
    case "startup":
        return await StartupBenchmark.RunAsync(int.Parse(Option("--runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture));
    default:
        Console.Error.WriteLine("usage: import --rows N --provider sqlite|postgres [--pg CONN] | startup [--runs 5]");
        return 1;
}
