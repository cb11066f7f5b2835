using F = Hl7.Fhir.Model;

namespace TrustBridge.Web.Features.Fhir;

/// <summary>
/// One page of a FHIR searchset: total, self / next / previous links carrying the search's own parameters, and the
/// entries as matches. <c>_count</c> defaults to 100 and is at most 1000; <c>_page</c> starts at 1.
/// </summary>
public sealed class FhirSearchset
{
    public const int DefaultCount = 100, MaxCount = 1000;

    private readonly string _self;

    public FhirSearchset(HttpRequest request, int? count, int? page)
    {
        Count = Math.Clamp(count ?? DefaultCount, 1, MaxCount);
        Page = Math.Max(1, page ?? 1);
        _self = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
    }

    public int Count { get; }
    public int Page { get; }
    public int Skip => (Page - 1) * Count;

    /// <param name="parameters">The search's parameters other than _count and _page, already escaped (name=value).</param>
    public F.Bundle Bundle(int total, IEnumerable<F.Resource> resources, DateTime utcNow, IEnumerable<string>? parameters = null)
    {
        var kept = (parameters ?? []).ToList();
        string Link(int p) => $"{_self}?{string.Join("&", kept.Append($"_count={Count}").Append($"_page={p}"))}";
        var bundle = new F.Bundle
        {
            Id = Guid.NewGuid().ToString("n"), Type = F.Bundle.BundleType.Searchset, Total = total,
            Meta = new F.Meta { LastUpdated = new DateTimeOffset(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc)) },
        };
        bundle.Link.Add(new F.Bundle.LinkComponent { Relation = "self", Url = Link(Page) });
        if (Skip + Count < total) bundle.Link.Add(new F.Bundle.LinkComponent { Relation = "next", Url = Link(Page + 1) });
        if (Page > 1) bundle.Link.Add(new F.Bundle.LinkComponent { Relation = "previous", Url = Link(Page - 1) });
        foreach (var r in resources)
            bundle.Entry.Add(new F.Bundle.EntryComponent { FullUrl = $"{_self}/{r.Id}", Resource = r, Search = new F.Bundle.SearchComponent { Mode = F.Bundle.SearchEntryMode.Match } });
        return bundle;
    }

    public static IEnumerable<string> LastUpdatedParameters(IEnumerable<string> values) => values.Select(v => $"_lastUpdated={Uri.EscapeDataString(v)}");
}
