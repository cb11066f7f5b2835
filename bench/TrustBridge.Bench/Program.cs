using TrustBridge.Bench;

// dotnet run -c Release --project bench/TrustBridge.Bench -- import --rows 1000000 --provider sqlite|postgres [--pg "conn"]
// dotnet run -c Release --project bench/TrustBridge.Bench -- answers --rows 1000000 --provider sqlite|postgres [--pg "conn"] [--no-report]
// dotnet run -c Release --project bench/TrustBridge.Bench -- submit --requests 20000 --clients 64 --provider sqlite|postgres [--pg "conn"]
// dotnet run -c Release --project bench/TrustBridge.Bench -- feedback --requests 20000 --clients 64 --cases 100000 --provider sqlite|postgres [--pg "conn"]
// dotnet run -c Release --project bench/TrustBridge.Bench -- startup [--runs 5]
// dotnet run -c Release --project bench/TrustBridge.Bench -- triage [--texts 1000] [--chars 200] [--rounds 5]
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

switch (args.FirstOrDefault())
{
    case "import":
        var rows = int.Parse(Option("--rows") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture);
        var provider = (Option("--provider") ?? "sqlite").ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres")) { Console.Error.WriteLine("--provider must be sqlite or postgres"); return 1; }
        return await ImportBenchmark.RunAsync(rows, provider, Option("--pg"));
    case "answers":
    {
        var answersProvider = (Option("--provider") ?? "sqlite").ToLowerInvariant();
        if (answersProvider is not ("sqlite" or "postgres")) { Console.Error.WriteLine("--provider must be sqlite or postgres"); return 1; }
        return await AnswersBenchmark.RunAsync(int.Parse(Option("--rows") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture), answersProvider,
            Option("--pg"), report: !args.Contains("--no-report"));
    }
    case "submit":
    {
        var submitProvider = (Option("--provider") ?? "sqlite").ToLowerInvariant();
        if (submitProvider is not ("sqlite" or "postgres")) { Console.Error.WriteLine("--provider must be sqlite or postgres"); return 1; }
        return await SubmitBenchmark.RunAsync(int.Parse(Option("--requests") ?? "20000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option("--clients") ?? "64", System.Globalization.CultureInfo.InvariantCulture), submitProvider, Option("--pg"));
    }
    case "feedback":
    {
        var feedbackProvider = (Option("--provider") ?? "sqlite").ToLowerInvariant();
        if (feedbackProvider is not ("sqlite" or "postgres")) { Console.Error.WriteLine("--provider must be sqlite or postgres"); return 1; }
        return await FeedbackBenchmark.RunAsync(int.Parse(Option("--requests") ?? "20000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option("--clients") ?? "64", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option("--cases") ?? "100000", System.Globalization.CultureInfo.InvariantCulture), feedbackProvider, Option("--pg"));
    }
    case "startup":
        return await StartupBenchmark.RunAsync(int.Parse(Option("--runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture));
    case "triage":
        return TriageBenchmark.Run(int.Parse(Option("--texts") ?? "1000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option("--chars") ?? "200", System.Globalization.CultureInfo.InvariantCulture), int.Parse(Option("--rounds") ?? "5", System.Globalization.CultureInfo.InvariantCulture));
    default:
        Console.Error.WriteLine("usage: triage [--texts 1000] [--chars 200] [--rounds 5] |  import|answers --rows N --provider sqlite|postgres [--pg CONN] | submit --requests N --clients N --provider sqlite|postgres | feedback --requests N --clients N --cases N --provider sqlite|postgres | startup [--runs 5]");
        return 1;
}
