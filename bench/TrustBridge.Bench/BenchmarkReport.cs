using System.Globalization;
using System.Runtime.InteropServices;

namespace TrustBridge.Bench;

/// <summary>Writes one section of BENCHMARKS.md (replacing an earlier run of the same benchmark) with the machine it ran on.</summary>
public static class BenchmarkReport
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrustBridge.slnx"))) return dir.FullName;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrustBridge.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository (TrustBridge.slnx not found).");
    }

    public static string Machine()
    {
        var cpu = ReadLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadLine("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var mem = long.TryParse(memKb, out var kb) ? $"{kb / 1024.0 / 1024.0:N1} GiB RAM" : "RAM unknown";
        return $"{Environment.ProcessorCount} CPUs ({cpu}), {mem}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    public static void WriteSection(string id, string title, IEnumerable<string> lines)
    {
        var path = Path.Combine(RepoRoot(), "BENCHMARKS.md");
        var text = File.Exists(path)
            ? File.ReadAllText(path)
            : "# Benchmarks\n\nWritten by `bench/TrustBridge.Bench` (`dotnet run -c Release --project bench/TrustBridge.Bench -- import|answers|submit|startup …`); each run replaces its own section.\n";
        var start = $"<!-- bench:{id} -->";
        var end = $"<!-- /bench:{id} -->";
        var section = string.Join("\n", new[] { start, $"## {title}", "" }
            .Concat(lines)
            .Concat(["", $"Measured {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC on {Machine()}.", end]));
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + section + text[(to + end.Length)..]
            : text.TrimEnd('\n') + "\n\n" + section + "\n";
        File.WriteAllText(path, text);
        Console.WriteLine($"Wrote section '{id}' of {path}");
    }

    private static string? ReadLine(string file, string key)
    {
        if (!File.Exists(file)) return null;
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}
