using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Surveys;

public sealed record QrPoster(string DepartmentCode, string DepartmentName, string Link, string PngDataUri);

/// <summary>The printable QR posters of the clinical departments, each pointing at {PublicBaseUrl}/q/{code}.</summary>
public sealed class QrPosters(TrustDbContext db, IOptions<SurveyOptions> options)
{
    public async Task<List<QrPoster>> ListAsync(string? departmentCode, CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.Active && d.Kind == DepartmentKinds.Clinical && (departmentCode == null || departmentCode == "" || d.Code == departmentCode))
            .OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct);
        return departments.Select(d =>
        {
            var link = options.Value.QrLinkFor(d.Code);
            return new QrPoster(d.Code, d.Name, link, "data:image/png;base64," + Convert.ToBase64String(Png(link)));
        }).ToList();
    }

    /// <summary>Error correction Q (25%): a poster stays readable with a scratch or a fold.</summary>
    public static byte[] Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(12);
    }
}
