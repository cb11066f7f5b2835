namespace TrustBridge.Web.Features.Demo;

/// <summary>How big a demo hospital to seed: small for trying things out, large for benchmarks.</summary>
public sealed record DemoSize(string Name, int Patients, int Encounters)
{
    public static readonly DemoSize Small = new("small", 8_000, 20_000);
    public static readonly DemoSize Large = new("large", 200_000, 1_000_000);

    public const int DefaultSeed = 20261122;
    public const string DefaultPassword = "Demo-2026!";

    /// <summary>none (or empty) → null; small or large → the size; anything else is a configuration error.</summary>
    public static DemoSize? Parse(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "none" or "off" or "false" => null,
        "small" => Small,
        "large" => Large,
        var other => throw new InvalidOperationException($"Demo:Size must be none, small or large, not '{other}'."),
    };
}
