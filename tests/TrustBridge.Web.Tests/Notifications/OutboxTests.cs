using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Notifications;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Notifications;

public sealed class OutboxFixture : TrustBridgeFactory
{
    public const string Secret = "gateway-secret";
    public WebhookReceiver Receiver { get; } = new();

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
    [
        ("Notifications:Sender", "webhook"), ("Notifications:WebhookUrl", Receiver.Url), ("Notifications:WebhookSecret", Secret),
        ("Notifications:DispatcherEnabled", "false"), ("Notifications:FirstRetrySeconds", "0"), ("Notifications:MaxAttempts", "3"),
    ];

    public async Task<long> EnqueueAsync(string mobile, string correlation)
    {
        using var scope = Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var m = outbox.Add("survey-invitation", "sms", mobile, "138****5678", "【信桥医院】请评价您的就诊体验：https://h/s/abc", "{\"link\":\"https://h/s/abc\"}", correlation);
        await scope.ServiceProvider.GetRequiredService<TrustDbContext>().SaveChangesAsync();
        return m.Id;
    }

    public async Task<int> DispatchAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunOnceAsync();
    }

    public async Task<OutboxMessage> RowAsync(long id)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TrustDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}

// One class: the tests share one receiver and one outbox table, so they must not run side by side.
public class OutboxTests(OutboxFixture app) : IClassFixture<OutboxFixture>
{
    [Fact]
    public async Task Delivers_through_the_webhook_retrying_after_a_failure_and_signs_the_body()
    {
        while (await app.DispatchAsync() > 0) { }
        app.Receiver.Received.Clear();
        var id = await app.EnqueueAsync("13812345678", "test:retry");
        app.Receiver.FailNext = 1;

        (await app.DispatchAsync()).ShouldBe(1);
        var afterFailure = await app.RowAsync(id);
        afterFailure.Status.ShouldBe(OutboxStatuses.Pending);
        afterFailure.Attempts.ShouldBe(1);
        afterFailure.LastError!.ShouldContain("500");

        (await app.DispatchAsync()).ShouldBe(1);
        var sent = await app.RowAsync(id);
        sent.Status.ShouldBe(OutboxStatuses.Sent);
        sent.Attempts.ShouldBe(2);
        sent.SentAt.ShouldNotBeNull();

        app.Receiver.Received.Count.ShouldBe(1);
        app.Receiver.Received.TryPeek(out var got).ShouldBeTrue();
        got.Body.GetProperty("to").GetString().ShouldBe("13812345678");
        got.Body.GetProperty("correlation").GetString().ShouldBe("test:retry");
        got.Body.GetProperty("payload").GetProperty("link").GetString().ShouldBe("https://h/s/abc");
        var raw = got.Body.GetRawText();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(OutboxFixture.Secret), Encoding.UTF8.GetBytes(raw)));
        got.Signature.ShouldBe(expected);
    }

    [Fact]
    public async Task Gives_up_after_the_last_attempt()
    {
        while (await app.DispatchAsync() > 0) { }
        var id = await app.EnqueueAsync("13912345678", "test:dead");
        app.Receiver.FailNext = 100;
        try
        {
            for (var i = 0; i < 5; i++) await app.DispatchAsync();
        }
        finally
        {
            app.Receiver.FailNext = 0;
        }
        var row = await app.RowAsync(id);
        row.Status.ShouldBe(OutboxStatuses.Dead);
        row.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task The_recipient_is_encrypted_at_rest()
    {
        var id = await app.EnqueueAsync("13712345678", "test:rest");
        var row = await app.RowAsync(id);
        row.RecipientEncrypted!.ShouldNotContain("13712345678");
        row.RecipientMasked.ShouldBe("138****5678");
    }

    [Fact]
    public async Task Two_dispatchers_at_once_send_each_message_exactly_once()
    {
        while (await app.DispatchAsync() > 0) { }
        app.Receiver.Received.Clear();
        var ids = new List<long>();
        for (var i = 0; i < 120; i++) ids.Add(await app.EnqueueAsync($"1360000{i:0000}", $"test:once:{i}"));

        async Task Drain()
        {
            while (await app.DispatchAsync() > 0) { }
        }
        await Task.WhenAll(Drain(), Drain(), Drain());

        var delivered = app.Receiver.Received.Select(r => r.Body.GetProperty("id").GetInt64()).Where(ids.Contains).ToList();
        delivered.Count.ShouldBe(120);
        delivered.Distinct().Count().ShouldBe(120);
    }
}
