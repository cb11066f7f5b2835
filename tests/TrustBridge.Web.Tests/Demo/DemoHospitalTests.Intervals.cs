using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrustBridge.Web.Features.Exports;
using TrustBridge.Web.Tests.Pages;

namespace TrustBridge.Web.Tests.Demo;

/// <summary>
/// Issue 8, defect 3 and deliver 4: every interval the trust pages, the trust API and the exports show over the demo
/// hospital stays inside its scale (0–100 for an index, 0–1 for a rate), and a unit below the reportable n shows no figure.
/// </summary>
public partial class DemoHospitalTests
{
    private const int MinUnitN = 10;
    private const string Office = "office@demo.local";

    private static void InScale(double? value, double max, string where)
    {
        if (value is not { } v) return;
        v.ShouldBeInRange(0, max, where);
    }

    private static void CheckUnit(JsonElement u, string where)
    {
        var n = u.GetProperty("n").GetInt32();
        var figures = new[] { "trustIndex", "ciLow", "ciHigh", "trustingRate", "rateCiLow", "rateCiHigh" };
        double? D(string name) => u.GetProperty(name).ValueKind == JsonValueKind.Number ? u.GetProperty(name).GetDouble() : null;
        if (n < MinUnitN)
        {
            u.GetProperty("status").GetString().ShouldBe("insufficient-sample", where);
            foreach (var f in figures) D(f).ShouldBeNull($"{where}: {f} of a unit with n = {n}");
            u.GetProperty("funnel").ValueKind.ShouldBe(JsonValueKind.Null, where);
            u.GetProperty("flag").ValueKind.ShouldBe(JsonValueKind.Null, where);
            return;
        }
        u.GetProperty("status").GetString().ShouldBe("reportable", where);
        foreach (var f in new[] { "trustIndex", "ciLow", "ciHigh" }) InScale(D(f), 100, $"{where}: {f}");
        foreach (var f in new[] { "trustingRate", "rateCiLow", "rateCiHigh" }) InScale(D(f), 1, $"{where}: {f}");
        if (u.GetProperty("funnel") is { ValueKind: JsonValueKind.Object } funnel)
            foreach (var p in funnel.EnumerateObject()) InScale(p.Value.GetDouble(), 1, $"{where}: funnel {p.Name}");
    }

    private static readonly string[] IndexColumns = ["trust_index", "ci_low", "ci_high", "centre", "lower_limit", "upper_limit"];
    private static readonly string[] RateColumns = ["trusting_rate", "rate_ci_low", "rate_ci_high", "lower95", "upper95", "lower998", "upper998"];

