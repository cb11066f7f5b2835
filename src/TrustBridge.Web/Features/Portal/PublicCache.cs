using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace TrustBridge.Web.Features.Portal;

/// <summary>
/// Public pages are output-cached (per language and text size) for Portal:CacheSeconds, and every publish evicts
/// them at once. The store is per process: another web node's copy ages out within the same seconds.
/// </summary>
public sealed class PublicCache(IOutputCacheStore store)
{
    public const string Policy = "public-portal";
    public const string Tag = "public-portal";
    public const string TextSizeCookie = "tb-text";

    public Task EvictAsync(CancellationToken ct = default) => store.EvictByTagAsync(Tag, ct).AsTask();

    public static void Configure(OutputCacheOptions o, int seconds) =>
        o.AddPolicy(Policy, b => b.Expire(TimeSpan.FromSeconds(Math.Max(1, seconds))).Tag(Tag).SetVaryByQuery("*")
            .VaryByValue(http => new KeyValuePair<string, string>("ui",
                CultureInfo.CurrentUICulture.Name + "|" + (http.Request.Cookies[TextSizeCookie] == "large" ? "large" : "normal"))));
}
