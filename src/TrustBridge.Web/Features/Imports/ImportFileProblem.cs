namespace TrustBridge.Web.Features.Imports;

/// <summary>
/// The file as a whole cannot be imported (empty, missing columns, malformed CSV or JSON, undecodable bytes, too large).
/// Nothing is written; the API answers with <see cref="Status"/> as problem details.
/// </summary>
public sealed class ImportFileProblem(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    public static ImportFileProblem Unprocessable(string title, string detail) => new(StatusCodes.Status422UnprocessableEntity, title, detail);
    public static ImportFileProblem BadRequest(string title, string detail) => new(StatusCodes.Status400BadRequest, title, detail);
    public static ImportFileProblem UnsupportedCharset(string charset) =>
        new(StatusCodes.Status415UnsupportedMediaType, "Unsupported charset", $"charset '{charset}' is not supported; send UTF-8 or GB18030.");
    public static ImportFileProblem TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "File too large", $"The file is larger than the import limit of {maxBytes / (1024 * 1024)} MB (Imports:MaxUploadMegabytes).");
}
