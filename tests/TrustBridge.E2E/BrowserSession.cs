using Microsoft.Playwright;

namespace TrustBridge.E2E;

/// <summary>One browser context and page of one viewport, with the steps the tests share.</summary>
public sealed class BrowserSession(string viewport, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;
    public string Viewport { get; } = viewport;

    public static async Task<BrowserSession> OpenAsync(TrustBridgeApp app, string viewport)
    {
        var context = await app.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        return new BrowserSession(viewport, context, page);
    }

    public async Task LoginAsync(string email = TrustBridgeApp.AdminEmail, string password = TrustBridgeApp.AdminPassword)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.FillAsync("#Email", email);
        await Page.FillAsync("#Password", password);
        await Page.ClickAsync("form button[type=submit]");
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Staff");
    }

    /// <summary>NAME-desktop.png or NAME-phone.png in the screenshot folder (see TrustBridgeApp.ScreenshotDir): the page, cut at 1,800 px so long lists stay small files.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var size = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(TrustBridgeApp.ScreenshotDir, $"{name}-{Viewport}.png"), FullPage = true,
            Clip = new() { X = 0, Y = 0, Width = size[0], Height = Math.Min(size[1], 1800) },
        });
    }

    /// <summary>Fails when the page is wider than the viewport (a table or form that does not fit a phone).</summary>
    public async Task ShouldNotScrollSidewaysAsync()
    {
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(1, $"{Page.Url} is {overflow}px wider than the {Viewport} viewport");
    }

    public ValueTask DisposeAsync() => context.DisposeAsync();
}
