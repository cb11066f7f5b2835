using TrustBridge.Web.Features.Trust;

namespace TrustBridge.Web.Pages.Staff.Trust;

/// <summary>One stat card's figure of a unit: its trust index (Index) or trusting rate with the 95% CI, or 样本不足 without a figure.</summary>
public sealed record UnitFigure(UnitRow Row, bool Index);
