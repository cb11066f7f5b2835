using System.Text;
using System.Text.Json;
using Hl7.Fhir.Serialization;
using TrustBridge.Web.Features.Imports;
using F = Hl7.Fhir.Model;

namespace TrustBridge.Web.Features.Fhir;

/// <summary>FHIR JSON in and out through the Firely SDK: resources as application/fhir+json, problems as OperationOutcome.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    /// <summary>Base of the extensions TrustBridge defines (see README, "FHIR").</summary>
    public const string ExtensionBase = "https://trustbridge.example/fhir/StructureDefinition/";
    public const string DepartmentExtension = ExtensionBase + "department";
    public const string DoctorExtension = ExtensionBase + "doctor";
    public const string EncounterDateExtension = ExtensionBase + "encounter-date";
    public const string SourceExtension = ExtensionBase + "source";

    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir().Compact();

    public static string Serialize(F.Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Options);

    public static IResult Result(F.Resource resource, int status = StatusCodes.Status200OK) =>
        TypedResults.Text(Serialize(resource), MediaType, Encoding.UTF8, status);

    public static IResult Outcome(int status, string diagnostics, F.OperationOutcome.IssueType code = F.OperationOutcome.IssueType.Invalid) =>
        Result(new F.OperationOutcome
        {
            Issue = [new() { Severity = F.OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = diagnostics }],
        }, status);

    public static IResult Outcome(ImportFileProblem p) => Outcome(p.Status, $"{p.Title}: {p.Message}", p.Status switch
    {
        StatusCodes.Status404NotFound => F.OperationOutcome.IssueType.NotFound,
        StatusCodes.Status413PayloadTooLarge => F.OperationOutcome.IssueType.TooLong,
        _ => F.OperationOutcome.IssueType.Invalid,
    });

    /// <summary>An import's row errors as OperationOutcome issues: entry index, resource id and element in the expression.</summary>
    public static F.OperationOutcome.IssueComponent Issue(ImportRowError e) => new()
    {
        Severity = F.OperationOutcome.IssueSeverity.Error,
        Code = F.OperationOutcome.IssueType.Invalid,
        Diagnostics = $"{(e.ResourceId is null ? "" : e.ResourceId + " ")}{(e.Column is null ? "" : $"[{e.Column}] ")}{e.Message}{(e.Value is null ? "" : $" (value '{e.Value}')")}",
        Expression = [e.Entry is { } i ? $"Bundle.entry[{i}].resource" : "QuestionnaireResponse"],
    };
}
