using TrustBridge.Core.Privacy;

namespace TrustBridge.Core.Tests.Privacy;

public class ChineseMobileTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("008613812345678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    public void Normalizes_common_spellings(string raw, string expected) => ChineseMobile.Normalize(raw).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("12812345678")] // no carrier uses 12x
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("010-12345678")] // a landline
    [InlineData("138abcd5678")]
    public void Rejects_what_is_not_a_mainland_mobile(string raw) => ChineseMobile.Normalize(raw).ShouldBeNull();

    [Fact]
    public void Masks_as_138_stars_1234() => ChineseMobile.Mask("13812341234").ShouldBe("138****1234");
}
