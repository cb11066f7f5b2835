using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Audit;
using TrustBridge.Web.Data;

namespace TrustBridge.Web.Features.Audit;

/// <summary>Appends a signed checkpoint of the chain's current end to the checkpoint file (when the chain grew since the last one).</summary>
public sealed class WriteAuditCheckpoint(TrustDbContext db, AuditKey auditKey, AuditCheckpoints checkpoints, TimeProvider clock)
{
    public async Task<AuditCheckpoint?> RunAsync(bool evenIfUnchanged = false, CancellationToken ct = default)
    {
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        if (last is null) return null;
        if (!evenIfUnchanged && Interlocked.Exchange(ref checkpoints.LastWrittenSequence, last.Sequence) == last.Sequence) return null;
        var marker = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditChain.KeyedMarkerAction)
            .OrderBy(a => a.Sequence).Select(a => (long?)a.Sequence).FirstOrDefaultAsync(ct);
        var checkpoint = AuditCheckpoint.Sign(last.Sequence, last.Hash, AuditLog.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
            marker ?? 1, auditKey.Key);
        await checkpoints.AppendAsync(checkpoint, ct);
        return checkpoint;
    }
}

/// <summary>
/// Writes a checkpoint every Audit:CheckpointInterval (default 5 minutes) and once more when the host stops, so the file
/// outside the database always knows how long the chain was.
/// </summary>
public sealed class AuditCheckpointJob(IServiceScopeFactory scopes, IConfiguration configuration, Health.StartupState startup, ILogger<AuditCheckpointJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Audit:CheckpointInterval", TimeSpan.FromMinutes(5));
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
            await WriteAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(cancellationToken);
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        if (!startup.DatabaseReady) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WriteAuditCheckpoint>().RunAsync(ct: ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not write the audit checkpoint; the next one will be tried at the next interval.");
        }
    }
}
