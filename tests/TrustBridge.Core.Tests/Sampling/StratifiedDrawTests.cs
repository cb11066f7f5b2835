using TrustBridge.Core.Sampling;

namespace TrustBridge.Core.Tests.Sampling;

public class StratifiedDrawTests
{
    private static List<EncounterCandidate> Population(string dept, int n, int firstId) => Enumerable.Range(0, n)
        .Select(i => new EncounterCandidate(firstId + i, firstId + i, dept, false, new DateOnly(2026, 10, 1), new DateOnly(1970, 1, 1), false, null, true, false, null))
        .ToList();

    [Fact]
    public void Sizes_each_department_by_the_formula()
    {
        var eligible = Population("A", 1000, 0).Concat(Population("B", 500, 10_000)).ToList();
        var result = StratifiedDraw.Draw(eligible, margin: 0.05, responseRate: 0.5, seed: 42);
        var a = result.Strata.Single(s => s.DepartmentCode == "A");
        a.CompletesNeeded.ShouldBe(278);
        a.Invitations.ShouldBe(556);
        result.Strata.Single(s => s.DepartmentCode == "B").Invitations.ShouldBe(436);
        result.Drawn.Count(d => d.DepartmentCode == "A").ShouldBe(556);
        result.Drawn.Select(d => d.PatientId).Distinct().Count().ShouldBe(result.Drawn.Count);
    }

    [Fact]
    public void The_same_seed_draws_the_same_sample_and_another_seed_does_not()
    {
        var eligible = Population("A", 1000, 0);
        var first = StratifiedDraw.Draw(eligible, 0.05, 0.5, 7).Drawn.Select(d => d.EncounterId).ToList();
        var again = StratifiedDraw.Draw(eligible.AsEnumerable().Reverse().ToList(), 0.05, 0.5, 7).Drawn.Select(d => d.EncounterId).ToList();
        var other = StratifiedDraw.Draw(eligible, 0.05, 0.5, 8).Drawn.Select(d => d.EncounterId).ToList();
        again.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void Small_departments_invite_everyone()
    {
        var result = StratifiedDraw.Draw(Population("S", 30, 0), 0.05, 0.3, 1);
        result.Drawn.Count.ShouldBe(30);
    }

    [Fact]
    public void The_draw_is_roughly_uniform()
    {
        var eligible = Population("A", 100, 0);
        var hits = new int[100];
        for (var seed = 0; seed < 400; seed++)
            foreach (var d in StratifiedDraw.Draw(eligible, 0.2, 1.0, seed).Drawn) hits[d.EncounterId]++;
        // 400 draws of 20 of 100 (n0 = 24.01 → 20 with the finite population correction): each is drawn about 80 times.
        hits.Min().ShouldBeGreaterThan(45);
        hits.Max().ShouldBeLessThan(120);
    }
}
