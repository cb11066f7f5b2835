using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using F = Hl7.Fhir.Model;

namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// The entries of a FHIR R4 Bundle (collection, batch or transaction) parsed by the Firely SDK, indexed so references
/// resolve inside the bundle by fullUrl (urn:uuid:…) or Type/id, or by logical identifier to records TrustBridge
/// already has. The parser's problems are kept per entry (index and resource id), like the mapping's own.
/// </summary>
public sealed partial class FhirBundle
{
    public sealed record Entry(int Index, string Type, string? Id, F.Resource Resource)
    {
        public RowOrigin Origin => new(null, Index, Id is null ? Type : $"{Type}/{Id}");
    }

    private static readonly F.Bundle.BundleType[] BundleTypes = [F.Bundle.BundleType.Collection, F.Bundle.BundleType.Batch, F.Bundle.BundleType.Transaction];
    private readonly Dictionary<string, Entry> _byReference = new(StringComparer.Ordinal);
    private readonly string? _sourceHash;

    private FhirBundle(string? source) => _sourceHash = source is null ? null : Hash(source, 8);

    public List<Entry> Entries { get; } = [];

    /// <summary>The parser's problems with each entry, by entry index.</summary>
    public Dictionary<int, List<string>> ParseProblems { get; } = [];

    /// <summary>The system the bundle came from: the caller's <c>source</c>, else the bundle's meta.source.</summary>
    public string? Source { get; private set; }

    public IEnumerable<Entry> OfType(string type) => Entries.Where(e => e.Type == type);

