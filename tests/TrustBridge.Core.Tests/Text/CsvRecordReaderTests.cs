using TrustBridge.Core.Text;

namespace TrustBridge.Core.Tests.Text;

public class CsvRecordReaderTests
{
    private static List<(int Line, string[] Fields)> ReadAll(string text)
    {
        var reader = new CsvRecordReader(new StringReader(text));
        var rows = new List<(int, string[])>();
        while (reader.Read()) rows.Add((reader.Line, reader.Fields.ToArray()));
        return rows;
    }

    [Fact]
    public void Records_carry_the_physical_line_they_start_on_even_after_a_multiline_field()
    {
        var rows = ReadAll("a,b\r\n1,\"two\nlines\"\r\n\r\n3,\"say \"\"hi\"\"\"\n");
        rows.Select(r => r.Line).ShouldBe([1, 2, 5]);
        rows[1].Fields.ShouldBe(["1", "two\nlines"]);
        rows[2].Fields.ShouldBe(["3", "say \"hi\""]);
    }

    [Fact]
    public void Empty_fields_and_a_missing_final_newline_are_read()
    {
        var rows = ReadAll("x,,z\n,,");
        rows[0].Fields.ShouldBe(["x", "", "z"]);
        rows[1].Fields.ShouldBe(["", "", ""]);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_not_part_of_the_first_header()
    {
        ReadAll("\uFEFFcode,name\n")[0].Fields[0].ShouldBe("code");
    }

    [Fact]
    public void An_unterminated_quote_names_the_line_it_was_opened_on()
    {
        var ex = Should.Throw<CsvFormatException>(() => ReadAll("a,b\n1,2\n3,\"never closed\n4,5\n"));
        ex.Line.ShouldBe(3);
        ex.Reason.ShouldContain("unterminated");
    }

    [Fact]
    public void Text_after_a_closing_quote_is_a_format_error()
    {
        Should.Throw<CsvFormatException>(() => ReadAll("a\n\"x\"y\n")).Line.ShouldBe(2);
    }

    [Fact]
    public void Fields_longer_than_the_read_buffer_are_whole()
    {
        var big = new string('字', 100_000);
        var rows = ReadAll($"a,b\n{big},\"{big}\"\n");
        rows[1].Fields[0].Length.ShouldBe(100_000);
        rows[1].Fields[1].Length.ShouldBe(100_000);
    }
}
