using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Data;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Imports;

/// <summary>Posting import files and reading what they did, as a client and straight from the database.</summary>
public static class ImportClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ByteArrayContent Csv(string text, string contentType = "text/csv", Encoding? encoding = null, bool bom = false)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(text);
        if (bom) bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        return Bytes(bytes, contentType);
    }

    public static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static async Task<Report> ImportAsync(this HttpClient client, string kind, HttpContent content, string query = "")
    {
        var resp = await client.PostAsync($"/api/{kind}/import{query}", content);
        var body = await resp.Content.ReadAsStringAsync();
        if (!resp.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)resp.StatusCode}: {body}");
        return JsonSerializer.Deserialize<Report>(body, Json)!;
    }

    public static async Task<T> QueryAsync<T>(this TrustBridgeFactory app, Func<TrustDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrustDbContext>());
    }

    public static Task<int> CountAsync<TEntity>(this TrustBridgeFactory app) where TEntity : class =>
        app.QueryAsync(db => db.Set<TEntity>().CountAsync());

    public sealed record Error(int? Line, string? Column, string? Value, string Message, int? Entry, string? ResourceId);

    public sealed record Counts(int Inserted, int Updated, int Unchanged, int Rejected);

    public sealed record Report(string Kind, bool Applied, int Inserted, int Updated, int Unchanged, int Rejected,
        Dictionary<string, int>? Skipped, Dictionary<string, Counts>? Resources, List<Error> Errors, int TotalErrors);
}
