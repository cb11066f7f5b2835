using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>Surveys:Qr:* configuration.</summary>
public sealed class QrSurveyOptions
{
    /// <summary>Poster answers one phone (device cookie) may give per day.</summary>
    public int AnswersPerDevicePerDay { get; set; } = 3;
    /// <summary>Poster answers one client address may give per hour (a hospital's guest Wi-Fi is one address).</summary>
    public int AnswersPerIpPerHour { get; set; } = 20;
}

/// <summary>
/// Poster answers are anonymous, so one phone could stuff a department's results. Only the final submit of the QR
/// survey (POST /q/{code}?handler=Submit) is limited, per device cookie and per client address; a refused answer gets a
/// friendly 429 page. The counts live in each web node's memory: with several nodes behind a balancer a device may
/// get a few more answers, which the limit tolerates (it guards against stuffing, not single extra answers).
/// </summary>
public static class QrAnswerLimits
{
    public const string DeviceCookie = "tb_device";

    public static IServiceCollection AddQrAnswerLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<QrSurveyOptions>(configuration.GetSection("Surveys:Qr"));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<QrSurveyOptions>>((o, qr) =>
        {
            var limits = qr.Value;
            var perDevice = PartitionedRateLimiter.Create<HttpContext, string>(http => !IsQrAnswer(http)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter("device:" + DeviceKey(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.AnswersPerDevicePerDay, Window = TimeSpan.FromDays(1), QueueLimit = 0,
                }));
            var perAddress = PartitionedRateLimiter.Create<HttpContext, string>(http => !IsQrAnswer(http)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + Address(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.AnswersPerIpPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0,
                }));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(perDevice, perAddress);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => WriteTooManyPageAsync(context.HttpContext, ct);
        });
        return services;
    }

    /// <summary>
    /// A post to a named handler of the QR survey (only Submit exists). Razor Pages takes the first handler value of the
    /// query, so that is the one looked at: "?handler=Submit&amp;handler=x" is counted too.
    /// </summary>
    public static bool IsQrAnswer(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/q")
        && http.Request.Query["handler"] is { Count: > 0 } handler && !string.IsNullOrEmpty(handler[0]);

    /// <summary>The device cookie, or (a browser that refuses cookies cannot post the form anyway) the address.</summary>
    private static string DeviceKey(HttpContext http) =>
        http.Request.Cookies[DeviceCookie] is { Length: 32 } device ? device : "ip:" + Address(http);

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Gives the phone a long-lived random identifier the first time it opens a poster survey.</summary>
    public static void EnsureDeviceCookie(HttpContext http)
    {
        if (http.Request.Cookies[DeviceCookie] is { Length: 32 }) return;
        http.Response.Cookies.Append(DeviceCookie, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Path = "/q",
        });
    }

    private static ValueTask WriteTooManyPageAsync(HttpContext http, CancellationToken ct) => Pages.Patient.PatientNoticePage.WriteAsync(http, "今天已经评价过了",
        ["感谢您的热心！为保证评价公正，同一部手机每天只能提交几次评价，请明天再来。"], "/Public", "查看本院公开信息", null, ct);
}
