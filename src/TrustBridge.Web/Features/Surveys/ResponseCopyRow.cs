using Npgsql;
using NpgsqlTypes;

namespace TrustBridge.Web.Features.Surveys;

/// <summary>One answer as a row of a PostgreSQL binary COPY, in the column order of survey_responses.</summary>
internal static class ResponseCopyRow
{
    /// <param name="submittedAt">Written after source when the target has a submitted_at column; null when it has none.</param>
    public static async Task WriteAsync(NpgsqlBinaryImporter copy, ResponseRow row, int instrumentId, DateTime? submittedAt, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        copy.Write(row.Key, NpgsqlDbType.Text);
        copy.Write(instrumentId, NpgsqlDbType.Integer);
        copy.Write(row.EncounterDate, NpgsqlDbType.Date);
        copy.Write(row.DepartmentId, NpgsqlDbType.Integer);
        if (row.StaffId is { } staff) copy.Write(staff, NpgsqlDbType.Integer); else copy.WriteNull();
        copy.Write(row.Source, NpgsqlDbType.Text);
        if (submittedAt is { } at) copy.Write(at, NpgsqlDbType.TimestampTz);
        copy.Write(row.Scored.Answers, NpgsqlDbType.Text);
        if (row.Scored.Score is { } score) copy.Write(score, NpgsqlDbType.Double); else copy.WriteNull();
        if (row.Scored.Trusts is { } trusts) copy.Write(trusts, NpgsqlDbType.Boolean); else copy.WriteNull();
        if (row.Scored.Recommend is { } recommend) copy.Write(recommend, NpgsqlDbType.Integer); else copy.WriteNull();
        if (row.Scored.Overall is { } overall) copy.Write(overall, NpgsqlDbType.Integer); else copy.WriteNull();
        if (row.Scored.Comment is { } comment) copy.Write(comment, NpgsqlDbType.Text); else copy.WriteNull();
    }
}
