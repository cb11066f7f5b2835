using System.Text.Json;

namespace TrustBridge.Web.Features.Imports;

/// <summary>Reading FHIR JSON without a FHIR library: the handful of element shapes the registry needs.</summary>
public static class FhirJson
{
    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.String } v ? NullIfBlank(v.GetString()) : null;

    public static bool? Bool(this JsonElement e, string name) =>
        e.Prop(name) is { } v && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    public static IEnumerable<string> Codes(this JsonElement? codeableConcept) =>
        codeableConcept is { } cc ? cc.Array("coding").Select(c => c.Str("code")).OfType<string>() : [];

    /// <summary>HumanName: its text, else family and given names (joined without a space when written in Chinese).</summary>
    public static string? Name(this JsonElement resource)
    {
        var name = resource.Array("name").FirstOrDefault(n => n.Str("use") is null or "official" or "usual");
        if (name.ValueKind != JsonValueKind.Object) return null;
        if (name.Str("text") is { } text) return text;
        var family = name.Str("family");
        var given = string.Join(" ", name.Array("given").Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()));
        if (family is null && given.Length == 0) return null;
        var chinese = (family + given).Any(c => c >= '\u3400' && c <= '\u9FFF');
        return chinese ? family + given.Replace(" ", "") : string.Join(" ", new[] { given, family }.Where(p => !string.IsNullOrEmpty(p)));
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
