using System.Diagnostics;
using System.Net;

namespace TrustBridge.E2E;

/// <summary>Waiting for a web app started as a separate process (the E2E fixtures) to answer /health.</summary>
internal static class AppHealth
{
    public static async Task WaitAsync(string baseUrl, Process process, Func<string> log, TimeSpan limit, string name)
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
}
