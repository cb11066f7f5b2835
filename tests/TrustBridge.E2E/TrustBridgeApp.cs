using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrustBridge.Web;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.E2E;

/// <summary>
/// The built web app as a real process on a free loopback port over a fresh SQLite file, a little hospital seeded
/// through its API (departments, staff) and, for patients and encounters (no create API yet), written into the same
/// database with the app's own services so mobiles are encrypted with the app's key ring. Plus one Chromium.
/// </summary>
public sealed class TrustBridgeApp : IAsyncLifetime
{
    public const string AdminEmail = "admin@e2e.local";
    public const string AdminPassword = "Admin-E2E-12345";
    public const string FullMobile = "13812345678";
    public const string MaskedMobile = "138****5678";

    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"tb_e2e_{Guid.NewGuid():N}.db");
    private Process? _process;
    private readonly StringWriter _log = new();
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public static string RepoRoot { get; } = FindRepoRoot();
    /// <summary>
    /// TestResults/screenshots by default, so a test run leaves the committed pictures alone; set
    /// TRUSTBRIDGE_SCREENSHOTS=docs/screenshots to refresh the ones README shows.
    /// </summary>
    public static string ScreenshotDir { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("TRUSTBRIDGE_SCREENSHOTS") is { Length: > 0 } dir
            ? Path.GetFullPath(dir, RepoRoot)
            : Path.Combine(RepoRoot, "TestResults", "screenshots")).FullName;
    public int PatientWithMobileId { get; private set; }
    /// <summary>The app's SQLite database, for fixtures that need what no API shows (a patient's survey link).</summary>
    public string ConnectionString => $"Data Source={_dbFile}";

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        var web = Path.Combine(RepoRoot, "src", "TrustBridge.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "TrustBridge.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the web app first: {dll}");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__TrustBridge"] = $"Data Source={_dbFile}";
        start.Environment["Database__Provider"] = "sqlite";
        start.Environment["Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        start.Environment["Demo__Size"] = "none";
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForHealthAsync();
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TRUSTBRIDGE_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    public Task DisposeAsync() => AppProcess.ShutDownAsync(Browser, _playwright, _process, _dbFile);

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>A browser context with the viewport of a desktop or a phone.</summary>
    public Task<IBrowserContext> NewContextAsync(string viewport) => Browser.NewContextAsync(viewport == Viewports.Phone
        ? new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 1, BaseURL = BaseUrl, Locale = "zh-CN" }
        : new BrowserNewContextOptions { ViewportSize = new() { Width = 1366, Height = 900 }, BaseURL = BaseUrl, Locale = "zh-CN" });

    private Task WaitForHealthAsync() =>
        AppProcess.WaitForHealthAsync(BaseUrl, _process!, () => Log, TimeSpan.FromSeconds(90), "web app");

    private async Task SeedAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (code, name, kind, parent) in SeedData.Departments)
            (await http.PostAsJsonAsync("/api/departments", new { code, name, kind, parentCode = parent })).EnsureSuccessStatusCode();
        foreach (var s in SeedData.Staff)
            (await http.PostAsJsonAsync("/api/staff", new { code = s.Code, name = s.Name, title = s.Title, departmentCode = s.Department, specialties = s.Specialties, licenceNumber = s.Licence, bio = s.Bio })).EnsureSuccessStatusCode();

        foreach (var (email, name, roles, departments) in SeedData.Users)
            (await http.PostAsJsonAsync("/api/users", new { email, displayName = name, password = SeedData.UserPassword, roles, departmentCodes = departments })).EnsureSuccessStatusCode();

        // The app makes its Data Protection key on the first page with a form; ours then reads that key from the database.
        (await http.GetAsync("/Account/Login")).EnsureSuccessStatusCode();
        await SeedPatientsAsync();
    }

    private async Task SeedPatientsAsync()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite",
            ["ConnectionStrings:TrustBridge"] = $"Data Source={_dbFile}",
            ["Hospital:TimeZone"] = "Asia/Shanghai",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config);
        services.AddTrustBridgeCore(config);
        await using var sp = services.BuildServiceProvider();
        using var scope = sp.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PatientIdentifierProtector>();
        var now = DateTime.UtcNow;
        var patients = SeedData.Patients.Select((p, i) =>
        {
            var mobile = protector.ProtectMobile(p.Mobile);
            var id = protector.ProtectIdNumber(p.IdNumber);
            return new Patient
            {
                Mrn = p.Mrn, Name = p.Name, Gender = p.Gender, BirthDate = p.Birth,
                MobileEncrypted = mobile?.Encrypted, MobileMasked = mobile?.Masked, IdNumberEncrypted = id?.Encrypted, IdNumberMasked = id?.Masked,
                CreatedAt = now, UpdatedAt = now,
            };
        }).ToList();
        db.Patients.AddRange(patients);
        await db.SaveChangesAsync();
        PatientWithMobileId = patients.Single(p => p.Mrn == SeedData.Patients[0].Mrn).Id;

        var departments = await db.Departments.Where(d => d.Kind == DepartmentKinds.Clinical).ToListAsync();
        var staff = await db.Staff.ToListAsync();
        var random = new Random(20261122);
        var n = 0;
        foreach (var month in Enumerable.Range(0, 24))
            for (var i = 0; i < 12 + random.Next(20); i++)
            {
                var type = random.Next(9) switch { < 6 => EncounterTypes.Outpatient, < 8 => EncounterTypes.Inpatient, _ => EncounterTypes.Emergency };
                var started = now.AddDays(-(month * 30 + random.Next(30))).AddHours(-random.Next(24));
                var dept = departments[random.Next(departments.Count)];
                db.Encounters.Add(new Encounter
                {
                    HisId = $"E2E{++n:D6}", PatientId = patients[random.Next(patients.Count)].Id, Type = type, DepartmentId = dept.Id,
                    AttendingStaffId = staff[random.Next(staff.Count)].Id, StartedAt = started,
                    EndedAt = type == EncounterTypes.Inpatient ? started.AddDays(3 + random.Next(10)) : null,
                    DischargeDisposition = type == EncounterTypes.Inpatient ? DischargeDispositions.Home : null,
                    CreatedAt = now, UpdatedAt = now,
                });
            }
        await db.SaveChangesAsync();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrustBridge.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (TrustBridge.slnx) above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<TrustBridgeApp>
{
    public const string Name = "TrustBridge app";
}

public static class Viewports
{
    public const string Desktop = "desktop";
    public const string Phone = "phone";
}
