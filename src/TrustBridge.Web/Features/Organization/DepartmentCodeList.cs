namespace TrustBridge.Web.Features.Organization;

/// <summary>
/// Issue 16, defect 8: a list of department codes in a request (a user's scope, a wave's departments, a case's
/// departments) is bounded, so 40,000 codes are a 400 instead of a query with too many SQL variables (a 500).
/// A hospital group has a few hundred departments; the limit leaves room for all of them.
/// </summary>
public static class DepartmentCodeList
{
    public const int Max = 1000;

    /// <summary>The problem with the list's size, or null when it is within the limit.</summary>
    public static string? TooLong(IReadOnlyCollection<string>? codes) =>
        codes is { Count: > Max } ? $"At most {Max} department codes (got {codes.Count})." : null;
}
