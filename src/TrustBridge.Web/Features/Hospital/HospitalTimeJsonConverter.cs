using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrustBridge.Web.Features.Hospital;

/// <summary>Writes every timestamp as ISO 8601 with the hospital's offset (2026-12-05T23:59:59+08:00); reads any ISO 8601 time within the plausible dates.</summary>
public sealed class HospitalTimeJsonConverter(HospitalClock clock) : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var s = reader.GetString();
        if (s is null || !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
            throw new JsonException($"'{s}' is not an ISO 8601 date and time.");
        // A time without an offset is a hospital wall-clock time.
        var hasOffset = s.EndsWith('Z') || s.LastIndexOfAny(['+', '-']) > 10;
        // Issue 16, defect 8: 0001-01-01 (shown as "+08:05") or 9999-12-31 is refused, not stored or overflowed.
        if (!Core.Calendar.PlausibleDates.Allows(DateOnly.FromDateTime(value.DateTime), clock.Today))
            throw new JsonException($"{s} is not a plausible time: {Core.Calendar.PlausibleDates.Explain("it", clock.Today)}");
        return hasOffset ? value.UtcDateTime : clock.LocalToUtc(value.DateTime);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(clock.ToLocal(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value)
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
}
