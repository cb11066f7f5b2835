using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>
/// GET /api/surveys/invitations/{id}/qr.png: the invitation's personal link as a QR code, for a letter or a discharge
/// slip when the patient has no SMS. The image opens the patient's survey, so fetching it is the office's and audited.
/// </summary>
public static class InvitationQrApi
{
    public static IEndpointRouteBuilder MapInvitationQrApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/surveys/invitations/{id:long}/qr.png", async (long id, TrustDbContext db, IOptions<SurveyOptions> options, AuditLog audit, CancellationToken ct) =>
            {
                var invitation = await db.SurveyInvitations.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Token, i.Status }).FirstOrDefaultAsync(ct);
                if (invitation is null) return Results.Problem("No such invitation.", statusCode: StatusCodes.Status404NotFound);
                if (invitation.Status is InvitationStatuses.Answered or InvitationStatuses.OptedOut or InvitationStatuses.Expired)
                    return Results.Problem($"The invitation is {invitation.Status}; its link no longer opens a survey.", statusCode: StatusCodes.Status409Conflict);
                await audit.RecordAsync(AuditActions.InvitationQrIssued, "survey-invitation", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, ct);
                return Results.File(QrPosters.Png(options.Value.LinkFor(invitation.Token)), "image/png", $"invitation-{id}.png");
            })
            .WithTags("Surveys").RequireAuthorization(Policies.RegistryWrite)
            .WithSummary("The invitation's survey link as a QR code (PNG) for printing; audited.");
        return app;
    }
}
