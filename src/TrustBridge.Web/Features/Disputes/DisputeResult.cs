namespace TrustBridge.Web.Features.Disputes;

public enum DisputeOutcome { Done, NotFound, Forbidden, Conflict, Invalid }

public sealed record DisputeResult(DisputeOutcome Outcome, string? Field = null, string? Message = null, int Id = 0)
{
    public static DisputeResult Done(int id) => new(DisputeOutcome.Done, Id: id);
    public static readonly DisputeResult NotFound = new(DisputeOutcome.NotFound, null, "No such dispute, or not one you may see.");
    public static DisputeResult Conflict(string field, string message) => new(DisputeOutcome.Conflict, field, message);
    public static DisputeResult Invalid(string field, string message) => new(DisputeOutcome.Invalid, field, message);

    public IResult ToProblem() => Outcome switch
    {
        DisputeOutcome.NotFound => Results.Problem(Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        DisputeOutcome.Forbidden => Results.Problem(Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
        DisputeOutcome.Conflict => Results.Problem(Message, statusCode: StatusCodes.Status409Conflict, title: "Not in this state",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Field ?? "status"] = [Message ?? ""] } }),
        _ => Results.ValidationProblem(new Dictionary<string, string[]> { [Field ?? "body"] = [Message ?? "Invalid."] },
            statusCode: StatusCodes.Status422UnprocessableEntity),
    };
}
