namespace TrustBridge.Web.Pages.Shared;

/// <summary>A feature area that is planned but not built yet: its name and one sentence of what it will do.</summary>
public sealed record UnderConstruction(string Title, string WillDo);
