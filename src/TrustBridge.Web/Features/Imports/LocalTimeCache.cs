using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// Hospital wall-clock time → UTC for millions of rows: the offset is looked up once per local hour (time-zone rules
/// change on hour boundaries) and remembered, instead of a full time-zone conversion per row. One per import.
/// </summary>
public sealed class LocalTimeCache(HospitalClock clock)
{
    private readonly Dictionary<long, long> _offsetTicksByHour = [];
    private const long Invalid = long.MinValue;

    public bool TryToUtc(DateTime local, out DateTime utc)
    {
        var hour = local.Ticks / TimeSpan.TicksPerHour;
        if (!_offsetTicksByHour.TryGetValue(hour, out var offset))
        {
            var start = new DateTime(hour * TimeSpan.TicksPerHour);
            try { offset = start.Ticks - clock.LocalToUtc(start).Ticks; }
            catch (ArgumentException) { offset = Invalid; } // skipped by a daylight-saving change
            _offsetTicksByHour[hour] = offset;
        }
        if (offset == Invalid) { utc = default; return false; }
        var ticks = local.Ticks - offset;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) { utc = default; return false; }
        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }
}
