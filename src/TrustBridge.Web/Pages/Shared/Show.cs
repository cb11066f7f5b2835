using System.Globalization;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Hospital;

namespace TrustBridge.Web.Pages.Shared;

/// <summary>How the pages write dates, times, numbers and codes: 2026-11-22, hospital local time, 1,234.</summary>
public static class Show
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", Invariant) ?? "—";

    public static string Time(HospitalClock clock, DateTime? utc) =>
        utc is { } t ? clock.ToLocal(t).ToString("yyyy-MM-dd HH:mm", Invariant) : "—";

    public static string TimeWithSeconds(HospitalClock clock, DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss", Invariant);

    public static string Number(long n) => n.ToString("N0", Invariant);

    public static string Or(string? s) => string.IsNullOrWhiteSpace(s) ? "—" : s;

    /// <summary>The Chinese label of a stored code; the page passes it through the localizer.</summary>
    public static string DepartmentKind(string kind) => kind switch
    {
        DepartmentKinds.Clinical => "临床科室",
        DepartmentKinds.MedTech => "医技科室",
        DepartmentKinds.Admin => "行政职能",
        _ => kind,
    };

    public static string EncounterType(string type) => type switch
    {
        EncounterTypes.Outpatient => "门诊",
        EncounterTypes.Inpatient => "住院",
        EncounterTypes.Emergency => "急诊",
        _ => type,
    };

    public static string Gender(string gender) => gender switch
    {
        Genders.Male => "男",
        Genders.Female => "女",
        _ => "未知",
    };

    public static string Disposition(string? d) => d switch
    {
        null => "—",
        DischargeDispositions.Home => "回家",
        DischargeDispositions.Transfer => "转院",
        DischargeDispositions.AgainstAdvice => "自动出院",
        DischargeDispositions.Died => "死亡",
        _ => "其他",
    };

    public static string Role(string role) => role switch
    {
        Roles.Admin => "系统管理员",
        Roles.PatientRelations => "医患办",
        Roles.DepartmentHead => "科主任",
        Roles.Clinician => "临床医务人员",
        Roles.Supervisor => "监督小组",
        Roles.Executive => "院领导",
        _ => role,
    };

    /// <summary>The current URL with one query value replaced (paging keeps the filters).</summary>
    public static string WithQuery(HttpRequest request, string key, string? value)
    {
        var q = request.Query.Where(kv => !string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))).ToList();
        if (value is not null) q.Add(new(key, value));
        return request.PathBase + request.Path + Microsoft.AspNetCore.Http.QueryString.Create(q);
    }

    public static string CurrentUrl(HttpRequest request) => request.PathBase + request.Path + request.QueryString;
}
