using System.Collections.Concurrent;

namespace TrustBridge.Web.Features.Trust;

/// <summary>
/// Cronbach's α of a report needs every answer string of the period (a full stream at a million answers), while the
/// rest of the report is one GROUP BY. So α is kept in memory per (instrument version, period, source, unit) with a
/// fingerprint of the rows it was computed from: the table's max(id), the report's n, number trusting and Σ score, and an in-process
/// generation bumped whenever an import rewrites stored answers. A new or deleted answer changes max(id) or n; an
/// import that changes answers changes Σ score or the generation. What the fingerprint cannot see (another process
/// rewriting answers so that every score stays the same) is bounded by <see cref="MaxAge"/>. The first report of a
/// period pays the full stream (BENCHMARKS.md shows cold and warm times).
/// </summary>
public sealed class ReliabilityCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    private const int MaxEntries = 256;
    private static long _generation;

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    /// <summary>Called by writers that change stored answers in place (imports of known response ids).</summary>
    public static void AnswersRewritten() => Interlocked.Increment(ref _generation);

    public async Task<double?> GetOrComputeAsync(Key key, Fingerprint fingerprint, Func<Task<double?>> compute)
    {
        var stamp = fingerprint with { Generation = Interlocked.Read(ref _generation) };
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(key, out var hit) && hit.Fingerprint == stamp && now - hit.At < (long)MaxAge.TotalMilliseconds)
            return hit.Alpha;
        var alpha = await compute();
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = new Entry(stamp, alpha, now);
        return alpha;
    }

    public sealed record Key(int InstrumentId, DateOnly From, DateOnly To, string Source, string Unit);
    public sealed record Fingerprint(long MaxId, long N, long Trusting, double SumOfScores, long Generation = 0);
    private sealed record Entry(Fingerprint Fingerprint, double? Alpha, long At);
}