    /// <summary>A downloaded table (Chinese headers): every figure inside its scale, no figure in a row whose status is insufficient-sample.</summary>
    private static void CheckCsv(string csv, string where)
    {
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = Cells(lines[0]);
        int Col(string code) => headers.IndexOf(ExportLabels.Headers[code]);
        var status = headers.IndexOf("status_code");
        status.ShouldBeGreaterThan(0, $"{where} has no status column");
        foreach (var line in lines.Skip(1))
        {
            var cells = Cells(line);
            foreach (var (columns, max) in new[] { (IndexColumns, 100.0), (RateColumns, 1.0) })
                foreach (var c in columns.Select(Col).Where(i => i >= 0))
                {
                    if (cells[status] == "insufficient-sample") cells[c].ShouldBeEmpty($"{where}: {headers[c]} in {line}");
                    else if (cells[c].Length > 0) double.Parse(cells[c], CultureInfo.InvariantCulture).ShouldBeInRange(0, max, $"{where}: {headers[c]} in {line}");
                }
        }
    }

    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted) { if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; } else if (ch == '"') quoted = false; else sb.Append(ch); }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(ch);
        }
        cells.Add(sb.ToString());
        return cells;
    }

    /// <summary>A rendered trust page: the intervals it prints and embeds for its charts are inside the scale; small units show no figure.</summary>
    private static void CheckHtml(string html, string where)
    {
        var ci = Regex.Matches(html, "class=\"[^\"]*\\bci\\b[^\"]*\" data-low=\"([^\"]*)\" data-high=\"([^\"]*)\" data-scale=\"([^\"]+)\"");
        foreach (Match m in ci)
        {
            var max = double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            foreach (var g in new[] { m.Groups[1].Value, m.Groups[2].Value }.Where(v => v.Length > 0))
                double.Parse(g, CultureInfo.InvariantCulture).ShouldBeInRange(0, max, $"{where}: {m.Value}");
        }
        // The printed intervals too, whatever markup carries them: "95% CI a – b" and "a%–b%".
        foreach (Match m in Regex.Matches(html, @"95% CI (-?\d+(?:\.\d+)?)%? ?[–-] ?(-?\d+(?:\.\d+)?)"))
            foreach (var g in new[] { m.Groups[1].Value, m.Groups[2].Value })
                double.Parse(g, CultureInfo.InvariantCulture).ShouldBeInRange(0, 100, $"{where}: {m.Value}");
        foreach (Match row in Regex.Matches(html, "<tr data-unit=\"[^\"]+\" data-flag=\"none\">(.*?)</tr>", RegexOptions.Singleline))
        {
            row.Value.ShouldNotContain("tb-figure", Case.Sensitive, $"{where}: a unit below the reportable n shows a figure");
            row.Value.ShouldContain("样本不足");
        }
        if (Embedded(html, "xmr-data") is { } xmr)
        {
            foreach (var p in new[] { "centre", "lower", "upper" }) InScale(xmr.GetProperty(p).GetDouble(), 100, $"{where}: XmR {p}");
            foreach (var v in xmr.GetProperty("values").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number)) InScale(v.GetDouble(), 100, $"{where}: XmR point");
        }
        if (Embedded(html, "trend-data") is { } trend)
            foreach (var v in trend.GetProperty("values").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number)) InScale(v.GetDouble(), 100, $"{where}: trend");
        if (Embedded(html, "funnel-data") is { } funnel)
        {
            foreach (var curve in new[] { "lower95", "upper95", "lower998", "upper998" })
                foreach (var v in funnel.GetProperty("curves").GetProperty(curve).EnumerateArray()) InScale(v.GetDouble(), 1, $"{where}: funnel {curve}");
            foreach (var p in funnel.GetProperty("points").EnumerateArray())
                p.GetProperty("n").GetInt32().ShouldBeGreaterThanOrEqualTo(MinUnitN, $"{where}: a unit below the reportable n is charted");
        }
    }

    private static JsonElement? Embedded(string html, string id)
    {
        var m = Regex.Match(html, $"<script type=\"application/json\" id=\"{id}\">(.*?)</script>", RegexOptions.Singleline);
        return m.Success ? JsonDocument.Parse(m.Groups[1].Value).RootElement : null;
    }

    [Fact]
    public async Task Every_interval_the_trust_api_exports_and_pages_show_stays_inside_its_scale_and_small_units_show_no_figure()
    {
        var api = await app.LoginAsync(Office, DemoHospitalFactory.Password);
        var browser = await CookieBrowser.SignedInAsync(app, Office, DemoHospitalFactory.Password);
        var doctorCodes = new List<string>();
        var departmentCodes = new List<string>();
        var small = 0;
        foreach (var filter in new[] { "instrument=trust-10", "instrument=trust-10&source=all", "instrument=satisfaction-outpatient&source=all" })
            foreach (var unit in new[] { "department", "doctor" })
            {
                var q = $"{filter}&unit={unit}";
                var report = await api.GetFromJsonAsync<JsonElement>($"/api/trust/report?{q}");
                foreach (var u in report.GetProperty("units").EnumerateArray())
                {
                    CheckUnit(u, $"report {q} {u.GetProperty("code")}");
                    if (u.GetProperty("n").GetInt32() < MinUnitN) small++;
                    if (filter == "instrument=trust-10") (unit == "doctor" ? doctorCodes : departmentCodes).Add(u.GetProperty("code").GetString()!);
                }
                var csv = await api.GetByteArrayAsync($"/api/trust/report/export?format=csv&{q}");
                CheckCsv(Encoding.UTF8.GetString(csv.AsSpan(3)), $"report export {q}");
                CheckHtml(await browser.GetHtmlAsync($"/Staff/Trust?{q}"), $"/Staff/Trust?{q}");
            }
        small.ShouldBeGreaterThan(0, "the demo has doctors below the reportable n: the walk must meet them");
        departmentCodes.ShouldContain("XXNK");

        CheckCsv(Encoding.UTF8.GetString((await api.GetByteArrayAsync("/api/trust/monthly/export?format=csv")).AsSpan(3)), "hospital trend export");
        foreach (var code in departmentCodes.Take(8).Append("XXNK").Append("JZK").Distinct())
        {
            CheckHtml(await browser.GetHtmlAsync($"/Staff/Trust/Department/{code}"), $"department {code}");
            CheckHtml(await browser.GetHtmlAsync($"/Staff/Trust/Department/{code}?instrument=satisfaction-outpatient&source=all"), $"department {code} satisfaction");
            foreach (var export in new[] { "doctors", "monthly" })
                CheckCsv(Encoding.UTF8.GetString((await api.GetByteArrayAsync($"/api/trust/departments/{code}/{export}/export?format=csv")).AsSpan(3)), $"{code} {export} export");
        }
        foreach (var code in doctorCodes.Take(25))
        {
            CheckHtml(await browser.GetHtmlAsync($"/Staff/Trust/Doctor/{code}"), $"doctor {code}");
            CheckCsv(Encoding.UTF8.GetString((await api.GetByteArrayAsync($"/api/trust/doctors/{code}/monthly/export?format=csv")).AsSpan(3)), $"doctor {code} monthly export");
        }
        CheckHtml(await browser.GetHtmlAsync("/Staff/Improvement"), "improvement");
        foreach (var plan in (await api.GetFromJsonAsync<JsonElement>("/api/improvement-plans")).EnumerateArray())
        {
            var id = plan.GetProperty("id").GetInt32();
            CheckHtml(await browser.GetHtmlAsync($"/Staff/Improvement/Plan/{id}"), $"plan {id}");
            var detail = await api.GetFromJsonAsync<JsonElement>($"/api/improvement-plans/{id}");
            foreach (var measure in new[] { "baseline", "remeasure" })
                if (detail.GetProperty(measure) is { ValueKind: JsonValueKind.Object } m && m.GetProperty("row") is { ValueKind: JsonValueKind.Object } row)
                    CheckUnit(row, $"plan {id} {measure}");
        }
    }

    [Fact]
    public async Task A_demo_department_page_shows_its_dimension_heat_map_and_recent_comments()
    {
        var browser = await CookieBrowser.SignedInAsync(app, Office, DemoHospitalFactory.Password);
        // The default view is trust-10 (one dimension, no free text): the page takes the satisfaction survey's dimensions and every survey's comments.
        var html = await browser.GetHtmlAsync("/Staff/Trust/Department/XXNK");
        html.ShouldContain("id=\"dimension-table\"");
        html.ShouldContain("id=\"heatmap-data\"");
        foreach (var dimension in new[] { "服务态度", "沟通与告知", "流程与等候", "隐私与尊重" }) html.ShouldContain(dimension);
        html.ShouldContain("id=\"recent-comments\"");
        html.ShouldContain("门诊患者满意度调查"); // the heat map names its questionnaire
    }
}
