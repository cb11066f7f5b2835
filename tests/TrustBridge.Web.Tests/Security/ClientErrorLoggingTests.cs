using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Security;

/// <summary>Issue 16, defect 12: client errors are logged at information without a stack trace, never as errors.</summary>
public class ClientErrorLoggingTests(ClientErrorLoggingTests.LogCapturingFactory app) : IClassFixture<ClientErrorLoggingTests.LogCapturingFactory>
{
    [Fact]
    public async Task Malformed_and_unknown_member_bodies_are_an_information_line_without_a_stack()
    {
        var admin = await app.AdminClientAsync();
        while (app.Queue.TryDequeue(out _)) { }
        foreach (var body in new[] { "{\"code\": ", "{\"code\":\"L1\",\"name\":\"x\",\"colour\":\"red\"}", "[1,2,3]", "{\"code\":42}" })
        {
            var resp = await admin.PostAsync("/api/departments", new StringContent(body, Encoding.UTF8, "application/json"));
            resp.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        }
        var bad = app.Logs.Where(l => l.Level >= LogLevel.Warning || l.Exception is not null).ToList();
        bad.ShouldBeEmpty(string.Join("\n", bad.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
        app.Logs.Count(l => l.Level == LogLevel.Information && l.Message.Contains("/api/departments answered 400", StringComparison.Ordinal)).ShouldBe(4);
    }

    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    public sealed class LogCapturingFactory : TrustBridgeFactory
    {
        public ConcurrentQueue<Entry> Queue { get; } = new();
        public IReadOnlyCollection<Entry> Logs => Queue;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(new Provider(Queue)));
        }
    }

    private sealed class Provider(ConcurrentQueue<Entry> queue) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, queue);
        public void Dispose() { }
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> queue) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) queue.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
        }
    }
}
