using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TrustBridge.Bench;

/// <summary>
/// Time from starting the built web app (Release) on an already migrated SQLite database to its first 200 from /health,
/// median of several runs. A first, untimed start migrates the database and creates the administrator.
/// </summary>
public static class StartupBenchmark
{
    public static async Task<int> RunAsync(int runs)
    {
        var root = BenchmarkReport.RepoRoot();
        var dll = Path.Combine(root, "src", "TrustBridge.Web", "bin", "Release", "net10.0", "TrustBridge.Web.dll");
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"{dll} not found: build it first (dotnet build -c Release src/TrustBridge.Web).");
            return 1;
        }
        var folder = Directory.CreateTempSubdirectory("tb_bench_startup_").FullName;
        try
        {
            var db = Path.Combine(folder, "startup.db");
            Console.WriteLine($"Warm-up start (migrates {db})…");
            await StartAndStopAsync(dll, db);
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var t = await StartAndStopAsync(dll, db);
                times.Add(t.TotalMilliseconds);
                Console.WriteLine($"run {i + 1}: {t.TotalMilliseconds:N0} ms");
            }
            times.Sort();
            var median = times[times.Count / 2];
            var lines = new List<string>
            {
                "`dotnet run -c Release --project bench/TrustBridge.Bench -- startup`",
                "",
                $"Process start of `dotnet src/TrustBridge.Web/bin/Release/net10.0/TrustBridge.Web.dll` on a migrated SQLite database to the first 200 from `/health`:",
                $"**median {median:N0} ms** of {runs} runs (all: {string.Join(", ", times.Select(t => $"{t:N0}"))} ms).",
            };
            BenchmarkReport.WriteSection("startup", "Web app startup", lines);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static async Task<TimeSpan> StartAndStopAsync(string dll, string db)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__TrustBridge"] = $"Data Source={db}";
        start.Environment["Database__Provider"] = "sqlite";
        start.Environment["Bootstrap__AdminEmail"] = "admin@bench.local";
        start.Environment["Bootstrap__AdminPassword"] = "Bench-Admin-1";
        start.Environment["Demo__Size"] = "none";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (process.HasExited) throw new InvalidOperationException($"The web app exited with {process.ExitCode} before answering /health.");
                try
                {
                    using var resp = await http.GetAsync($"http://127.0.0.1:{port}/health");
                    if (resp.StatusCode == HttpStatusCode.OK) return watch.Elapsed;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(10);
            }
            throw new TimeoutException("The web app did not answer /health within 60 s.");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
