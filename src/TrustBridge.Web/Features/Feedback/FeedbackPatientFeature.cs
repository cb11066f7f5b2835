namespace TrustBridge.Web.Features.Feedback;

/// <summary>The patient-facing feedback pages (form, confirmation, tracking) and the staff's QR posters.</summary>
public static class FeedbackPatientFeature
{
    /// <summary>3 files of 5 MB, the text and the multipart framing.</summary>
    public const long MaxFormBytes = Attachments.MaxFiles * (long)Attachments.MaxBytes + 1024 * 1024;

    public static IServiceCollection AddFeedbackPatient(this IServiceCollection services) => services.AddScoped<FeedbackPosters>();

    /// <summary>The page a patient sees when the form was posted too often from one address (not problem JSON).</summary>
    public static ValueTask WriteTooManyPageAsync(HttpContext http, CancellationToken ct) => Pages.Patient.PatientNoticePage.WriteAsync(http, "提交过于频繁",
        ["为防止滥用，同一网络每分钟只能提交有限次数。请稍等一分钟后返回重试，您填写的内容可用浏览器的“返回”找回。", "如情况紧急，请直接联系科室护士站或医院医患沟通办公室。"],
        "/Patient/Feedback", "返回意见反馈", "too-many", ct);
}
