using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TrustBridge.Web.Features.Notifications;

/// <summary>
/// POSTs each message as JSON to a configured URL (an SMS gateway or a WeChat bridge). A non-2xx answer or a network
/// error is a failure; the dispatcher retries with backoff.
/// </summary>
public sealed class WebhookSender(HttpClient http, IOptions<NotificationOptions> options) : INotificationSender
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<SendOutcome> SendAsync(OutgoingMessage m, CancellationToken ct)
    {
        var url = options.Value.WebhookUrl;
        if (string.IsNullOrWhiteSpace(url)) return SendOutcome.Failed("Notifications:WebhookUrl is not configured.");
        var body = JsonSerializer.Serialize(new
        {
            id = m.Id, kind = m.Kind, channel = m.Channel, to = m.Recipient, text = m.Body,
            payload = m.Payload is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(m.Payload), correlation = m.Correlation,
        }, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", $"trustbridge-{m.Id}");
        if (options.Value.WebhookSecret is { Length: > 0 } secret)
            request.Headers.Add("X-TrustBridge-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode ? SendOutcome.Ok : SendOutcome.Failed($"HTTP {(int)response.StatusCode} from the webhook.");
        }
        catch (HttpRequestException e)
        {
            return SendOutcome.Failed(e.Message);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendOutcome.Failed("The webhook timed out.");
        }
    }
}
