using Microsoft.AspNetCore.Authorization;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Assessment;

/// <summary>The policies of training, recognition, the assessment and the monthly report (registered by AddAssessment).</summary>
public static class AssessmentPolicies
{
    /// <summary>Targets and weights of the scorecard.</summary>
    public const string Weights = "assessment.weights";
    /// <summary>Issue 通报 notices; run the committee; keep the training catalogue, sessions and credits.</summary>
    public const string Office = "assessment.office";
    /// <summary>Hospital-wide reports: the monthly leadership report.</summary>
    public const string Reports = "assessment.reports";

    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(Weights, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        o.AddPolicy(Office, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.PatientRelations));
        o.AddPolicy(Reports, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.PatientRelations, Roles.Executive, Roles.Supervisor));
    }
}
