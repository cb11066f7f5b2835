using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Core.Text;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;
using TrustBridge.Web.Features.Audit;
using TrustBridge.Web.Features.Exports;
using TrustBridge.Web.Features.Imports;
using TrustBridge.Web.Features.Paging;

namespace TrustBridge.Web.Features.Portal;

public sealed record PriceRow(string Kind, string? Code, string Name, string? Content, string? Exclusions, string? BrandName, string? DosageForm,
    string? Specification, string Unit, decimal Price, string? InsuranceClass, string? Manufacturer, string? Note);

public sealed record PriceImportResult(string Kind, int Imported, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// The published price lists (PORTAL.md): imported from CSV in UTF-8 or GB18030 through the HIS imports' reader and
/// charset detection. A list is published whole: any rejected row (with its line), an unknown or missing column rejects
/// the file and the published list stays as it was.
/// </summary>
public sealed class PriceLists(TrustDbContext db, TimeProvider time, AuditLog audit, PublicCache cache)
{
    public static readonly CsvColumn Code = new("code", false, "项目编码", "编码");
    public static readonly CsvColumn Name = new("name", true, "项目名称", "通用名", "generic_name");
    public static readonly CsvColumn Content = new("content", false, "项目内涵");
    public static readonly CsvColumn Exclusions = new("exclusions", false, "除外内容");
    public static readonly CsvColumn BrandName = new("brand_name", false, "商品名");
    public static readonly CsvColumn DosageForm = new("dosage_form", false, "剂型");
    public static readonly CsvColumn Specification = new("specification", false, "规格");
    public static readonly CsvColumn Unit = new("unit", true, "计价单位");
    public static readonly CsvColumn Price = new("price", true, "价格", "价格（元）", "价格(元)");
    public static readonly CsvColumn Insurance = new("insurance_class", false, "医保类别", "医保目录");
    public static readonly CsvColumn Manufacturer = new("manufacturer", false, "生产企业");
    public static readonly CsvColumn Note = new("note", false, "说明");

    public static CsvColumn[] ColumnsOf(string kind) => kind == PriceKinds.Drug
        ? [Name, BrandName, DosageForm, Specification, Unit, Price, Manufacturer, Insurance]
        : [Code, Name, Content, Exclusions, Unit, Price, Insurance, Note];

    public static readonly string[] ServiceInsurance = ["甲", "乙", "丙", "自费"];
    public static readonly string[] DrugInsurance = ["甲", "乙", "否"];

    public async Task<PriceImportResult> ImportAsync(string kind, Stream body, string? charset, CancellationToken ct = default)
    {
        if (!PriceKinds.All.Contains(kind)) throw ImportFileProblem.BadRequest("Unknown list", "kind must be service or drug.");
        await using var file = await ImportRegistryFile.SpoolAsync(body, ct, 20 * 1024 * 1024);
        var encoding = ImportText.Choose(file, charset);
        var columns = ColumnsOf(kind);
        using (var headerText = ImportText.Reader(file, encoding))
        {
            var header = new CsvRecordReader(headerText);
            if (header.Read())
            {
                var unknown = header.Fields.Select(h => h.Trim().TrimStart('\uFEFF')).Where(h => h.Length > 0 && !columns.Any(c => c.Matches(h))).ToList();
                if (unknown.Count > 0)
                    throw ImportFileProblem.Unprocessable("Unknown column",
                        $"Line 1: unknown column(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Expected: {string.Join(",", columns.Select(c => c.Name))}.");
            }
        }
        file.Position = 0;
        using var text = ImportText.Reader(file, encoding);
        var table = CsvTable.Open(text, encoding, columns);
        var now = time.GetUtcNow().UtcDateTime;
        var rows = new List<PriceItem>();
        var errors = new List<ImportRowError>();
        var allowed = kind == PriceKinds.Drug ? DrugInsurance : ServiceInsurance;
        foreach (var row in table.Rows())
        {
            var name = row.Text(Name, 200, required: true);
            var unit = row.Text(Unit, 50, required: true);
            var priceText = row[Price];
            decimal price = 0;
            if (priceText is null) row.Problem(Price, null, "price is required.");
            else if (!decimal.TryParse(priceText.Replace("¥", "").Replace("元", ""), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
                         CultureInfo.InvariantCulture, out price) || price < 0 || decimal.Round(price, 2) != price || price > 999_999_999m)
                row.Problem(Price, priceText, "price must be an amount in yuan ≥ 0 with at most 2 decimals, e.g. 380.00.");
            var insurance = row[Insurance];
            if (insurance is not null && !allowed.Contains(insurance))
                row.Problem(Insurance, insurance, $"{Insurance.Name} must be one of {string.Join(", ", allowed)}.");
            var item = new PriceItem
            {
                Kind = kind, Code = row.Text(Code, 64), Name = name ?? "", Content = row.Text(Content, 2000), Exclusions = row.Text(Exclusions, 1000),
                BrandName = row.Text(BrandName, 200), DosageForm = row.Text(DosageForm, 50), Specification = row.Text(Specification, 200),
                Unit = unit ?? "", Price = price, InsuranceClass = insurance, Manufacturer = row.Text(Manufacturer, 200), Note = row.Text(Note, 1000),
                Line = row.Line, ImportedAt = now,
            };
            if (row.Problems.Count > 0) errors.AddRange(row.Problems);
            else rows.Add(item);
        }
        if (errors.Count > 0) return new PriceImportResult(kind, 0, errors);
        if (rows.Count == 0) throw ImportFileProblem.Unprocessable("No rows", "The file has a header but no price rows.");
        await ReplaceAsync(kind, rows, ct);
        return new PriceImportResult(kind, rows.Count, []);
    }

    /// <summary>Publishes a whole list in one transaction (the import and the demo hospital).</summary>
    public async Task ReplaceAsync(string kind, List<PriceItem> rows, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.PriceItems.Where(p => p.Kind == kind).ExecuteDeleteAsync(ct);
            db.PriceItems.AddRange(rows);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        await audit.RecordAsync("portal.prices-imported", "price_list", kind, new { rows = rows.Count }, ct);
        await cache.EvictAsync(ct);
    }

    private IQueryable<PriceItem> Filter(string kind, string? q)
    {
        var items = db.PriceItems.AsNoTracking().Where(p => p.Kind == kind);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            items = items.Where(p => p.Name.Contains(term) || (p.Code != null && p.Code.Contains(term)) || (p.BrandName != null && p.BrandName.Contains(term))
                || (p.Content != null && p.Content.Contains(term)));
        }
        return items.OrderBy(p => p.Line);
    }

    private static IQueryable<PriceRow> Rows(IQueryable<PriceItem> q) => q.Select(p => new PriceRow(p.Kind, p.Code, p.Name, p.Content, p.Exclusions,
        p.BrandName, p.DosageForm, p.Specification, p.Unit, p.Price, p.InsuranceClass, p.Manufacturer, p.Note));

    public Task<Paged<PriceRow>> SearchAsync(string kind, string? q, int? page, int? pageSize, CancellationToken ct = default) =>
        Rows(Filter(kind, q)).ToPagedAsync(page, pageSize ?? 25, ct, 200);

    public async Task<DateTime?> LastImportAsync(CancellationToken ct = default) =>
        await db.PriceItems.MaxAsync(p => (DateTime?)p.ImportedAt, ct);

    public async Task<ExportTable> ExportAsync(string kind, string? q, CancellationToken ct = default)
    {
        var rows = await Rows(Filter(kind, q)).Take(PagedQuery.MaxExportRows).ToListAsync(ct);
        var money = (decimal m) => m.ToString("0.00", CultureInfo.InvariantCulture);
        return kind == PriceKinds.Drug
            ? new ExportTable("药品价格", ["通用名", "商品名", "剂型", "规格", "计价单位", "价格（元）", "生产企业", "医保目录"],
                rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.BrandName, r.DosageForm, r.Specification, r.Unit, money(r.Price), r.Manufacturer, r.InsuranceClass]).ToList())
            : new ExportTable("医疗服务价格", ["项目编码", "项目名称", "项目内涵", "除外内容", "计价单位", "价格（元）", "医保类别", "说明"],
                rows.Select(r => (IReadOnlyList<object?>)[r.Code, r.Name, r.Content, r.Exclusions, r.Unit, money(r.Price), r.InsuranceClass, r.Note]).ToList());
    }
}
