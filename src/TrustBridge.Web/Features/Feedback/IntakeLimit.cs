using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>
/// Public intake (the form and the anonymous API) per client address: Feedback:IntakePerMinute posts a minute.
/// Signed-in staff and reading the form are not limited.
/// </summary>
public sealed class IntakeLimit(IOptions<FeedbackOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "feedback-intake";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, ct) =>
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = "60";
        if (!http.Request.Path.StartsWithSegments("/api")) { await FeedbackPatientFeature.WriteTooManyPageAsync(http, ct); return; }
        await TypedResults.Problem("Too many submissions from this address; please wait a minute and try again.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many submissions").ExecuteAsync(http);
    };

    public RateLimitPartition<string> GetPartition(HttpContext http) =>
        !HttpMethods.IsPost(http.Request.Method) || http.User.Identity?.IsAuthenticated == true
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter("intake:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.Value.IntakePerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
