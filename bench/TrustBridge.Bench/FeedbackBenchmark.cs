using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using TrustBridge.Web.Data;

namespace TrustBridge.Bench;

/// <summary>
/// Issue 4's speed goals. (1) Public intake: many concurrent anonymous clients posting cases to POST /api/feedback on
/// 127.0.0.1 (each is triaged, gets deadlines from the calendar, and is stored with its history and audit record before
/// the 201); afterwards the database must hold exactly as many cases as there were 201s. Beside it the raw baseline:
/// the same number of connections each committing one INSERT into feedback_cases per transaction. (2) The office queue
/// over 100,000 cases: p50/p95 of the queue API and page for the views the office uses.
/// </summary>
public static class FeedbackBenchmark
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(180);

    private static readonly string[] Texts =
    [
        "挂号排队等了两个多小时，窗口只开了一个，老人站都站不住",
        "医生看病很仔细，耐心解释病情，非常感谢{0}科的大夫",
        "住院费用清单看不明白，有几项检查我们根本没做过却收了费",
        "建议门诊楼多设几个指示牌，第一次来根本找不到B超室",
        "护士给我母亲打针时态度很凶，问两句就不耐烦",
        "请问住院病历复印需要带什么证件，周末可以办理吗",
        "病房厕所的灯坏了三天没人修，晚上很不方便",
        "手术前没人跟我们说清楚风险，术后出现并发症才告诉我们",
        "检查的时候没有拉帘子，旁边还有别的病人，感觉隐私被侵犯",
        "听说有医生收红包，希望医院查一查",
    ];

    public static async Task<int> RunAsync(int requests, int clients, int queueCases, string provider, string? pgAdmin)
    {
        var folder = Directory.CreateTempSubdirectory("tb_bench_feedback_").FullName;
        try
        {
            var his = SyntheticHisExport.Generate(folder, 2_000);
            await using var db = await BenchDatabase.CreateAsync(provider, folder, "feedback", pgAdmin);
            await db.CliAsync("migrate");
            await db.CliAsync("import", "departments", his.DepartmentsCsv);
            await db.CliAsync("import", "staff", his.StaffCsv);
            var departments = (await db.IdsAsync("departments", "code")).Keys.Order(StringComparer.Ordinal).ToArray();

            await using var web = await WebAppProcess.StartAsync(provider, db.Connection, new Dictionary<string, string>
            {
                // The per-address limit protects the public form; every bench client comes from 127.0.0.1.
                ["Feedback__IntakePerMinute"] = "100000000",
                ["Feedback__JobsEnabled"] = "false",
            });
            for (var i = 0; i < 30; i++) using (await web.Http.PostAsJsonAsync("/api/feedback", new { content = "" })) { } // warm-up: 400, nothing stored

            var load = await HttpLoad.RunAsync(web, requests, clients, Limit, (i, ct) => web.Http.PostAsJsonAsync("/api/feedback", Body(i, departments), ct));
            var (created, sent, other, rate, webCpu, elapsed) = (load.Created, load.Sent, load.Others, load.CreatedPerSecond, load.WebCpu, load.Elapsed);
            var stored = Convert.ToInt64(await db.ScalarAsync("SELECT count(*) FROM feedback_cases"), CultureInfo.InvariantCulture);
            var rawRows = Math.Min(requests, 20_000);
            var raw = await RawInsertsAsync(db, rawRows, clients);
            var rawRate = rawRows / raw.TotalSeconds;

            // The queue: fill up to queueCases, then time what the office opens all day.
            var seedWatch = Stopwatch.StartNew();
            var added = await SeedCasesAsync(db, queueCases - (int)stored);
            seedWatch.Stop();
            await web.LoginAsync();
            var code = departments[departments.Length / 2];
            var queries = new (string What, string Path)[]
            {
                ("queue, newest first, page 1 (`GET /api/feedback`)", "/api/feedback"),
                ("open cases by due date (`view=open&sort=due`)", "/api/feedback?view=open&sort=due"),
                ("overdue (`view=overdue`)", "/api/feedback?view=overdue"),
                ("due soon (`view=due-soon`)", "/api/feedback?view=due-soon"),
                ("one department, complaints (`departmentCode=…&type=complaint`)", $"/api/feedback?departmentCode={code}&type=complaint"),
                ("text search (`q=红包`)", "/api/feedback?q=%E7%BA%A2%E5%8C%85"),
                ("page 200 of newest (`page=200`)", "/api/feedback?page=200"),
            };
            var pageClient = await StaffPageClient.LoginAsync(web.Http.BaseAddress!, WebAppProcess.AdminEmail, WebAppProcess.AdminPassword);
            var timings = new List<(string What, double P50, double P95)>();
            foreach (var (what, path) in queries) { var (p50, p95) = await TimeAsync(web.Http, path); timings.Add((what, p50, p95)); }
            if (pageClient is not null)
            {
                foreach (var (what, path) in new[] { ("office queue page `/Staff/Feedback`", "/Staff/Feedback"), ("queue page, overdue tab", "/Staff/Feedback?view=overdue") })
                {
                    var (p50, p95) = await TimeAsync(pageClient, path);
                    timings.Add((what, p50, p95));
                }
            }
            var total = Convert.ToInt64(await db.ScalarAsync("SELECT count(*) FROM feedback_cases"), CultureInfo.InvariantCulture);

            List<string> lines =
            [
                $"`dotnet run -c Release --project bench/TrustBridge.Bench -- feedback --requests {requests} --clients {clients} --cases {queueCases} --provider {provider}`",
                "",
                $"**Public intake.** {clients} concurrent anonymous HTTP/1.1 clients on 127.0.0.1 posting cases (ten kinds of Chinese text, a department each, some with name and mobile) to the web app process (Release). Each case is validated, triaged, given deadlines from the working calendar, encrypted where it carries a mobile, and stored with its history entry, any high-risk alert and its audit record in one transaction before the 201.",
                "",
                "| what | cases/s | seconds |",
                "|---|---:|---:|",
                $"| `POST /api/feedback`, {sent:N0} requests, {created:N0} × 201{(other.Length > 0 ? ", " + other : "")} | {rate:N0} | {elapsed.TotalSeconds:N1} |",
                $"| raw baseline: {clients} concurrent connections each committing one INSERT into feedback_cases per transaction ({rawRows:N0} rows) | {rawRate:N0} | {raw.TotalSeconds:N1} |",
                "",
                $"The web process used {webCpu.TotalSeconds:N1} s of CPU ({webCpu.TotalMilliseconds / Math.Max(1, sent):N2} ms per request; {webCpu.TotalSeconds / elapsed.TotalSeconds:N2} of the {Environment.ProcessorCount} CPUs, shared with the load generator{(provider == "postgres" ? " and PostgreSQL" : "")}).",
                $"Durability check: {created:N0} cases acknowledged with 201, {stored:N0} cases in the database afterwards ({(stored == created ? "equal" : "**NOT equal**")}).",
                "",
                $"**{rate:N0} cases/s** (target ≥ 1,000: {(rate >= 1000 ? "met" : "missed")}); {(rate / rawRate).ToString("N2", CultureInfo.InvariantCulture)}× the raw single-row commits.",
                "",
                $"**Office queue over {total:N0} cases** ({added:N0} added in SQL in {seedWatch.Elapsed.TotalSeconds:N1} s after the intake run; 12 months, every type, status and risk level), signed in as the administrator (sees every case); 5 warm-up requests, then 40 timed requests each, one at a time:",
                "",
                "| request | p50 ms | p95 ms |",
                "|---|---:|---:|",
                .. timings.Select(t => $"| {t.What} | {t.P50:N1} | {t.P95:N1} |"),
            ];
            foreach (var l in lines) Console.WriteLine(l);
            BenchmarkReport.WriteSection($"feedback-{provider}", $"Feedback intake and office queue — {(provider == "postgres" ? "PostgreSQL" : "SQLite")}", lines);
            return stored == created ? 0 : 2;
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static object Body(int i, string[] departments)
    {
        var withContact = i % 3 == 0;
        return new
        {
            content = string.Format(CultureInfo.InvariantCulture, Texts[i % Texts.Length], departments[i % departments.Length]) + $"（{i}）",
            departmentCodes = new[] { departments[(i * 7) % departments.Length] },
            name = withContact ? "患者" + i.ToString(CultureInfo.InvariantCulture) : null,
            mobile = withContact ? "139" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture)[..8] : null,
            anonymous = !withContact,
        };
    }

    private static async Task<(double P50, double P95)> TimeAsync(HttpClient http, string path)
    {
        for (var i = 0; i < 5; i++) using ((await http.GetAsync(path)).EnsureSuccessStatusCode()) { }
        var ms = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var w = Stopwatch.StartNew();
            using var resp = await http.GetAsync(path);
            await resp.Content.ReadAsByteArrayAsync();
            w.Stop();
            resp.EnsureSuccessStatusCode();
            ms.Add(w.Elapsed.TotalMilliseconds);
        }
        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return (At(0.5), At(0.95));
    }

    private static async Task<TimeSpan> RawInsertsAsync(BenchDatabase db, int rows, int clients)
    {
        var elapsed = await ConcurrentCommits.RunAsync(db, rows, clients,
            (cmd, i) => Insert(cmd, "raw-" + i.ToString("D9", CultureInfo.InvariantCulture), Texts[i % Texts.Length], null, DateTime.UtcNow, "new"));
        await db.ScalarAsync("DELETE FROM feedback_cases WHERE tracking_code LIKE 'raw-%'");
        return elapsed;
    }

    private static void Insert(System.Data.Common.DbCommand cmd, string code, string content, int? department, DateTime received, string status,
        string type = "complaint", string category = "process", string risk = "low")
    {
        cmd.Parameters.Clear();
        cmd.CommandText = """
            INSERT INTO feedback_cases (tracking_code, type, category, risk_level, channel, status, content, suggested_type, suggested_category,
                suggested_risk_level, anonymous, department_id, received_at, acknowledge_by, due_by, remind_at, resolved_on_the_spot, created_at, updated_at)
            VALUES (@c, @t, @cat, @r, 'web', @s, @content, @t, @cat, @r, @a, @d, @rec, @ack, @due, @rem, @f, @rec, @rec)
            """;
        cmd.AddParameter("@c", code);
        cmd.AddParameter("@t", type);
        cmd.AddParameter("@cat", category);
        cmd.AddParameter("@r", risk);
        cmd.AddParameter("@s", status);
        cmd.AddParameter("@content", content);
        cmd.AddParameter("@a", true);
        cmd.AddParameter("@d", department);
        cmd.AddParameter("@rec", received);
        cmd.AddParameter("@ack", received.AddDays(1));
        cmd.AddParameter("@due", received.AddDays(7));
        cmd.AddParameter("@rem", received.AddDays(5));
        cmd.AddParameter("@f", false);
    }

    /// <summary>Cases over the last 12 months: most closed, the recent ones open, some overdue, every type, category and risk.</summary>
    private static async Task<int> SeedCasesAsync(BenchDatabase db, int count)
    {
        if (count <= 0) return 0;
        var ids = (await db.IdsAsync("departments", "code")).Values.Order().ToArray();
        string[] types = ["complaint", "complaint", "complaint", "suggestion", "praise", "consultation"];
        string[] categories = ["attitude", "communication", "treatment", "cost", "process", "environment", "privacy", "ethics"];
        var rng = new Random(20261122);
        var now = DateTime.UtcNow;
        await using var conn = await db.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        for (var i = 0; i < count; i++)
        {
            var received = now.AddMinutes(-rng.Next(0, 365 * 24 * 60));
            var age = now - received;
            var status = age.TotalDays > 20 ? "closed" : age.TotalDays > 6 ? (rng.Next(5) == 0 ? "in-progress" : "replied") : rng.Next(3) == 0 ? "new" : "acknowledged";
            var risk = rng.Next(200) == 0 ? "high" : rng.Next(8) == 0 ? "medium" : "low";
            Insert(cmd, "q-" + i.ToString("D10", CultureInfo.InvariantCulture), Texts[rng.Next(Texts.Length)] + $"（{i}）", ids[rng.Next(ids.Length)], received, status,
                types[rng.Next(types.Length)], categories[rng.Next(categories.Length)], risk);
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        if (db.IsPostgres) await db.ScalarAsync("ANALYZE feedback_cases");
        return count;
    }
}
