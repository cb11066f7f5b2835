using TrustBridge.Core.Calendar;

namespace TrustBridge.Core.Tests.Calendar;

public class QuartersTests
{
    [Theory]
    [InlineData("2026-11-22", "2026-07-01", "2026-09-30")]
    [InlineData("2026-10-01", "2026-07-01", "2026-09-30")]
    [InlineData("2026-01-01", "2025-10-01", "2025-12-31")]
    [InlineData("2026-06-30", "2026-01-01", "2026-03-31")]
    public void The_last_complete_quarter_is_the_one_before_today(string today, string from, string to) =>
        Quarters.LastComplete(DateOnly.Parse(today)).ShouldBe((DateOnly.Parse(from), DateOnly.Parse(to)));
}
