using TrustBridge.Core.Sampling;

namespace TrustBridge.Core.Tests.Sampling;

public class SampleSizeTests
{
    [Fact]
    public void Pins_the_worked_examples()
    {
        SampleSize.Infinite(0.05).ShouldBe(384.15, 0.005);
        SampleSize.Completes(0.05, 1000).ShouldBe(278);
        SampleSize.Completes(0.05, 500).ShouldBe(218);
    }

    [Fact]
    public void Invitations_are_completes_over_response_rate_capped_by_the_population()
    {
        SampleSize.Invitations(0.05, 1000, 0.4).ShouldBe(695);
        SampleSize.Invitations(0.05, 500, 0.3).ShouldBe(500);
    }
}
