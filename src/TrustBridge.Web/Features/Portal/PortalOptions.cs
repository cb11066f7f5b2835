namespace TrustBridge.Web.Features.Portal;

/// <summary>Settings of the public portal (section Portal).</summary>
public sealed class PortalOptions
{
    /// <summary>A department's result is published from this many completed surveys in the period (PORTAL.md).</summary>
    public int MinPublishedN { get; set; } = 30;
    /// <summary>Quarters of trend shown on a department page.</summary>
    public int TrendQuarters { get; set; } = 4;
    /// <summary>How long a public page stays in the output cache (publishing evicts it at once).</summary>
    public int CacheSeconds { get; set; } = 60;
    /// <summary>Address of the portal in the sitemap, canonical links and SMS (defaults to the request's).</summary>
    public string? PublicBaseUrl { get; set; }
}
