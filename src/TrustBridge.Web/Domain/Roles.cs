namespace TrustBridge.Web.Domain;

public static class Roles
{
    public const string Admin = "Admin";
    public const string PatientRelations = "PatientRelations";
    public const string DepartmentHead = "DepartmentHead";
    public const string Clinician = "Clinician";
    public const string Supervisor = "Supervisor";
    public const string Executive = "Executive";
    public static readonly string[] All = [Admin, PatientRelations, DepartmentHead, Clinician, Supervisor, Executive];

    /// <summary>Roles limited to the departments in the user's scope.</summary>
    public static readonly string[] Scoped = [DepartmentHead, Clinician];
}
