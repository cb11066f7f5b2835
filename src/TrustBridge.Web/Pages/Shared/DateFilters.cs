using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrustBridge.Web.Pages.Shared;

/// <summary>The from/to filters are typed as 2026-11-22; a value that does not read as a date is reported, not ignored.</summary>
public static class DateFilters
{
    public static bool Unreadable(ModelStateDictionary state) =>
        new[] { "From", "To" }.Any(k => state.GetFieldValidationState(k) == ModelValidationState.Invalid);
}
