namespace TrustBridge.Core.Sampling;

public sealed record StratumPlan(string DepartmentCode, int Eligible, int CompletesNeeded, int Invitations);

public sealed record DrawResult(IReadOnlyList<StratumPlan> Strata, IReadOnlyList<EncounterCandidate> Drawn);

/// <summary>
/// A simple random sample without replacement within each department, sized by <see cref="SampleSize"/>. The draw
/// depends only on the seed and the eligible encounters, so the same seed draws the same sample again.
/// </summary>
public static class StratifiedDraw
{
    public static DrawResult Draw(IReadOnlyList<EncounterCandidate> eligible, double margin, double responseRate, int seed)
    {
        var strata = new List<StratumPlan>();
        var drawn = new List<EncounterCandidate>();
        foreach (var group in eligible.GroupBy(e => e.DepartmentCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.OrderBy(e => e.EncounterId).ToArray();
            var completes = SampleSize.Completes(margin, members.Length);
            var invitations = SampleSize.Invitations(margin, members.Length, responseRate);
            strata.Add(new StratumPlan(group.Key, members.Length, completes, invitations));
            var rng = new Random(StableSeed(seed, group.Key));
            // Partial Fisher–Yates: the first k places become a uniform sample without replacement.
            for (var i = 0; i < invitations; i++)
            {
                var j = rng.Next(i, members.Length);
                (members[i], members[j]) = (members[j], members[i]);
            }
            drawn.AddRange(members.Take(invitations).OrderBy(e => e.EncounterId));
        }
        return new DrawResult(strata, drawn);
    }

    /// <summary>FNV-1a over the department code mixed with the seed: stable across processes, unlike string.GetHashCode.</summary>
    public static int StableSeed(int seed, string key)
    {
        unchecked
        {
            var h = 2166136261u ^ (uint)seed;
            foreach (var ch in key)
            {
                h ^= ch;
                h *= 16777619u;
            }
            return (int)(h & 0x7FFFFFFF);
        }
    }
}
