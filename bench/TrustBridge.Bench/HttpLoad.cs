using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace TrustBridge.Bench;

/// <summary>What a load run got back: how many of each status code (599: the connection failed), and how long it took.</summary>
public sealed record HttpLoadResult(int[] Statuses, TimeSpan Elapsed, TimeSpan WebCpu)
{
    public int Created => Statuses[(int)HttpStatusCode.Created];
    public int Sent => Statuses.Sum();
    public double CreatedPerSecond => Created / Elapsed.TotalSeconds;

    /// <summary>Every answer that was not a 201, e.g. "3× 409, 1× connection error".</summary>
    public string Others => string.Join(", ", Statuses.Select((n, code) => (n, code)).Where(x => x.n > 0 && x.code != 201)
        .Select(x => $"{x.n:N0}× {(x.code == 599 ? "connection error" : x.code.ToString(CultureInfo.InvariantCulture))}"));
}

/// <summary>
/// <paramref name="requests"/> requests from <paramref name="clients"/> concurrent clients against the web app process,
/// stopped at <paramref name="limit"/>; also measures the web process's CPU time during the run.
/// </summary>
public static class HttpLoad
{
    public static async Task<HttpLoadResult> RunAsync(WebAppProcess web, int requests, int clients, TimeSpan limit,
        Func<int, CancellationToken, Task<HttpResponseMessage>> send)
    {
        var statuses = new int[600];
        var next = -1;
        using var stop = new CancellationTokenSource(limit);
        var cpuBefore = web.CpuTime();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests && !stop.IsCancellationRequested)
            {
                try
                {
                    using var resp = await send(i, stop.Token);
                    Interlocked.Increment(ref statuses[(int)resp.StatusCode]);
                }
                catch (OperationCanceledException) { }
                catch (HttpRequestException) { Interlocked.Increment(ref statuses[599]); }
            }
        }));
        watch.Stop();
        return new HttpLoadResult(statuses, watch.Elapsed, web.CpuTime() - cpuBefore);
    }
}
