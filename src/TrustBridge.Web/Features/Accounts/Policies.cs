using Microsoft.AspNetCore.Authorization;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Accounts;

/// <summary>Every endpoint names one of these, or is explicitly anonymous.</summary>
public static class Policies
{
    /// <summary>Any signed-in member of staff with a role.</summary>
    public const string Staff = "staff";
    /// <summary>Create and edit departments, staff and patients; run imports.</summary>
    public const string RegistryWrite = "registry.write";
    /// <summary>See a patient's full mobile and identity number (audited).</summary>
    public const string RevealPatientIdentifiers = "patient.reveal";
    public const string AuditRead = "audit.read";
    public const string Admin = "admin";
    public const string SymposiaWrite = RegistryWrite; // 座谈会: record, raise items, report back (office and administrators)

    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        o.AddPolicy(RegistryWrite, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.PatientRelations));
        o.AddPolicy(RevealPatientIdentifiers, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.PatientRelations));
        o.AddPolicy(AuditRead, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Supervisor));
        o.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        // Defence in depth: an endpoint that forgot its policy still needs a login (a test also fails on it).
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
