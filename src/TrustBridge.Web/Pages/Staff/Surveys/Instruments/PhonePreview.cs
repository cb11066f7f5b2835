using TrustBridge.Web.Features.Surveys;

namespace TrustBridge.Web.Pages.Staff.Surveys.Instruments;

/// <summary>What the phone-frame preview renders: the questionnaire as a patient would see it, answers disabled.</summary>
public sealed record PhonePreview(string Title, string? Intro, IReadOnlyList<ItemView> Items);
