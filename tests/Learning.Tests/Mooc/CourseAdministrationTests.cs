using System.Net;
using AngleSharp.Html.Dom;
using Learning.Modules.Accounts;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Modules.Mooc;
using Learning.Tests.Accounts;
using Learning.Tests.Assessment;
using Learning.Tests.Content;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Mooc;

/// <summary>Editors write the parts with the content workflow; administrators follow learners; pages stay cheap.</summary>
public sealed class CourseAdministrationTests
{
    [Fact]
    public async Task An_editor_changes_an_activity_learners_see_it_escaped_and_broken_parts_save_nothing()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var editor = await EditorTests.LogInAsEditor(app, "writer@example.org");
        var id = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems
            .Where(i => i.Type == MoocPartType.TypeName && i.SetId == "part-1" && i.Culture == "en").Select(i => i.Id).SingleAsync());
        var form = await editor.GetPageAsync($"/en/editor/mooc-part/{id}");
        var parts = form.QuerySelector<IHtmlTextAreaElement>("#Input_Parts")!.Value;
        Assert.StartsWith("objectives: ", parts);
        Assert.Equal(6, form.QuerySelectorAll("#preview-title ~ ol > li").Length);

        var broken = await editor.SubmitAndFollowAsync(form, "form.editor", ("Input.Parts", parts + "\nvideo: [unclosed\n"), ("handler", "Save"));
        Assert.Contains("Line", broken.Text(".validation-summary-errors"));
        var badKind = await editor.SubmitAndFollowAsync(form, "form.editor", ("Input.Parts", parts.Replace("kind: quiz", "kind: crossword")), ("handler", "Save"));
        Assert.Contains("the kind must be one of", badKind.Text(".validation-summary-errors"));
        var script = await editor.SubmitAndFollowAsync(form, "form.editor", ("Input.Parts", parts.Replace("url: https://", "url: javascript://")), ("handler", "Save"));
        Assert.Contains("must start with https://", script.Text(".validation-summary-errors"));
        Assert.Equal(1, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentVersions.CountAsync(v => v.ItemId == id)));

        var firstTitle = System.Text.RegularExpressions.Regex.Match(parts, @"^    title: (.*)$", System.Text.RegularExpressions.RegexOptions.Multiline);
        var changed = parts.Remove(firstTitle.Groups[1].Index, firstTitle.Groups[1].Length).Insert(firstTitle.Groups[1].Index, "\"<script>alert(1)</script> Who is far from work?\"");
        var published = await editor.SubmitAndFollowAsync(form, "form.editor", ("Input.Parts", changed), ("handler", "Publish"));
        Assert.NotNull(published.QuerySelector(".alert--success"));

        var visitor = app.CreateClient();
        var part = await visitor.GetPageAsync("/en/mooc/part-1");
        Assert.Equal("<script>alert(1)</script> Who is far from work?", part.QuerySelector(".activity-list a")!.TextContent);
        Assert.Empty(part.QuerySelectorAll("main script"));

        await app.CreateUserAsync("learner@example.org");
        var learner = app.CreateClient(new() { AllowAutoRedirect = false });
        await learner.LogInSuccessfullyAsync("learner@example.org");
        Assert.StartsWith("/en/account/access-denied", (await learner.GetAsync($"/en/editor/mooc-part/{id}")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Administrators_see_each_learners_progress_and_learners_cannot()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var user = await app.CreateUserAsync("follower@example.org");
        await app.WithTenantAsync(async sp =>
        {
            var progress = sp.GetRequiredService<CourseProgress>();
            await progress.EnrolAsync(user.Id, default);
            await progress.RecordTryAsync(user.Id, "part-2", "p2-a01", right: true, default);
            await progress.RecordTryAsync(user.Id, "part-2", "p2-a02", right: false, default);
            return 0;
        });

        var admin = await AdministrationTests.LogInAsAdministrator(app);
        var page = await admin.GetPageAsync("/en/admin/progress?q=follower");
        var row = page.QuerySelector("tbody tr")!;
        Assert.Contains("follower@example.org", row.TextContent);
        var partTwo = row.QuerySelectorAll("td")[3];
        Assert.Equal("1", partTwo.QuerySelector("progress")!.GetAttribute("value"));

        var learner = app.CreateClient(new() { AllowAutoRedirect = false });
        await learner.LogInSuccessfullyAsync("follower@example.org");
        Assert.StartsWith("/en/account/access-denied", (await learner.GetAsync("/en/admin/progress")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_course_and_part_pages_run_as_many_sql_commands_with_20_activities_done_as_with_none()
    {
        var counter = new CommandCounter();
        await using var app = new LearningApp(content: TestContent.Small(activitiesPerPart: 20));
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(counter.CountIn));
        await counted.CreateUserAsyncVia(app, "learner@example.org");
        var client = counted.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        await client.LogInSuccessfullyAsync("learner@example.org");
        await client.SubmitAsync(await client.GetPageAsync("/en/mooc"), "form:has([data-testid=enrol])");

        // Each page with the learner's state read afresh (a change of theirs drops it from memory).
        Task ForgetAsync() => counted.WithTenantAsync(app, async sp =>
        {
            var userId = await sp.GetRequiredService<LearningDbContext>().Users.Where(u => u.Email == "learner@example.org").Select(u => u.Id).SingleAsync();
            await sp.GetRequiredService<CourseProgress>().RememberAsync(userId, "part-1", "p1-a01", default);
            return 0;
        });

        async Task<(int Course, int Part)> CountAsync(int done)
        {
            await client.GetAsync("/en/mooc/part-1"); // the course outline, read once for every learner
            await ForgetAsync();
            var (course, coursePage) = await counter.CountPageAsync(client, "/en/mooc");
            Assert.Equal(5, coursePage.QuerySelectorAll(".course-part").Length);
            Assert.Equal(done.ToString(), coursePage.QuerySelector("#progress-part-1 + progress")!.GetAttribute("value"));
            await ForgetAsync();
            var (part, partPage) = await counter.CountPageAsync(client, "/en/mooc/part-1");
            Assert.Equal(TestContent.PartTitle(1, "en"), partPage.Text("h1"));
            Assert.Equal(20, partPage.QuerySelectorAll(".activity-list li").Length);
            Assert.Equal(done, partPage.QuerySelectorAll(".activity-list__item--done").Length);
            return (course, part);
        }

        var before = await CountAsync(done: 0);
        await counted.WithTenantAsync(app, async sp =>
        {
            var userId = await sp.GetRequiredService<LearningDbContext>().Users.Where(u => u.Email == "learner@example.org").Select(u => u.Id).SingleAsync();
            var part = (await sp.GetRequiredService<Course>().PartAsync("part-1", "en", default))!;
            Assert.Equal(20, part.Content.Activities.Count);
            foreach (var activity in part.Content.Activities)
            {
                await sp.GetRequiredService<CourseProgress>().RecordTryAsync(userId, "part-1", activity.Id, right: true, default);
            }

            return 0;
        });
        var after = await CountAsync(done: 20);

        Assert.Equal(before, after);
        Assert.True(before.Course is > 0 and <= 6 && before.Part is > 0 and <= 6, $"course page: {before.Course} commands, part page: {before.Part}");
    }
}
