using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>One page of a survey as a patient sees it: a few items, whole dimensions where they fit.</summary>
public sealed record SurveyStep(int Index, IReadOnlyList<InstrumentItem> Items)
{
    public IReadOnlyList<string> Dimensions { get; } = Items.Select(i => i.Dimension).Distinct().ToList();
}

/// <summary>
/// Cuts an instrument into steps of at most <see cref="ItemsPerStep"/> items for a phone screen. Consecutive items of
/// one dimension stay together; a dimension longer than a step (the ten trust items) is cut into full steps.
/// </summary>
public static class SurveySteps
{
    public const int ItemsPerStep = 5;

    public static IReadOnlyList<SurveyStep> Split(Instrument instrument)
    {
        var steps = new List<List<InstrumentItem>>();
        var current = new List<InstrumentItem>();
        foreach (var dimension in ConsecutiveDimensions(instrument.Items.OrderBy(i => i.Position)))
            foreach (var part in dimension.Chunk(ItemsPerStep))
            {
                if (current.Count > 0 && current.Count + part.Length > ItemsPerStep)
                {
                    steps.Add(current);
                    current = [];
                }
                current.AddRange(part);
            }
        if (current.Count > 0) steps.Add(current);
        return steps.Select((items, i) => new SurveyStep(i, items)).ToList();
    }

    private static IEnumerable<List<InstrumentItem>> ConsecutiveDimensions(IEnumerable<InstrumentItem> items)
    {
        var group = new List<InstrumentItem>();
        foreach (var item in items)
        {
            if (group.Count > 0 && group[^1].Dimension != item.Dimension)
            {
                yield return group;
                group = [];
            }
            group.Add(item);
        }
        if (group.Count > 0) yield return group;
    }

    /// <summary>The name of a dimension in the page's language; overall, recommend and comment read as one "总体评价".</summary>
    public static string DimensionName(string dimension, bool english) =>
        ShippedInstruments.Dimensions.TryGetValue(dimension, out var names) ? (english ? names.En : names.Zh) : (english ? "Overall" : "总体评价");
}
