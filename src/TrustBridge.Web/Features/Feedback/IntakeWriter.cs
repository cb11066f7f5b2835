using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;

namespace TrustBridge.Web.Features.Feedback;

/// <summary>A checked, triaged case with its deadlines, waiting to be stored.</summary>
public sealed record PendingCase(FeedbackCase Case, IReadOnlyList<AttachmentInput> Files, Submitter Who, AuditActor Actor, TriageOverride? Override, string? OnTheSpotReply);

/// <summary>
/// Stores new cases with group commit: requests are checked and triaged in parallel, then one writer stores every case
/// that is waiting, with its history, attachments, alerts and audit records, in one transaction, and only then answers
/// each request. A 201 therefore still means the case is committed, but concurrent submissions share one commit (and,
/// on SQLite, one write lock) instead of queueing for one each. See docs/decisions/007-feedback-intake-group-commit.md.
/// </summary>
public sealed class IntakeWriter(IServiceScopeFactory scopes, ILogger<IntakeWriter> log) : IDisposable
{
    private const int MaxBatch = 128;
    private readonly Channel<(PendingCase Item, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(PendingCase, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private readonly Lock _start = new();

    public Task WriteAsync(PendingCase item, CancellationToken ct)
    {
        EnsureStarted();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((item, done))) throw new InvalidOperationException("The intake writer has stopped.");
        // The caller may stop waiting, but the case is stored anyway once queued (nothing half-written).
        return done.Task.WaitAsync(ct);
    }

    private void EnsureStarted()
    {
        if (_loop is not null) return;
        lock (_start) _loop ??= Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        var batch = new List<(PendingCase Item, TaskCompletionSource Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await WriteBatchAsync(batch.Select(b => b.Item).ToList()).ConfigureAwait(false);
                foreach (var b in batch) b.Done.TrySetResult();
            }
            catch (Exception batchError) when (batch.Count > 1)
            {
                // One bad case must not fail the others: store them one by one.
                log.LogWarning(batchError, "Storing {Count} cases together failed; storing them one by one", batch.Count);
                foreach (var b in batch)
                {
                    try { await WriteBatchAsync([b.Item]).ConfigureAwait(false); b.Done.TrySetResult(); }
                    catch (Exception e) { b.Done.TrySetException(e); }
                }
            }
            catch (Exception e)
            {
                foreach (var b in batch) b.Done.TrySetException(e);
            }
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<PendingCase> items)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TrustDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(sp.GetRequiredService<DatabaseOptions>().WriteIsolation);
        await StoreAsync(db, sp, items, CancellationToken.None);
        await tx.CommitAsync();
    }

    /// <summary>Stores cases in the caller's open transaction (used by the writer, and by callers that already have one).</summary>
    public static async Task StoreAsync(TrustDbContext db, IServiceProvider sp, IReadOnlyList<PendingCase> items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            item.Case.Id = 0; // a batch that failed may have given it one
            db.FeedbackCases.Add(item.Case);
        }
        // Two equal 59-bit codes are not expected in the life of a hospital; if it happens, draw again.
        var codes = items.Select(i => i.Case.TrackingCode).ToList();
        var taken = await db.FeedbackCases.Where(c => codes.Contains(c.TrackingCode)).Select(c => c.TrackingCode).ToListAsync(ct);
        foreach (var item in items.Where(i => taken.Contains(i.Case.TrackingCode))) item.Case.TrackingCode = TrackingCodes.New();
        await db.SaveChangesAsync(ct);

        var notify = sp.GetRequiredService<CaseNotifications>();
        foreach (var item in items)
        {
            var c = item.Case;
            foreach (var f in item.Files)
                db.FeedbackAttachments.Add(new FeedbackAttachment { CaseId = c.Id, FileName = Attachments.SafeName(f.FileName), ContentType = Attachments.KindOf(f.Content)!, Size = f.Content.Length, Content = f.Content, CreatedAt = c.CreatedAt });
            var history = new CaseHistory(db, c.CreatedAt);
            history.Add(c, "created", item.Who, null, c.ResolvedOnTheSpot ? CaseStatuses.New : c.Status, c.Channel, visible: true);
            if (c.ResolvedOnTheSpot) history.Add(c, "resolved-on-the-spot", item.Who, null, CaseStatuses.Closed, item.OnTheSpotReply, visible: true);
            if (item.Override is { } o) { o.CaseId = c.Id; db.TriageOverrides.Add(o); }
            notify.ForRisk(c);
            if (c.SecondLookDueBy is not null)
            {
                history.Add(c, SecondLook.OpenedEvent, item.Who, c.Status, c.Status, "内容含有威胁线索，请在2小时内复核（可能高危）");
                notify.SecondLook(c);
            }
        }
        await db.SaveChangesAsync(ct);
        var audit = sp.GetRequiredService<AuditLog>();
        foreach (var item in items)
            await audit.RecordAsync(item.Actor, AuditActions.Created, "feedback-case", item.Case.Id.ToString(CultureInfo.InvariantCulture),
                new { channel = item.Case.Channel, type = item.Case.Type, category = item.Case.Category, riskLevel = item.Case.RiskLevel }, ct);
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _stop.Cancel();
        _stop.Dispose();
    }
}
