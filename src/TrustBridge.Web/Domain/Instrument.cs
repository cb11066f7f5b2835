namespace TrustBridge.Web.Domain;

public static class InstrumentStatuses
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Retired = "retired";
}

public static class ItemScales
{
    public const string Likert5 = "likert5";
    public const string Nps11 = "nps11";
    public const string Rating11 = "rating11";
    public const string YesNo = "yesno";
    public const string Text = "text";
    public static readonly string[] All = [Likert5, Nps11, Rating11, YesNo, Text];

    public static (int Min, int Max)? Range(string scale) => scale switch
    {
        Likert5 => (1, 5),
        Nps11 or Rating11 => (0, 10),
        YesNo => (0, 1),
        _ => null,
    };
}

/// <summary>
/// A versioned questionnaire (量表). A published version is immutable: editing makes the next version,
/// and every response keeps the version it answered.
/// </summary>
public class Instrument
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int Version { get; set; } = 1;
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public string? IntroZh { get; set; }
    public string? IntroEn { get; set; }
    public string Status { get; set; } = InstrumentStatuses.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public List<InstrumentItem> Items { get; set; } = [];
}

public class InstrumentItem
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    public required string Code { get; set; }
    public int Position { get; set; }
    public required string TextZh { get; set; }
    public required string TextEn { get; set; }
    public required string Scale { get; set; }
    public bool Reverse { get; set; }
    /// <summary>trust, or a satisfaction dimension (attitude, communication…), or overall / recommend / comment.</summary>
    public required string Dimension { get; set; }
}
