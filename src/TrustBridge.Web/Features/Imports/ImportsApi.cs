using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TrustBridge.Web.Features.Accounts;

namespace TrustBridge.Web.Features.Imports;

/// <summary>Imports settings (Imports:MaxUploadMegabytes, default 50).</summary>
public sealed class ImportLimits
{
    public int MaxUploadMegabytes { get; set; } = 50;
    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}

/// <summary>POST /api/{departments|staff|patients|encounters}/import (text/csv) and POST /api/fhir/import (FHIR JSON).</summary>
public static class ImportsApi
{
    private static readonly string[] CsvTypes = ["text/csv", "application/csv", "text/plain"];
    private static readonly string[] FhirTypes = ["application/fhir+json", "application/json"];

    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = new ImportLimits();
        configuration.GetSection("Imports").Bind(limits);
        return services.AddSingleton(limits).AddScoped<ImportRegistryFile>()
            .AddScoped<Pages.Staff.Imports.IRegistryFileImporter, Pages.Staff.Imports.RegistryFileImporter>();
    }

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<ImportLimits>();
        foreach (var kind in new[] { ImportKind.Departments, ImportKind.Staff, ImportKind.Patients, ImportKind.Encounters })
            Map(app, $"/api/{ImportKinds.Name(kind)}/import", kind, CsvTypes, limits)
                .WithSummary($"Import {ImportKinds.Name(kind)} from a CSV (UTF-8 or GB18030; charset= in Content-Type, else detected).");
        Map(app, "/api/fhir/import", ImportKind.Fhir, FhirTypes, limits)
            .WithSummary("Import a FHIR R4 Bundle of Organization, Practitioner, PractitionerRole, Patient and Encounter resources.");
        return app;
    }

    private static RouteHandlerBuilder Map(IEndpointRouteBuilder app, string path, ImportKind kind, string[] mediaTypes, ImportLimits limits) =>
        app.MapPost(path, (HttpContext http, bool? allOrNothing, string? fileName, string? source, ImportRegistryFile importer, CancellationToken ct) =>
                RunAsync(http, kind, mediaTypes, limits, new ImportOptions(allOrNothing ?? false, fileName, source), importer, ct))
            .WithTags("Imports")
            .RequireAuthorization(Policies.RegistryWrite)
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxUploadBytes))
            .Accepts<Stream>(mediaTypes[0], mediaTypes[1..])
            .Produces<ImportReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> RunAsync(HttpContext http, ImportKind kind, string[] mediaTypes, ImportLimits limits,
        ImportOptions options, ImportRegistryFile importer, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !mediaTypes.Contains(contentType.MediaType.Value ?? "", StringComparer.OrdinalIgnoreCase))
            return TypedResults.Problem($"Send the file as {string.Join(" or ", mediaTypes)}, not '{http.Request.ContentType}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        if (http.Request.ContentLength > limits.MaxUploadBytes) return Problem(ImportFileProblem.TooLarge(limits.MaxUploadBytes));
        try
        {
            await using var file = await ImportRegistryFile.SpoolAsync(http.Request.Body, ct, limits.MaxUploadBytes);
            var report = await importer.RunAsync(kind, file, contentType.Charset.HasValue ? contentType.Charset.Value : null, options, null, ct);
            if (report.Applied) return TypedResults.Ok(report);
            return TypedResults.Problem(
                $"{report.Rejected} row(s) have errors and allOrNothing is set: nothing was imported.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "File rejected",
                extensions: new Dictionary<string, object?>
                {
                    ["kind"] = report.Kind, ["applied"] = false, ["inserted"] = 0, ["updated"] = 0, ["unchanged"] = 0,
                    ["rejected"] = report.Rejected, ["errors"] = report.Errors, ["totalErrors"] = report.TotalErrors,
                });
        }
        catch (ImportFileProblem problem)
        {
            return Problem(problem);
        }
    }

    private static IResult Problem(ImportFileProblem p) => TypedResults.Problem(p.Message, statusCode: p.Status, title: p.Title);
}