    /// <summary>
    /// The SDK's deserializer in strict mode: every problem is reported (wrong literal, unknown element or code) and
    /// attributed to its entry; <see cref="IgnoredIssue"/> says which ones TrustBridge does not hold against an entry.
    /// </summary>
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));


    /// <summary>Parses FHIR JSON bytes to a resource and the parser's problems; malformed JSON or text is a 400.</summary>
    public static (F.Resource? Resource, IReadOnlyList<CodedException> Issues) Parse(ReadOnlySpan<byte> json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(json)) throw ImportFileProblem.BadRequest("Malformed JSON", "The FHIR JSON is not valid UTF-8.");
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 128 });
            Deserializer.TryDeserializeResource(ref reader, out var resource, out var issues);
            var list = issues.ToList();
            var fatal = list.FirstOrDefault(i => i.InnerException is JsonException or InvalidOperationException);
            if (fatal is not null) throw ImportFileProblem.BadRequest("Malformed JSON", $"The FHIR JSON cannot be read: {fatal.Message}");
            return (resource, list);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw ImportFileProblem.BadRequest("Malformed JSON", $"The FHIR JSON is not valid JSON text: {e.Message}");
        }
    }

    public static FhirBundle From(F.Resource? root, IReadOnlyList<CodedException> issues, string? callerSource)
    {
        if (root is not F.Bundle b)
            throw ImportFileProblem.Unprocessable("Not a FHIR Bundle", "The JSON must be a FHIR R4 resource with resourceType \"Bundle\".");
        if (b.Type is not { } type || !BundleTypes.Contains(type))
            throw ImportFileProblem.Unprocessable("Unsupported bundle type", $"Bundle.type must be one of collection, batch, transaction, not '{b.TypeElement?.JsonValue}'.");
        var source = NullIfBlank(callerSource) ?? NullIfBlank(b.Meta?.Source);
        var bundle = new FhirBundle(source) { Source = source };
        foreach (var (index, issue) in ByEntry(issues))
        {
            if (index < 0 || issue.ErrorCode == "PVAL130") continue; // an unknown resource type is skipped and counted by its name
            if (!bundle.ParseProblems.TryGetValue(index, out var list)) bundle.ParseProblems[index] = list = [];
            list.Add(Message(issue));
        }
        for (var index = 0; index < b.Entry.Count; index++)
        {
            var item = b.Entry[index];
            if (item?.Resource is not { } resource) continue;
            var entry = new Entry(index, resource.TypeName, NullIfBlank(resource.Id), resource);
            bundle.Entries.Add(entry);
            if (NullIfBlank(item.FullUrl) is { } fullUrl) bundle._byReference.TryAdd(fullUrl, entry);
            if (entry.Id is { } id) bundle._byReference.TryAdd($"{entry.Type}/{id}", entry);
        }
        return bundle;
    }

    /// <summary>
    /// Cardinality the SDK checks that TrustBridge neither needs nor stores (Encounter.status, Observation.code…) is
    /// no reason to refuse an entry: the mapping checks every element it reads itself.
    /// </summary>
    public static bool IgnoredIssue(CodedException issue) => issue.ErrorCode is "PVAL105";

    /// <summary>
    /// The parser's problems that are not ignored, by the index of the bundle entry whose resource they are in (-1: the
    /// bundle or an entry's envelope, e.g. a fullUrl "urn:uuid:" that is no UUID, which TrustBridge only matches on).
    /// </summary>
    public static IEnumerable<(int Entry, CodedException Issue)> ByEntry(IEnumerable<CodedException> issues) =>
        issues.Where(i => !IgnoredIssue(i)).Select(i => (i is ExtendedCodedException { InstancePath: { } path } && EntryPath().Match(path) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1, i));

    public static string Message(CodedException issue) =>
        issue is ExtendedCodedException x ? $"{x.BaseErrorMessage} ({x.InstancePath})" : issue.Message;

    [GeneratedRegex(@"^Bundle\.entry\[(\d+)\]\.resource")]
    private static partial Regex EntryPath();


    /// <summary>
    /// The natural key TrustBridge stores for a resource: the MR identifier of a patient, else the first identifier;
    /// a resource without an identifier is keyed by its id namespaced by the bundle's source (see <see cref="SourceKey"/>).
    /// </summary>
    public string? NaturalKey(Entry e, int max = int.MaxValue)
    {
        var identifiers = Identifiers(e.Resource);
        string? key;
        if (e.Type == "Patient")
        {
            var mr = identifiers.FirstOrDefault(x => Codes(x.Type).Contains("MR"));
            key = mr is not null ? NullIfBlank(mr.Value) : identifiers.Where(x => !IsNationalId(x)).Select(x => NullIfBlank(x.Value)).FirstOrDefault(v => v is not null);
        }
        else key = identifiers.Select(x => NullIfBlank(x.Value)).FirstOrDefault(v => v is not null);
        if (key is not null || identifiers.Any(i => NullIfBlank(i.Value) is not null)) return key;
        return e.Id is { } id ? SourceKey(id, max) : null;
    }

    /// <summary>
    /// The key of a resource known only by its id: <c>{8 hex of SHA-256(source)}:{id}</c>, or, when that is longer
    /// than the column allows, <c>{8 hex}:~{hex of SHA-256(id)}</c> cut to fit. Null when the bundle names no source.
    /// </summary>
    public string? SourceKey(string id, int max)
    {
        if (_sourceHash is null) return null;
        var key = $"{_sourceHash}:{id}";
        return key.Length <= max ? key : $"{_sourceHash}:~{Hash(id, Math.Max(8, max - _sourceHash.Length - 2))}";
    }

    public static List<F.Identifier> Identifiers(F.Resource r) => r switch
    {
        F.Patient p => p.Identifier,
        F.Encounter en => en.Identifier,
        F.Practitioner pr => pr.Identifier,
        F.Organization o => o.Identifier,
        F.PractitionerRole pr => pr.Identifier,
        _ => [],
    };

    /// <summary>A resident identity number: type code NI, or the PRC citizen-ID OID 2.16.156.10011.1.3.</summary>
    public static bool IsNationalId(F.Identifier identifier) =>
        Codes(identifier.Type).Contains("NI")
        || (NullIfBlank(identifier.System) is { } system && (system.Contains("2.16.156.10011.1.3", StringComparison.Ordinal) || system.Contains("idcard", StringComparison.OrdinalIgnoreCase)));

    public static IEnumerable<string> Codes(F.CodeableConcept? cc) => cc is null ? [] : cc.Coding.Select(c => NullIfBlank(c.Code)).OfType<string>();

    /// <summary>
    /// Resolves a Reference to the natural key of a resource of <paramref name="type"/>: false with a reason when it
    /// cannot; true with a null key when there is no reference at all.
    /// </summary>
    public bool TryResolve(F.ResourceReference? r, string type, int max, out string? key, out string? problem)
    {
        key = null;
        problem = null;
        if (r is null) return true;
        if (NullIfBlank(r.Reference) is { } text)
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
            key = NaturalKey(target, max);
            if (key is null) problem = $"The {type} that '{text}' points at has neither an identifier nor an id with a source (meta.source or ?source=).";
            return key is not null;
        }
        if (NullIfBlank(r.Identifier?.Value) is { } value)
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

    private static string Hash(string s, int hexChars) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..Math.Min(64, hexChars)];

    public static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
