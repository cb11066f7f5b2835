using Microsoft.AspNetCore.Mvc;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Imports;

namespace TrustBridge.Web.Features.Fhir;

/// <summary>
/// FHIR R4 (Firely SDK) for surveys: GET /fhir/Questionnaire/{code}[/_history/{version}], POST /fhir/QuestionnaireResponse
/// (one resource or a batch/transaction Bundle), GET /fhir/QuestionnaireResponse?questionnaire=&amp;_lastUpdated=; the
/// registry (Organization, Practitioner, PractitionerRole, Patient, Encounter) and feedback cases (Communication) as
/// paged searchsets.
/// Everything is application/fhir+json; problems are OperationOutcome with a 4xx status.
/// </summary>
public static class FhirFeature
{
    public static IServiceCollection AddFhir(this IServiceCollection services) =>
        services.AddScoped<FhirQuestionnaires>().AddScoped<ExportRegistryAsFhir>().AddScoped<ImportQuestionnaireResponses>().AddScoped<SearchQuestionnaireResponses>().AddScoped<ExportCasesAsFhir>();

    public static IEndpointRouteBuilder MapFhirApi(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<ImportLimits>();
        var fhir = app.MapGroup("/fhir").WithTags("FHIR");

        fhir.MapGet("/Questionnaire/{code}", (string code, HttpRequest request, FhirQuestionnaires questionnaires, CancellationToken ct) =>
                ReadAsync(code, null, request, questionnaires, ct))
            .RequireAuthorization(Policies.Staff)
            .Produces<string>(StatusCodes.Status200OK, FhirJson.MediaType).Produces<string>(StatusCodes.Status404NotFound, FhirJson.MediaType)
            .WithSummary("An instrument's newest published version as a FHIR Questionnaire (linkId = item code, answer options per scale).");
        fhir.MapGet("/Questionnaire/{code}/_history/{version:int}", (string code, int version, HttpRequest request, FhirQuestionnaires questionnaires, CancellationToken ct) =>
                ReadAsync(code, version, request, questionnaires, ct))
            .RequireAuthorization(Policies.Staff)
            .Produces<string>(StatusCodes.Status200OK, FhirJson.MediaType).Produces<string>(StatusCodes.Status404NotFound, FhirJson.MediaType)
            .WithSummary("One published (or retired) version of an instrument as a FHIR Questionnaire.");

        fhir.MapPost("/QuestionnaireResponse", async (HttpRequest request, ImportQuestionnaireResponses import, CancellationToken ct) =>
            {
                if (request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() is not ("application/fhir+json" or "application/json"))
                    return FhirJson.Outcome(StatusCodes.Status415UnsupportedMediaType, $"Send FHIR JSON (application/fhir+json), not '{request.ContentType}'.", Hl7.Fhir.Model.OperationOutcome.IssueType.NotSupported);
                try
                {
                    await using var file = await ImportRegistryFile.SpoolAsync(request.Body, ct, limits.MaxUploadBytes);
                    var bytes = new byte[file.Length];
                    await file.ReadExactlyAsync(bytes, ct);
                    var report = await import.RunAsync(bytes, ct);
                    var outcome = new Hl7.Fhir.Model.OperationOutcome();
                    outcome.Issue.Add(new()
                    {
                        Severity = Hl7.Fhir.Model.OperationOutcome.IssueSeverity.Information,
                        Code = Hl7.Fhir.Model.OperationOutcome.IssueType.Informational,
                        Diagnostics = report.Applied
                            ? $"Stored: {report.Inserted} inserted, {report.Updated} updated, {report.Unchanged} unchanged, {report.Rejected} rejected."
                            : $"Nothing stored: {report.Rejected} QuestionnaireResponse(s) have errors.",
                    });
                    outcome.Issue.AddRange(report.Errors.Select(FhirJson.Issue));
                    return FhirJson.Result(outcome, report.Applied ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
                }
                catch (ImportFileProblem p)
                {
                    return FhirJson.Outcome(p);
                }
            })
            .RequireAuthorization(Policies.RegistryWrite)
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxUploadBytes))
            .Accepts<string>(FhirJson.MediaType, "application/json")
            .Produces<string>(StatusCodes.Status200OK, FhirJson.MediaType)
            .Produces<string>(StatusCodes.Status400BadRequest, FhirJson.MediaType)
            .Produces<string>(StatusCodes.Status404NotFound, FhirJson.MediaType)
            .Produces<string>(StatusCodes.Status422UnprocessableEntity, FhirJson.MediaType)
            .WithSummary("Store answers: a QuestionnaireResponse, or a batch (valid entries stored) or transaction (all or nothing) Bundle of them; idempotent on identifier.");

        fhir.MapGet("/QuestionnaireResponse", async (HttpRequest request, string? questionnaire, int? _count, int? _page, SearchQuestionnaireResponses search, CancellationToken ct) =>
            {
                try
                {
                    var lastUpdated = request.Query["_lastUpdated"].OfType<string>().ToArray();
                    return FhirJson.Result(await search.RunAsync(request, new(questionnaire, lastUpdated, _count, _page), ct));
                }
                catch (FhirSearchProblem p)
                {
                    return FhirJson.Outcome(StatusCodes.Status400BadRequest, p.Message);
                }
            })
            .RequireAuthorization(Policies.RegistryWrite)
            .Produces<string>(StatusCodes.Status200OK, FhirJson.MediaType)
            .Produces<string>(StatusCodes.Status400BadRequest, FhirJson.MediaType)
            .WithSummary("Stored answers as a searchset Bundle (oldest change first; _count ≤ 1000, _page; next link while more remain); audited.");
        foreach (var type in ExportRegistryAsFhir.Types)
            fhir.MapGet($"/{type}", async (HttpRequest request, int? _count, int? _page, ExportRegistryAsFhir export, CancellationToken ct) =>
                    FhirJson.Result(await export.RunAsync(request, type, _count, _page, ct)))
                .RequireAuthorization(Policies.RegistryWrite)
                .Produces<string>(StatusCodes.Status200OK, FhirJson.MediaType)
                .WithSummary($"The registry's {type} resources as a searchset Bundle (id order; _count ≤ 1000, _page; next link while more remain); audited.");
        fhir.MapGet("/Communication", async (HttpRequest request, int? _count, int? _page, ExportCasesAsFhir export, CancellationToken ct) =>
            {
                try
                {
                    return FhirJson.Result(await export.RunAsync(request, request.Query["_lastUpdated"].OfType<string>().ToArray(), _count, _page, ct));
                }
                catch (FhirSearchProblem p)
                {
                    return FhirJson.Outcome(StatusCodes.Status400BadRequest, p.Message);
                }
            })
            .RequireAuthorization(Policies.RegistryWrite)
            .Produces<string>(StatusCodes.Status200OK, FhirJson.MediaType)
            .Produces<string>(StatusCodes.Status400BadRequest, FhirJson.MediaType)
            .WithSummary("Feedback cases as Communication resources (oldest change first; _lastUpdated, _count ≤ 1000, _page; next link while more remain); audited.");
        return app;
    }

    private static async Task<IResult> ReadAsync(string code, int? version, HttpRequest request, FhirQuestionnaires questionnaires, CancellationToken ct) =>
        await questionnaires.ReadAsync(request, code, version, ct) is { } q
            ? FhirJson.Result(q)
            : FhirJson.Outcome(StatusCodes.Status404NotFound, version is null
                ? $"There is no published Questionnaire '{code}'."
                : $"Questionnaire '{code}' has no published version {version}.", Hl7.Fhir.Model.OperationOutcome.IssueType.NotFound);
}
