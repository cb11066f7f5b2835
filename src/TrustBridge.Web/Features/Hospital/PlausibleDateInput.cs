using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using TrustBridge.Core.Calendar;

namespace TrustBridge.Web.Features.Hospital;

/// <summary>
/// Issue 16, defect 8: a date outside 1900-01-01 … ten years ahead (Core <see cref="PlausibleDates"/>) is a 400 naming the
/// field wherever it comes in — JSON bodies (DateOnly and timestamps), the from/to query parameters of every API, and the
/// date filters and forms of the pages — instead of overflowing in date arithmetic (a 500) or being stored as 0001-01-01.
/// One rule, three adapters: no endpoint checks its own from/to.
/// </summary>
public static class PlausibleDateInput
{
    /// <summary>The query parameters that carry a date range on the API (?from=2026-01-01&amp;to=2026-03-31).</summary>
    public static readonly string[] RangeParameters = ["from", "to"];

    public static IServiceCollection AddPlausibleDateInput(this IServiceCollection services)
    {
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<HospitalClock>((o, clock) =>
            o.SerializerOptions.Converters.Add(new PlausibleDateJsonConverter(clock)));
        services.Configure<MvcOptions>(o => o.ModelBinderProviders.Insert(0, new PlausibleDateBinderProvider()));
        return services;
    }

    /// <summary>After authorization: an API request whose from/to is a date out of range answers 400 before its endpoint runs.</summary>
    public static IApplicationBuilder UsePlausibleDateQueries(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && context.GetEndpoint() is not null)
        {
            var today = context.RequestServices.GetRequiredService<HospitalClock>().Today;
            foreach (var name in RangeParameters)
            {
                foreach (var value in context.Request.Query[name])
                {
                    if (!DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date) || PlausibleDates.Allows(date, today)) continue;
                    await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [PlausibleDates.Explain(name, today)] },
                        detail: $"The query parameter {name}={value} is not a plausible date.").ExecuteAsync(context);
                    return;
                }
            }
        }
        await next(context);
    });

    /// <summary>A date in a JSON body (2026-11-22), refused when implausible; the serializer adds the member's path.</summary>
    public sealed class PlausibleDateJsonConverter(HospitalClock clock) : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var s = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (s is null || !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new JsonException($"'{s}' is not a date written as 2026-11-22.");
            if (!PlausibleDates.Allows(date, clock.Today))
                throw new JsonException($"{s} is not a plausible date: {PlausibleDates.Explain("it", clock.Today)}");
            return date;
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed class PlausibleDateBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var type = context.Metadata.UnderlyingOrModelType;
            if (type != typeof(DateOnly) && type != typeof(DateTime)) return null;
            return new PlausibleDateBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()));
        }
    }

    /// <summary>A page's date filter or form field: an implausible date is a model-state error on that field (DateFilters reports it).</summary>
    private sealed class PlausibleDateBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (!context.Result.IsModelSet) return;
            var today = context.HttpContext.RequestServices.GetRequiredService<HospitalClock>().Today;
            DateOnly? date = context.Result.Model switch
            {
                DateOnly d => d,
                DateTime t => DateOnly.FromDateTime(t),
                _ => null,
            };
            if (date is { } value && !PlausibleDates.Allows(value, today))
            {
                context.ModelState.TryAddModelError(context.ModelName, PlausibleDates.Explain(context.ModelName, today));
                context.Result = ModelBindingResult.Failed();
            }
        }
    }
}
