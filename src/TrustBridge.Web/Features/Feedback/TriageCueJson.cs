using System.Text.Json;
using TrustBridge.Core.Triage;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>How a case keeps the cues triage found (JSON <c>[{text, signal}]</c> in feedback_cases.triage_cues).</summary>
public static class TriageCueJson
{
    public static string Write(IEnumerable<TriageCue> cues) => JsonSerializer.Serialize(cues.Select(c => new TriageCueView(c.Text, c.Signal)), JsonSerializerOptions.Web);

    /// <summary>The stored cues; none when the column is empty or not readable.</summary>
    public static IReadOnlyList<TriageCueView> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try { return JsonSerializer.Deserialize<List<TriageCueView>>(json, JsonSerializerOptions.Web) ?? []; }
        catch (JsonException) { return []; }
    }
}
