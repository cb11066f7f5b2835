using TrustBridge.Core.Calendar;

namespace TrustBridge.Core.Tests.Calendar;

public class PlausibleDatesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("2026-12-03", true)]
    [InlineData("2036-12-03", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2036-12-04", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void A_date_is_plausible_from_1900_to_ten_years_ahead(string date, bool allowed) =>
        PlausibleDates.Allows(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Today).ShouldBe(allowed);

    [Fact]
    public void The_explanation_names_the_field_and_the_range() =>
        PlausibleDates.Explain("to", Today).ShouldBe("to must lie between 1900-01-01 and 2036-12-03.");
}
