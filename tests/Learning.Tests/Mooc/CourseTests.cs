using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Certificates;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Modules.Mooc;
using Learning.Tests.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Mooc;

public sealed class CourseTests
{
    [Fact]
    public async Task Visitors_see_the_course_and_its_parts_but_activities_ask_them_to_sign_in()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var course = await client.GetPageAsync("/en/mooc");
        Assert.Equal(5, course.QuerySelectorAll(".course-part").Length);
        Assert.Null(course.QuerySelector("[data-testid=enrol]"));
        Assert.NotNull(course.QuerySelector("a[href='/en/account/register']"));

        var french = await client.GetPageAsync("/fr/mooc");
        Assert.Equal("6 activités · test de validation", french.Text(".course-part .hint"));

        var part = await client.GetPageAsync("/en/mooc/part-1");
        Assert.Equal(TestContent.PartTitle(1, "en"), part.Text("h1"));
        Assert.Equal(6, part.QuerySelectorAll(".activity-list li").Length);
        Assert.Equal(3, part.QuerySelectorAll("#objectives-title + ul li").Length);
        Assert.Contains("This part starts here (en).", part.Text(".transcript"));
        var video = part.QuerySelector("[data-testid=part-video]")!;
        Assert.Equal("/videos/mooc-part-1.en.webm", video.GetAttribute("src")); // English narration
        var tracks = video.QuerySelectorAll("track");
        Assert.Equal(["en", "fr", "es", "ca", "it", "hu"], tracks.Select(t => t.GetAttribute("srclang")!)); // the learner's first
        Assert.Equal("/en/mooc/part-1/video.vtt", Assert.Single(tracks, t => t.HasAttribute("default")).GetAttribute("src"));

