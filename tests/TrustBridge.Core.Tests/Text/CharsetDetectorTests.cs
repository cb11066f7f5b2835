using System.Text;
using TrustBridge.Core.Text;

namespace TrustBridge.Core.Tests.Text;

public class CharsetDetectorTests
{
    private const string Sample = "code,name\n0101,心血管内科\n0102,呼吸与危重症医学科\n";

    [Fact]
    public void Utf8_without_bom_is_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample);
        CharsetDetector.Detect(bytes, sampleIsWholeFile: true).WebName.ShouldBe("utf-8");
    }

    [Fact]
    public void Utf8_with_bom_is_utf8()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample)).ToArray();
        CharsetDetector.Detect(bytes, sampleIsWholeFile: true).WebName.ShouldBe("utf-8");
    }

    [Fact]
    public void Gb18030_bytes_are_detected_and_decode_back_to_the_text()
    {
        var bytes = CharsetDetector.Gb18030.GetBytes(Sample);
        var encoding = CharsetDetector.Detect(bytes, sampleIsWholeFile: true);
        encoding.CodePage.ShouldBe(54936);
        encoding.GetString(bytes).ShouldBe(Sample);
    }

    [Fact]
    public void A_multibyte_character_cut_by_the_end_of_a_partial_sample_is_still_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("科室");
        CharsetDetector.IsUtf8(bytes.AsSpan(0, 4), isWhole: false).ShouldBeTrue();
        CharsetDetector.IsUtf8(bytes.AsSpan(0, 4), isWhole: true).ShouldBeFalse();
    }

    [Theory]
    [InlineData("utf-8", 65001)]
    [InlineData("UTF8", 65001)]
    [InlineData("gb18030", 54936)]
    [InlineData("GBK", 54936)]
    public void Named_charsets_resolve(string name, int codePage) => CharsetDetector.FromName(name)!.CodePage.ShouldBe(codePage);

    [Fact]
    public void Unknown_charset_names_are_refused() => CharsetDetector.FromName("latin-9").ShouldBeNull();
}
