namespace TrustBridge.Web.Features.Surveys;

public sealed record ItemInput(string? Code, string? TextZh, string? TextEn, string? Scale, bool? Reverse, string? Dimension);

public sealed record InstrumentInput(string? Code, string? TitleZh, string? TitleEn, string? IntroZh, string? IntroEn, ItemInput[]? Items);

public sealed record ItemView(string Code, int Position, string TextZh, string TextEn, string Scale, bool Reverse, string Dimension);

public sealed record InstrumentView(int Id, string Code, int Version, string TitleZh, string TitleEn, string? IntroZh, string? IntroEn,
    string Status, DateTime CreatedAt, DateTime? PublishedAt, IReadOnlyList<ItemView> Items);

public sealed record ItemReliability(string Code, double? AlphaIfDeleted, double? CorrectedItemTotal, bool Warning);

public sealed record ReliabilityView(string Instrument, DateOnly From, DateOnly To, long CompleteRespondents, double? Alpha,
    bool AlphaWarning, IReadOnlyList<ItemReliability> Items);
