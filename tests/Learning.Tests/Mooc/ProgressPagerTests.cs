using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Learning.Modules.Mooc;
using Learning.Modules.Mooc.Pages.Admin;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Mooc;

public sealed class ProgressPagerTests
{
    [Fact]
    public async Task The_course_progress_pages_through_every_learner_and_searches_by_name_across_pages()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("boss@example.org", null, Roles.Administrator);
        var learners = ProgressModel.PageSize + 3;
        var ids = new List<string>();
        for (var i = 0; i < learners; i++)
        {
            ids.Add((await app.CreateUserAsync($"learner{i:00}@example.org")).Id);
        }

        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            var start = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
            db.Enrolments.AddRange(ids.Select((id, i) => new Enrolment { UserId = id, EnrolledUtc = start.AddMinutes(i) }));
            return await db.SaveChangesAsync();
        });
        var admin = app.CreateClient();
        await admin.LogInSuccessfullyAsync("boss@example.org");

        var first = await admin.GetPageAsync("/en/admin/progress");
        var next = first.QuerySelector("nav.pager a[rel=next]");
        Assert.NotNull(next);
        var second = await admin.GetPageAsync("/en/admin/progress" + next.GetAttribute("href"));
        var firstRows = first.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        var secondRows = second.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();

        Assert.Equal(ProgressModel.PageSize, firstRows.Count);
        Assert.Equal(3, secondRows.Count);
        Assert.Contains("learner52@example.org", firstRows[0]); // newest enrolment first
        Assert.Contains("learner00@example.org", secondRows[^1]);
        Assert.Empty(firstRows.Intersect(secondRows));
        Assert.Null(second.QuerySelector("nav.pager a[rel=next]"));
        Assert.NotNull(second.QuerySelector("nav.pager a[rel=prev]"));

        var found = await admin.GetPageAsync("/en/admin/progress?q=LEARNER01");
        var row = Assert.Single(found.QuerySelectorAll("tbody tr"));
        Assert.Contains("learner01@example.org", row.TextContent);
    }
}
