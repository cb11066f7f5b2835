using System.Globalization;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Fhir;

/// <summary>
/// The <c>_lastUpdated</c> search parameter (repeatable, prefixes ge, gt, le, lt, eq) as one UTC range
/// [<see cref="From"/>, <see cref="Until"/>): a date is a hospital-local day or month, an instant is itself.
/// Every FHIR search of TrustBridge filters with it, so "ge2026-11" means the same on each resource.
/// </summary>
public sealed record FhirLastUpdated(DateTime? From, DateTime? Until)
{
    public static FhirLastUpdated Parse(IEnumerable<string> values, HospitalClock clock)
    {
        DateTime? from = null, until = null;
        void Lower(DateTime t) => from = from is { } f && f > t ? f : t;
        void Upper(DateTime t) => until = until is { } u && u < t ? u : t;
        foreach (var value in values)
        {
            var (prefix, text) = value.Length > 2 && char.IsLetter(value[0]) ? (value[..2], value[2..]) : ("eq", value);
            if (!TryInstant(text, clock, out var at, out var end)) throw new FhirSearchProblem($"_lastUpdated '{value}' is not a FHIR date or instant.");
            switch (prefix)
            {
                case "ge": Lower(at); break;
                case "gt": Lower(end); break;
                case "le": Upper(end); break;
                case "lt": Upper(at); break;
                case "eq": Lower(at); Upper(end); break;
                default: throw new FhirSearchProblem($"_lastUpdated prefix '{prefix}' is not supported (ge, gt, le, lt, eq).");
            }
        }
        return new(from, until);
    }

    /// <summary>A FHIR date (yyyy-MM-dd or yyyy-MM: hospital-local) or instant; end is the end of the value's precision.</summary>
    private static bool TryInstant(string text, HospitalClock clock, out DateTime at, out DateTime end)
    {
        at = end = default;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            (at, end) = (clock.StartOfDayUtc(day), clock.StartOfDayUtc(day.AddDays(1)));
            return true;
        }
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            (at, end) = (clock.StartOfDayUtc(month), clock.StartOfDayUtc(month.AddMonths(1)));
            return true;
        }
        if (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            at = instant.UtcDateTime;
            end = at.AddTicks(10); // a microsecond: the stored precision
            return true;
        }
        return false;
    }
}
