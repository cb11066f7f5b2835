using TrustBridge.Core.Audit;

namespace TrustBridge.Core.Tests.Audit;

public class AuditChainTests
{
    private static List<(AuditRecord Record, string Hash)> Chain(int n)
    {
        var rows = new List<(AuditRecord, string)>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var r = new AuditRecord(i, new DateTime(2026, 11, 22, 8, 0, i, DateTimeKind.Utc), "u1", "office@h.cn", "updated", "department", $"D{i}", "{\"name\":\"心内科\"}", "10.0.0.1", previous);
            var h = AuditChain.Hash(r);
            rows.Add((r, h));
            previous = h;
        }
        return rows;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var result = AuditChain.Verify(Chain(5));
        result.IsIntact.ShouldBeTrue();
        result.RowsChecked.ShouldBe(5);
    }

    [Fact]
    public void Hash_is_sha256_hex_and_depends_on_every_field()
    {
        var (r, h) = Chain(1)[0];
        h.Length.ShouldBe(64);
        AuditChain.Hash(r with { Detail = "{}" }).ShouldNotBe(h);
        AuditChain.Hash(r with { RemoteAddress = "10.0.0.2" }).ShouldNotBe(h);
        AuditChain.Hash(r with { AtUtc = r.AtUtc.AddTicks(10) }).ShouldNotBe(h);
        // Field boundaries are unambiguous: moving a character between fields changes the hash.
        AuditChain.Hash(r with { EntityType = "departmentD", EntityId = "1" }).ShouldNotBe(AuditChain.Hash(r with { EntityType = "department", EntityId = "D1" }));
    }

    [Fact]
    public void An_altered_row_is_named()
    {
        var rows = Chain(5);
        rows[2] = (rows[2].Record with { Detail = "{\"name\":\"changed\"}" }, rows[2].Hash);
        var result = AuditChain.Verify(rows);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(3);
        result.Problem!.ShouldContain("altered");
    }

    [Fact]
    public void A_deleted_row_is_named_as_missing()
    {
        var rows = Chain(5);
        rows.RemoveAt(1);
        var result = AuditChain.Verify(rows);
        result.FirstBadSequence.ShouldBe(2);
        result.Problem!.ShouldContain("missing");
    }

    [Fact]
    public void An_inserted_row_with_renumbered_successors_breaks_the_link()
    {
        var rows = Chain(4);
        // A forger inserts a row after row 2 and renumbers the rest, recomputing the forged row's own hash.
        var forged = rows[1].Record with { Sequence = 3, Action = "created", PreviousHash = rows[1].Hash };
        var forgedHash = AuditChain.Hash(forged);
        var tail = rows.Skip(2).Select(x => (x.Record with { Sequence = x.Record.Sequence + 1 }, x.Hash));
        var tampered = rows.Take(2).Append((forged, forgedHash)).Concat(tail).ToList();
        var result = AuditChain.Verify(tampered);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(4);
    }
}
