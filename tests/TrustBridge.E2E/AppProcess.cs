using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace TrustBridge.E2E;

/// <summary>The E2E fixtures' web app, run as a separate process: waiting for it to answer /health, and shutting it down.</summary>
internal static class AppProcess
{
    public static async Task WaitForHealthAsync(string baseUrl, Process process, Func<string> log, TimeSpan limit, string name)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The {name} exited:\n" + log());
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The {name} did not answer /health within {limit.TotalSeconds:0} s:\n" + log());
    }

    /// <summary>Closes the browser, ends the app's process tree and deletes its SQLite database files.</summary>
    public static async Task ShutDownAsync(IBrowser? browser, IPlaywright? playwright, Process? process, string dbFile)
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { dbFile, dbFile + "-wal", dbFile + "-shm" })
            try { File.Delete(f); } catch (IOException) { }
    }
}
