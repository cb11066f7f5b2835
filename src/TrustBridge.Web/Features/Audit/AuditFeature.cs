using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Features.Accounts;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Audit;

public sealed record AuditFilter(string? User = null, string? Action = null, string? EntityType = null, string? EntityId = null,
    DateTime? FromUtc = null, DateTime? ToUtc = null, int? Page = null, int? PageSize = null);

public static class AuditFeature
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(AuditKey.From(configuration))
        .AddSingleton<AuditChainState>()
        .AddSingleton(sp => AuditCheckpoints.From(configuration, sp.GetRequiredService<DatabaseOptions>()))
        .AddScoped<AuditLog>().AddScoped<VerifyAuditChain>().AddScoped<SearchAuditLog>().AddScoped<WriteAuditCheckpoint>()
        .AddHostedService<AuditCheckpointJob>();

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.AuditRead);
        group.MapGet("/", async (string? user, string? action, string? entityType, string? entityId, DateTime? from, DateTime? to, int? page, int? pageSize,
            SearchAuditLog search, CancellationToken ct) =>
            TypedResults.Ok(await search.RunAsync(new AuditFilter(user, action, entityType, entityId, from, to, page, pageSize), ct)));
        group.MapPost("/verify", async (VerifyAuditChain verify, CancellationToken ct) => TypedResults.Ok(await verify.RunAsync(null, ct)))
            .WithSummary("Checks the keyed hash chain of the whole audit log against the latest checkpoint outside the database.");
        return app;
    }
}

public sealed class SearchAuditLog(TrustDbContext db)
{
    public Task<Paged<Domain.AuditEntry>> RunAsync(AuditFilter f, CancellationToken ct = default)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.User)) q = q.Where(a => a.UserName != null && a.UserName.Contains(f.User));
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(a => a.Action == f.Action);
        if (!string.IsNullOrWhiteSpace(f.EntityType)) q = q.Where(a => a.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.EntityId)) q = q.Where(a => a.EntityId == f.EntityId);
        if (f.FromUtc is { } from) q = q.Where(a => a.AtUtc >= from);
        if (f.ToUtc is { } to) q = q.Where(a => a.AtUtc < to);
        return q.OrderByDescending(a => a.Sequence).ToPagedAsync(f.Page, f.PageSize, ct);
    }
}
