namespace TrustBridge.Web.Domain;

/// <summary>
/// One sign-in of a member of staff, kept on the server so it can be ended at once (issue 16): a staff cookie
/// (<see cref="Kind"/> "cookie", its authentication ticket stored here and only the id in the cookie) or a bearer token
/// (the id is a claim inside the token).
/// </summary>
public class StaffSession
{
    public const string Cookie = "cookie";
    public const string Bearer = "bearer";

    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    /// <summary>The serialized authentication ticket (cookie sessions only), base64.</summary>
    public string? Ticket { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public string? RemoteAddress { get; set; }
}
