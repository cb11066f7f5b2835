using TrustBridge.Core.Privacy;

namespace TrustBridge.Core.Tests.Privacy;

public class ChineseIdNumberTests
{
    // The GB 11643-1999 standard's own example number.
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    public void Accepts_numbers_with_a_correct_check_character(string id) => ChineseIdNumber.IsValid(id).ShouldBeTrue();

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("11010519491331002X")] // month 13
    [InlineData("11010519490230002X")] // no 30 February... check char recomputed below
    [InlineData("1101051949123100")]
    public void Rejects_bad_numbers(string id) => ChineseIdNumber.IsValid(id).ShouldBeFalse();

    [Fact]
    public void Impossible_birth_date_is_rejected_even_with_a_matching_check_character()
    {
        var first17 = "11010519490230002";
        var id = first17 + ChineseIdNumber.CheckCharacter(first17);
        ChineseIdNumber.IsValid(id).ShouldBeFalse();
    }

    [Fact]
    public void Check_character_follows_iso7064_mod11_2() => ChineseIdNumber.CheckCharacter("11010519491231002").ShouldBe('X');

    [Fact]
    public void Normalizes_a_lower_case_x() => ChineseIdNumber.Normalize(" 11010519491231002x ").ShouldBe("11010519491231002X");

    [Fact]
    public void Masks_all_but_region_prefix_and_last_four() => ChineseIdNumber.Mask("11010519491231002X").ShouldBe("110***********002X");
}
