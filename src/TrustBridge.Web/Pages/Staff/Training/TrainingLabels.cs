namespace TrustBridge.Web.Pages.Staff.Training;

public static class TrainingLabels
{
    public static string Level(string level) => level switch
    {
        "national" => "国家级", "provincial" => "省级", "municipal" => "市级", "hospital" => "院级", _ => level,
    };

    public static string Class(string cls) => cls == "I" ? "Ⅰ类" : "Ⅱ类";

    public static string Role(string role) => role == "lecturer" ? "授课" : "学员";

    public static string Credits(decimal c) => c.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
