using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Feedback;

namespace TrustBridge.Web.Tests.Feedback;

/// <summary>The feedback fixture with a database of its own for the calendar, job and survey tests (they change the calendar and the queue).</summary>
public sealed class FeedbackOpsFixture : FeedbackFixture
{
    public async Task<FeedbackJobsResult> RunJobsAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RunFeedbackJobs>().RunOnceAsync();
    }

    public async Task<T> WithDbAsync<T>(Func<TrustDbContext, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<TrustDbContext>());
    }

    public Task<List<OutboxMessage>> MessagesAsync(string kind, int caseId) =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == kind && m.Correlation == $"feedback:{caseId}").OrderBy(m => m.Id).ToListAsync());

    public static Task<HttpResponseMessage> PutDayAsync(HttpClient client, string date, object body) => client.PutAsJsonAsync($"/api/calendar/days/{date}", body);
}
