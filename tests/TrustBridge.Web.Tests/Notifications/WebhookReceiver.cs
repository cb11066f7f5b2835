using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrustBridge.Web.Tests.Notifications;

/// <summary>A real HTTP endpoint on 127.0.0.1 standing in for an SMS gateway: records what arrives, fails when told to.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<(JsonElement Body, string? Signature)> Received { get; } = new();
    /// <summary>How many of the next requests answer 500.</summary>
    public int FailNext;

    public string Url { get; }

    public WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/sms", async (HttpContext ctx) =>
        {
            if (Interlocked.Decrement(ref FailNext) >= 0) return Results.StatusCode(500);
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(ctx.Request.Body);
            Received.Enqueue((body, ctx.Request.Headers["X-TrustBridge-Signature"].FirstOrDefault()));
            return Results.Ok();
        });
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = address.TrimEnd('/') + "/sms";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
