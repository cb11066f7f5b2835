using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace TrustBridge.E2E;

/// <summary>
/// The built web app over a fresh SQLite file seeded with the small demo hospital (Demo:Size=small: about 300
/// feedback cases, 364 staff, 8,000 patients, a completed survey wave) and its demo logins, one per role — what a
/// new user tries first. One Chromium for every test of the collection; each test opens its own contexts.
/// </summary>
public sealed class DemoHospitalApp : IAsyncLifetime
{
    public const string Password = "Demo-E2E-2026";

    /// <summary>The demo logins (Features/Demo/DemoAccounts.cs) with the short name used in screenshot files.</summary>
    public static readonly (string Name, string Email)[] Roles =
    [
        ("office", "office@demo.local"), ("head", "cardio.head@demo.local"), ("clinician", "dr.zhang@demo.local"),
        ("executive", "executive@demo.local"), ("supervisor", "supervisor@demo.local"),
    ];

    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"tb_e2e_demo_{Guid.NewGuid():N}.db");
    private Process? _process;
    private readonly StringWriter _log = new();
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task InitializeAsync()
    {
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            BaseUrl = $"http://127.0.0.1:{((IPEndPoint)l.LocalEndpoint).Port}";
        }
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        var web = Path.Combine(TrustBridgeApp.RepoRoot, "src", "TrustBridge.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "TrustBridge.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the web app first: {dll}");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__TrustBridge"] = $"Data Source={_dbFile}";
        start.Environment["Database__Provider"] = "sqlite";
        start.Environment["Bootstrap__AdminEmail"] = "admin@e2e-demo.local";
        start.Environment["Bootstrap__AdminPassword"] = "Admin-E2E-Demo-1";
        start.Environment["Demo__Size"] = "small";
        start.Environment["Demo__Password"] = Password;
        start.Environment["Feedback__JobsEnabled"] = "false";
        start.Environment["Surveys__JobsEnabled"] = "false";
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForHealthAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TRUSTBRIDGE_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public Task DisposeAsync() => AppProcess.ShutDownAsync(Browser, _playwright, _process, _dbFile);

    /// <summary>A desktop (1280×800) or phone (390×844) context, Chinese like the hospital's staff.</summary>
    public Task<IBrowserContext> NewContextAsync(string viewport) => Browser.NewContextAsync(viewport == Viewports.Phone
        ? new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 1, BaseURL = BaseUrl, Locale = "zh-CN" }
        : new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 }, BaseURL = BaseUrl, Locale = "zh-CN" });

    public static async Task LoginAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Staff");
    }

    private Task WaitForHealthAsync() =>
        // Seeding the demo hospital happens before the app listens.
        AppProcess.WaitForHealthAsync(BaseUrl, _process!, () => Log, TimeSpan.FromSeconds(240), "demo web app");
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoHospitalApp>
{
    public const string Name = "TrustBridge demo hospital";
}
