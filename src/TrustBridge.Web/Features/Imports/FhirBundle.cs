using System.Text.Json;

namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// The entries of a FHIR R4 Bundle (collection, batch or transaction), indexed so references resolve inside the
/// bundle by fullUrl (urn:uuid:…) or Type/id, or by logical identifier to records TrustBridge already has.
/// </summary>
public sealed class FhirBundle
{
    public sealed record Entry(int Index, string Type, string? Id, JsonElement Resource)
    {
        public RowOrigin Origin => new(null, Index, Id is null ? Type : $"{Type}/{Id}");
    }

    private static readonly string[] BundleTypes = ["collection", "batch", "transaction"];
    private readonly Dictionary<string, Entry> _byReference = new(StringComparer.Ordinal);

    public List<Entry> Entries { get; } = [];

    public IEnumerable<Entry> OfType(string type) => Entries.Where(e => e.Type == type);

    public static FhirBundle From(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || root.Str("resourceType") != "Bundle")
            throw ImportFileProblem.Unprocessable("Not a FHIR Bundle", "The JSON must be a FHIR R4 resource with resourceType \"Bundle\".");
        if (root.Str("type") is not { } type || !BundleTypes.Contains(type))
            throw ImportFileProblem.Unprocessable("Unsupported bundle type", $"Bundle.type must be one of {string.Join(", ", BundleTypes)}, not '{root.Str("type")}'.");
        var bundle = new FhirBundle();
        var i = 0;
        foreach (var item in root.Array("entry"))
        {
            var index = i++;
            if (item.Prop("resource") is not { ValueKind: JsonValueKind.Object } resource || resource.Str("resourceType") is not { } rt) continue;
            var entry = new Entry(index, rt, resource.Str("id"), resource);
            bundle.Entries.Add(entry);
            if (item.Str("fullUrl") is { } fullUrl) bundle._byReference.TryAdd(fullUrl, entry);
            if (entry.Id is { } id) bundle._byReference.TryAdd($"{rt}/{id}", entry);
        }
        return bundle;
    }

    /// <summary>The natural key TrustBridge stores for a resource: the MR identifier of a patient, else the first identifier.</summary>
    public static string? NaturalKey(Entry e)
    {
        var identifiers = e.Resource.Array("identifier").ToList();
        if (e.Type == "Patient")
        {
            var mr = identifiers.FirstOrDefault(x => x.Prop("type").Codes().Contains("MR"));
            if (mr.ValueKind == JsonValueKind.Object) return mr.Str("value");
            return identifiers.Where(x => !IsNationalId(x)).Select(x => x.Str("value")).FirstOrDefault(v => v is not null);
        }
        return identifiers.Select(x => x.Str("value")).FirstOrDefault(v => v is not null);
    }

    /// <summary>A resident identity number: type code NI, or the PRC citizen-ID OID 2.16.156.10011.1.3.</summary>
    public static bool IsNationalId(JsonElement identifier) =>
        identifier.Prop("type").Codes().Contains("NI")
        || (identifier.Str("system") is { } system && (system.Contains("2.16.156.10011.1.3", StringComparison.Ordinal) || system.Contains("idcard", StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// Resolves a Reference to the natural key of a resource of <paramref name="type"/>: false with a reason when it
    /// cannot; true with a null key when there is no reference at all.
    /// </summary>
    public bool TryResolve(JsonElement? reference, string type, out string? key, out string? problem)
    {
        key = null;
        problem = null;
        if (reference is not { ValueKind: JsonValueKind.Object } r) return true;
        if (r.Str("reference") is { } text)
        {
            var target = Find(text);
            if (target is null)
            {
                var conditional = $"{type}?identifier=";
                if (text.StartsWith(conditional, StringComparison.Ordinal))
                {
                    key = text[conditional.Length..].Split('|')[^1];
                    return key.Length > 0;
                }
                problem = $"Reference '{text}' does not resolve to any entry of the bundle.";
                return false;
            }
            if (target.Type != type)
            {
                problem = $"Reference '{text}' points at a {target.Type}, not a {type}.";
                return false;
            }
            key = NaturalKey(target);
            if (key is null) problem = $"The {type} that '{text}' points at has no identifier.";
            return key is not null;
        }
        if (r.Prop("identifier") is { } identifier && identifier.Str("value") is { } value)
        {
            key = value;
            return true;
        }
        problem = "The reference has neither 'reference' nor 'identifier'.";
        return false;
    }

    private Entry? Find(string reference)
    {
        if (_byReference.TryGetValue(reference, out var e)) return e;
        var parts = reference.Split('/');
        return parts.Length >= 2 && _byReference.TryGetValue($"{parts[^2]}/{parts[^1]}", out e) ? e : null;
    }
}
