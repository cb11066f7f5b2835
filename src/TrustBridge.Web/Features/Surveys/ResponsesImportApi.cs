using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Imports;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>POST /api/instruments/{code}/responses/import (text/csv, UTF-8 or GB18030).</summary>
public static class ResponsesImportApi
{
    public static IEndpointRouteBuilder MapResponsesImportApi(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<ImportLimits>();
        app.MapPost("/api/instruments/{code}/responses/import", async (string code, HttpContext http, bool? allOrNothing, string? fileName, ImportSurveyResponses importer, CancellationToken ct) =>
            {
                if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
                    || type.MediaType.Value is not ("text/csv" or "application/csv" or "text/plain"))
                    return Results.Problem($"Send the answers as text/csv, not '{http.Request.ContentType}'.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
                try
                {
                    await using var file = await ImportRegistryFile.SpoolAsync(http.Request.Body, ct, limits.MaxUploadBytes);
                    var report = await importer.RunAsync(code, file, type.Charset.HasValue ? type.Charset.Value : null, new ImportOptions(allOrNothing ?? false, fileName), null, ct);
                    return report.Applied
                        ? Results.Ok(report)
                        : Results.Problem($"{report.Rejected} row(s) have errors and allOrNothing is set: nothing was imported.", statusCode: StatusCodes.Status422UnprocessableEntity,
                            title: "File rejected", extensions: new Dictionary<string, object?> { ["rejected"] = report.Rejected, ["errors"] = report.Errors });
                }
                catch (ImportFileProblem p)
                {
                    return Results.Problem(p.Message, statusCode: p.Status, title: p.Title);
                }
            })
            .WithTags("Surveys").RequireAuthorization(Policies.RegistryWrite)
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxUploadBytes))
            .Accepts<Stream>("text/csv")
            .WithSummary("Import answers: response_id, encounter_date, department_code, doctor_code, source, then one column per item code. Idempotent on response_id.");
        return app;
    }
}
