using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Features.Training;
using TrustBridge.Web.Tests.Imports;
using TrustBridge.Web.Tests.Infrastructure;

namespace TrustBridge.Web.Tests.Assessment;

public class ShippedCoursesTests(TrustBridgeFactory app) : IClassFixture<TrustBridgeFactory>
{
    [Fact]
    public async Task Many_first_visits_at_once_all_see_the_shipped_templates_once()
    {
        // The role crawl found a 500 when several staff opened the training page at once on a fresh database: each
        // request stored the templates and all but one hit the unique course code.
        var admin = await app.AdminClientAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => admin.GetAsync("/api/training/courses")));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        (await app.QueryAsync(db => db.TrainingCourses.CountAsync(c => c.Shipped))).ShouldBe(ShippedCourses.All.Length);
    }
}
