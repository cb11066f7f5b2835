namespace TrustBridge.Web.Features.Assessment;

/// <summary>
/// Discharges followed up ÷ discharges of a department (FOLLOWUP.md). The follow-up feature registers its own source;
/// until it does, the indicator is not assessed (never zero).
/// </summary>
public interface IFollowUpRatioSource
{
    Task<IReadOnlyDictionary<int, (int FollowedUp, int Discharges)>> ForAsync(DateOnly from, DateOnly to, CancellationToken ct);
}

public sealed class NoFollowUpsYet : IFollowUpRatioSource
{
    public Task<IReadOnlyDictionary<int, (int FollowedUp, int Discharges)>> ForAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<int, (int, int)>>(new Dictionary<int, (int, int)>());
}
