using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Demo;

/// <summary>The web app over a fresh database that seeds the small demo hospital at start-up (Demo:Size=small).</summary>
public class DemoHospitalFactory : TrustBridgeFactory
{
    public const int Seed = 4242;
    public const string Password = "Demo-Test-9";

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
        [("Demo:Size", "small"), ("Demo:Seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Demo:Password", Password)];
}
