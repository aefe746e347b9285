using System.Net;
using Learning.Tests.Community.Sharing;
using Learning.Tests.Infrastructure;

namespace Learning.Tests.Community.Review;

/// <summary>"Share your practice" creates a draft item and stores a file of up to 5 MB for each post: without a limit, one
/// learner fills the editors' drafts and the tenant's media storage by replaying the form.</summary>
public sealed class SharingFloodTests
{
    [Fact]
    public async Task A_learner_shares_a_limited_number_of_practices_a_day_and_the_one_too_many_saves_nothing()
    {
        await using var app = new LearningApp(Db.Sqlite, new Dictionary<string, string?> { ["Learning:Community:Sharing:SubmissionsPerDay"] = "2" }, TestContent.Small());
        await app.CreateUserAsync("ada@example.org");
        await app.CreateUserAsync("bea@example.org");
        var ada = app.CreateClient();
        await ada.LogInSuccessfullyAsync("ada@example.org");

        for (var i = 1; i <= 2; i++)
        {
            using var shared = await ada.ShareAsync(SharingSteps.Practice(("Input.Title", $"Practice {i}")), ("cafe.png", SharingSteps.Png));
            Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        }

        var before = await app.CountsAsync();
        Assert.Equal(2, before.Submissions);
        using (var refused = await ada.ShareAsync(SharingSteps.Practice(("Input.Title", "Practice 3")), ("cafe.png", SharingSteps.Png)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var page = await Browser.ParseAsync(refused);
            Assert.Contains("You have shared 2 practices in the last 24 hours: share the next one tomorrow.", page.Errors());
            // What was typed is kept, to be sent later.
            Assert.Equal("Practice 3", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Title")!.Value);
        }

        // Nothing saved: no draft, no version, no file, no submission.
        Assert.Equal(before, await app.CountsAsync());

        // The limit is the person's: another learner still shares.
        var bea = app.CreateClient();
        await bea.LogInSuccessfullyAsync("bea@example.org");
        using (var shared = await bea.ShareAsync(SharingSteps.Practice(("Input.Title", "Bea's practice"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        }

        Assert.Equal(3, (await app.CountsAsync()).Submissions);
    }
}

public sealed class SharingRefusedFileTests
{
    [Fact]
    public async Task A_practice_the_content_checks_refuse_leaves_no_file_behind_in_the_media_storage()
    {
        await using var app = new LearningApp(Db.Sqlite, content: TestContent.Small());
        await app.CreateUserAsync("ada@example.org");
        var ada = app.CreateClient();
        await ada.LogInSuccessfullyAsync("ada@example.org");
        var before = await app.CountsAsync();
        int StoredPngs() => Directory.EnumerateFiles(app.DataPath, "*.png", SearchOption.AllDirectories).Count();
        var pngs = StoredPngs();

        // A description nested deeper than Markdown renders passes the form's checks but not Content's.
        using (var refused = await ada.ShareAsync(SharingSteps.Practice(("Input.Description", new string('>', 200) + " deep")), ("cafe.png", SharingSteps.Png)))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("nested too deeply", (await Browser.ParseAsync(refused)).Errors());
        }

        Assert.Equal(before, await app.CountsAsync());
        Assert.Equal(pngs, StoredPngs());
    }
}