        // The further videos ("videos:"): each under its heading with its transcript; without a file, the transcript alone.
        Assert.Equal("A closer look (en)", part.Text("#video-1-title"));
        Assert.Contains("A second look at part-1 (en).", part.Text("#videos-title ~ .video-with-transcript .transcript"));
        Assert.Null(part.QuerySelector("[data-testid=part-video-1]"));
        Assert.Contains("A second look at part-1 (it).", await client.GetStringAsync("/it/mooc/part-1/video-1.vtt"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/it/mooc/part-1/video-2.vtt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/it/mooc/part-1/video-0.vtt")).StatusCode);

        // A Catalan reader: Catalan narration, Catalan subtitles first and by default.
        var catalan = await client.GetPageAsync("/ca/mooc/part-1");
        Assert.Equal("/videos/mooc-part-1.ca.webm", catalan.QuerySelector("[data-testid=part-video]")!.GetAttribute("src"));
        Assert.Equal(["ca", "fr", "en", "es", "it", "hu"], catalan.QuerySelectorAll("[data-testid=part-video] track").Select(t => t.GetAttribute("srclang")!));
        Assert.Equal("ca", catalan.QuerySelector("[data-testid=part-video] track[default]")!.GetAttribute("srclang"));
        Assert.NotNull(part.QuerySelector("a[href='/en/mooc/part-1/test']"));
        Assert.Equal($"/en/toolbox/{TestContent.Slug("job-desk", "en")}", part.QuerySelector(".documents a[href^='/en/toolbox/']")!.GetAttribute("href"));

        using var activity = await client.GetAsync("/en/mooc/part-1/activities/p1-a01");
        Assert.Equal(HttpStatusCode.Redirect, activity.StatusCode);
        Assert.Contains("/account/login", activity.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/en/mooc/part-9")).StatusCode);

        var vtt = await client.GetStringAsync("/hu/mooc/part-2/video.vtt");
        Assert.StartsWith("WEBVTT", vtt);
        Assert.Contains("This part starts here (hu).", vtt);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_learner_enrols_once_gets_feedback_on_each_try_and_keeps_progress_in_every_language(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var user = await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        var part = (await app.WithTenantAsync(sp => sp.GetRequiredService<Course>().PartAsync("part-1", "en", default)))!;
        var quiz = part.Content.Activities.First(a => a.Kind == "quiz");

        // Not enrolled yet: an activity leads back to the course page, which has the one-click enrolment.
        using var notEnrolled = await client.GetAsync($"/en/mooc/part-1/activities/{quiz.Id}");
        Assert.Equal("/en/mooc", notEnrolled.Headers.Location?.OriginalString);
        var course = await client.GetPageAsync("/en/mooc");
        await client.SubmitAsync(course, "form:has([data-testid=enrol])");
        await client.SubmitAsync(course, "form:has([data-testid=enrol])"); // a double click enrols once
        Assert.Equal(1, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Enrolments.CountAsync(e => e.UserId == user.Id)));

        // A wrong try: the feedback of the chosen answer, nothing completed, the try counted.
        var page = await client.GetPageAsync($"/en/mooc/part-1/activities/{quiz.Id}");
        var wrong = quiz.Questions.Select((q, i) => ($"q{i}", q.Choices.ToList().FindIndex(c => !c.Correct).ToString())).ToArray();
        var checkedWrong = await client.SubmitAndFollowAsync(page, "main form", [("handler", "Check"), .. wrong]);
        Assert.Contains($"0 of {quiz.Questions.Count} right", checkedWrong.Text("[data-testid=activity-result]"));
        Assert.Contains(quiz.Questions[0].Choices.First(c => !c.Correct).Feedback, checkedWrong.Text(".feedback--wrong"));
        var progress = await ProgressAsync(app, user.Id, quiz.Id);
        Assert.Equal((1, false), (progress!.Tries, progress.CompletedUtc is not null));

        // Unlimited tries: the right answers complete it.
        var right = quiz.Questions.SelectMany((q, i) => q.Choices.Select((c, n) => (c, n)).Where(x => x.c.Correct).Select(x => ($"q{i}", x.n.ToString()))).ToArray();
        var checkedRight = await client.SubmitAndFollowAsync(page, "main form", [("handler", "Check"), .. right]);
        Assert.Contains("All right", checkedRight.Text("[data-testid=activity-result]"));
        progress = await ProgressAsync(app, user.Id, quiz.Id);
        Assert.Equal((2, true), (progress!.Tries, progress.CompletedUtc is not null));

        // The course page shows the progress and "continue" leads to the next activity not done.
        course = await client.GetPageAsync("/en/mooc");
        var next = part.Content.Activities.SkipWhile(a => a.Id != quiz.Id).Skip(1).First();
        Assert.Equal($"/en/mooc/part-1/activities/{next.Id}", course.QuerySelector("[data-testid=continue]")!.GetAttribute("href"));
        Assert.Equal("1", course.QuerySelector("#progress-part-1 + progress")!.GetAttribute("value"));

        // Another language, another device: the same progress, continue in Hungarian.
        var other = app.CreateClient();
        await other.LogInSuccessfullyAsync("learner@example.org");
        var hungarian = await other.GetPageAsync("/hu/mooc");
        Assert.Equal("1", hungarian.QuerySelector("#progress-part-1 + progress")!.GetAttribute("value"));
        Assert.Equal($"/hu/mooc/part-1/activities/{next.Id}", hungarian.QuerySelector("[data-testid=continue]")!.GetAttribute("href"));
        var done = await other.GetPageAsync("/hu/mooc/part-1");
        Assert.NotNull(done.QuerySelector($".activity-list__item--done a[href='/hu/mooc/part-1/activities/{quiz.Id}']"));
    }

    [Fact]
    public async Task A_recipe_card_and_the_document_bank_lead_to_their_practices_in_the_readers_language()
    {
        await using var app = new LearningApp();
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        await client.SubmitAsync(await client.GetPageAsync("/es/mooc"), "form:has([data-testid=enrol])");
        var part = (await app.WithTenantAsync(sp => sp.GetRequiredService<Course>().PartAsync("part-1", "es", default)))!;
        var recipe = part.Content.Activities.First(a => a.Practice is not null);
        var practices = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems
            .Where(i => i.Type == "practice" && i.Culture == "es").ToDictionaryAsync(i => i.SetId, i => i.Slug));

        var activity = await client.GetPageAsync($"/es/mooc/part-1/activities/{recipe.Id}");
        var bank = await client.GetPageAsync("/es/mooc/part-1");

        Assert.NotNull(activity.QuerySelector($"article a[href='/es/toolbox/{practices[recipe.Practice!]}']"));
        Assert.Equal(part.Content.Documents.Practices.Select(set => $"/es/toolbox/{practices[set]}"), bank.QuerySelectorAll(".documents a[href*='/toolbox/']").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Tampered_answers_and_unknown_activities_change_nothing()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var user = await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        await client.SubmitAsync(await client.GetPageAsync("/en/mooc"), "form:has([data-testid=enrol])");
        var part = (await app.WithTenantAsync(sp => sp.GetRequiredService<Course>().PartAsync("part-1", "en", default)))!;
        var quiz = part.Content.Activities.First(a => a.Kind == "quiz" && a.Questions.All(q => !q.Multiple));
        var page = await client.GetPageAsync($"/en/mooc/part-1/activities/{quiz.Id}");

        var outOfRange = await client.SubmitAndFollowAsync(page, "main form", ("handler", "Check"), ("q0", "99"));
        Assert.Contains("not one of the choices", outOfRange.Text("[role=alert]"));
        var twoForOne = await client.SubmitAndFollowAsync(page, "main form", ("handler", "Check"), ("q0", "0"), ("q0", "1"));
        Assert.Contains("not one of the choices", twoForOne.Text("[role=alert]"));
        var unanswered = await client.SubmitAndFollowAsync(page, "main form", ("handler", "Check"));
        Assert.Contains("Answer every question", unanswered.Text("[role=alert]"));
        using var read = await client.SubmitAsync(page, "main form", ("handler", "Read")); // "read" is for recipe cards without questions
        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
        Assert.Null(await ProgressAsync(app, user.Id, quiz.Id));

        using var otherPart = await client.GetAsync($"/en/mooc/part-2/activities/{quiz.Id}");
        Assert.Equal(HttpStatusCode.NotFound, otherPart.StatusCode);
        using var forged = await client.PostAsync($"/en/mooc/part-1/activities/{quiz.Id}?handler=Check", new FormUrlEncodedContent([new("q0", "0")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode); // no anti-forgery token
    }

    [Fact]
    public async Task The_positioning_quiz_suggests_the_parts_whose_statements_are_left_unticked()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var user = await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        await client.SubmitAsync(await client.GetPageAsync("/en/mooc"), "form:has([data-testid=enrol])");

        var quiz = await client.GetPageAsync("/en/mooc/positioning");
        var boxes = quiz.QuerySelectorAll<IHtmlInputElement>("input[name=confident]").Select(b => b.Value).ToList();
        Assert.Equal(4, boxes.Select(b => b.Split(':')[0]).Distinct().Count());
        var ticked = boxes.Where(b => !b.StartsWith("part-3:", StringComparison.Ordinal)).Select(b => ("confident", b)).Append(("confident", "part-9:0")).ToArray();
        var course = await client.SubmitAndFollowAsync(quiz, "main form", ticked);

        Assert.Equal("part-3", await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Enrolments.Where(e => e.UserId == user.Id).Select(e => e.SuggestedParts).SingleAsync()));
        Assert.Contains(TestContent.PartTitle(3, "en"), course.Text("[role=status]"));
        Assert.Single(course.QuerySelectorAll(".course-part .badge"));
    }

    [Fact]
    public async Task Deleting_an_account_erases_its_progress_attempts_and_certificate_which_the_export_includes()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var user = await app.CreateUserAsync("learner@example.org");
        var other = await app.CreateUserAsync("other@example.org");
        foreach (var person in new[] { user, other })
        {
            await app.WithTenantAsync(async sp =>
            {
                var progress = sp.GetRequiredService<CourseProgress>();
                await progress.EnrolAsync(person.Id, default);
                await progress.RecordTryAsync(person.Id, "part-1", "p1-a01", right: true, default);
                var tests = sp.GetRequiredService<Examiner>();
                var attempt = (await tests.StartAsync(person.Id, "mooc/part-1/validation", default))!;
                await tests.SaveAnswerAsync(attempt, 0, new ChoiceResponse(new HashSet<int> { 0 }), default);
                var db = sp.GetRequiredService<LearningDbContext>();
                db.Certificates.Add(new Certificate { Code = "CODE" + person.Email![..5].ToUpperInvariant(), UserId = person.Id, RecipientName = "x", RecipientHash = "sha256$x", Salt = "s", Culture = "en" });
                await db.SaveChangesAsync();
                return 0;
            });
        }

        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        using var export = (await PersonalDataZip.DownloadAsync(client)).Json();
        Assert.Equal("p1-a01", export.RootElement.GetProperty("course").GetProperty("activities")[0].GetProperty("activityId").GetString());
        Assert.Equal("mooc/part-1/validation", export.RootElement.GetProperty("tests")[0].GetProperty("bank").GetString());
        Assert.Single(export.RootElement.GetProperty("tests")[0].GetProperty("answers").EnumerateArray());
        Assert.Equal("CODELEARN", export.RootElement.GetProperty("certificate").GetProperty("code").GetString());

        var account = await client.GetPageAsync("/en/account/personal-data");
        using var deleted = await client.SubmitAsync(account, "main form", ("Password", LearningApp.Password));
        Assert.Equal("/en/account/deleted", deleted.Headers.Location?.OriginalString);
        var left = await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            return (await db.Enrolments.Select(e => e.UserId).ToListAsync())
                .Concat(await db.ActivityProgress.Select(p => p.UserId).ToListAsync())
                .Concat(await db.Attempts.Select(a => a.UserId).ToListAsync())
                // The leaver's certificate stays verifiable (they did not ask for revocation), detached from any account.
                .Concat(await db.Certificates.Where(c => !c.UserId.StartsWith(CertificatePersonalData.ErasedHolderPrefix)).Select(c => c.UserId).ToListAsync())
                .Append($"answers:{await db.AttemptAnswers.CountAsync()}")
                .ToList();
        });
        Assert.Equal([other.Id, other.Id, other.Id, other.Id, "answers:1"], left); // the other learner keeps everything
    }

    private static Task<ActivityProgress?> ProgressAsync(LearningApp app, string userId, string activityId) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ActivityProgress.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId && p.ActivityId == activityId));
}
