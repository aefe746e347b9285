using System.Net;
using System.Text.Json;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Learning.Modules.Feedback;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Feedback;

public sealed class FeedbackTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_learner_rates_a_practice_once_and_rating_again_updates_it_reopening_it_only_when_the_comment_changes(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var learner = await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        var practice = FeedbackSteps.PracticePath();

        var page = await client.GetPageAsync(practice);
        var form = page.QuerySelector(FeedbackSteps.FeedbackForm)!;
        Assert.Equal(["1", "2", "3", "4", "5"], form.QuerySelectorAll("fieldset input[type=radio][name=Rating]").Select(r => r.GetAttribute("value")!));
        Assert.Equal("Your rating", form.QuerySelector("fieldset legend")!.TextContent.Trim());
        Assert.Equal("2000", form.QuerySelector("textarea[name=Comment]")!.GetAttribute("maxlength"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));

        using var given = await client.GiveAsync(practice, ("Rating", "4"), ("Comment", "  Clear, and the contact helped.  "));
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal(practice + "#opinion-title", given.Headers.Location?.OriginalString);
        var item = Assert.Single(await app.ItemsAsync());
        Assert.Equal((learner.Id, "practice", "job-desk", "en", 4, "Clear, and the contact helped.", FeedbackStatus.New),
            (item.UserId, item.Kind, item.SetId, item.Culture, item.Rating, item.Comment, item.Status));

        // The aside thanks them and shows what they gave.
        var after = await client.GetPageAsync(practice);
        Assert.NotNull(after.QuerySelector("[data-testid=feedback-thanks]"));
        Assert.Contains("4 out of 5", after.Text("[data-testid=feedback-own]"));
        Assert.Contains("Clear, and the contact helped.", after.Text("[data-testid=feedback-own]"));
        Assert.Equal("Not yet read by the editors", after.Text("[data-testid=feedback-status]"));

        // Accepted by an editor; a new rating with the same comment keeps it accepted…
        await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().FeedbackItems
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, FeedbackStatus.Accepted)));
        using (await client.GiveAsync(practice, ("Rating", "5")))
        {
        }

        item = Assert.Single(await app.ItemsAsync());
        Assert.Equal((5, "Clear, and the contact helped.", FeedbackStatus.Accepted), (item.Rating, item.Comment, item.Status));

        // …a changed comment goes back to the editors as new, in the same item, from the language it was written in.
        using (await client.GiveAsync(FeedbackSteps.PracticePath("fr"), ("Rating", "5"), ("Comment", "Plus clair encore avec le contact.")))
        {
        }

        item = Assert.Single(await app.ItemsAsync());
        Assert.Equal((5, "Plus clair encore avec le contact.", FeedbackStatus.New, "fr"), (item.Rating, item.Comment, item.Status, item.Culture));
        Assert.NotNull(item.StatusChangedUtc);

        // The tutorial and the parts of the course have the same aside, each its own item.
        using (await client.GiveAsync($"/en/tutorials/{TestContent.TutorialSlug("en")}", ("Rating", "3")))
        {
        }

        using (await client.GiveAsync("/en/mooc/part-2", ("Rating", "2"), ("Comment", "Too long.")))
        {
        }

        Assert.Equal([("practice", "job-desk", 5), ("tutorial", "job-desk", 3), ("mooc-part", "part-2", 2)],
            (await app.ItemsAsync()).Select(i => (i.Kind, i.SetId, i.Rating!.Value)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Ratings_out_of_range_long_comments_and_unknown_subjects_are_refused_with_a_message_and_change_nothing(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        var practice = FeedbackSteps.PracticePath();
        var page = await client.GetPageAsync(practice);

        foreach (var rating in new[] { "0", "6", "abc", "", "4.5", "-1" })
        {
            var refused = await client.SubmitAndFollowAsync(page, FeedbackSteps.FeedbackForm, ("Rating", rating), ("Comment", "Fine."));
            Assert.Equal("Choose a rating from 1 to 5.", refused.ErrorText());
            Assert.Equal("Fine.", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name=Comment]")!.Value);
        }

        var tooLong = await client.SubmitAndFollowAsync(page, FeedbackSteps.FeedbackForm, ("Rating", "3"), ("Comment", new string('a', 2001)));
        Assert.Equal("This is too long: 2000 characters at most.", tooLong.ErrorText());
        var control = await client.SubmitAndFollowAsync(page, FeedbackSteps.FeedbackForm, ("Rating", "3"), ("Comment", "bell\u0007"));
        Assert.Equal("Remove the invisible control characters from this text.", control.ErrorText());

        using var unknownSet = await client.SubmitAsync(page, FeedbackSteps.FeedbackForm, ("Rating", "3"), ("SetId", "no-such-set"));
        using var unknownKind = await client.SubmitAsync(page, FeedbackSteps.FeedbackForm, ("Rating", "3"), ("Kind", "quiz"));
        using var surveyOfAPractice = await client.SubmitAsync(page, FeedbackSteps.FeedbackForm, ("Rating", "3"), ("Kind", "mooc-course"));
        Assert.Equal(HttpStatusCode.NotFound, unknownSet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, surveyOfAPractice.StatusCode);
        Assert.Empty(await app.ItemsAsync());

        using var longest = await client.SubmitAsync(page, FeedbackSteps.FeedbackForm, ("Rating", "1"), ("Comment", new string('a', 2000)));
        Assert.Equal(HttpStatusCode.Redirect, longest.StatusCode);
        Assert.Equal(2000, Assert.Single(await app.ItemsAsync()).Comment!.Length);
    }

    [Fact]
    public async Task The_form_returns_only_to_a_page_of_the_tenant_never_to_another_site()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        var practice = FeedbackSteps.PracticePath();
        var page = await client.GetPageAsync(practice);

        foreach (var hostile in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", " //evil.example",
                     "javascript:alert(1)", "/en//evil.example", "/other/en/toolbox", "/toolbox", "", "/en/../north/en/toolbox", "/en/%2e%2e/north/en/toolbox", "/en/./toolbox" })
        {
            using var response = await client.SubmitAsync(page, FeedbackSteps.FeedbackForm, ("Rating", "4"), ("ReturnUrl", hostile));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(practice + "#opinion-title", response.Headers.Location?.OriginalString);
        }

        using var local = await client.SubmitAsync(page, FeedbackSteps.FeedbackForm, ("Rating", "4"), ("ReturnUrl", "/en/toolbox?q=job"));
        Assert.Equal("/en/toolbox?q=job#opinion-title", local.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_editor_triages_an_item_and_replies_which_the_learner_then_sees_while_a_learner_can_triage_nothing(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("learner@example.org");
        await app.CreateUserAsync("other@example.org");
        await app.CreateUserAsync("editor@example.org", null, Roles.Editor);
        var learner = app.CreateClient();
        await learner.LogInSuccessfullyAsync("learner@example.org");
        var practice = FeedbackSteps.PracticePath();
        using (await learner.GiveAsync(practice, ("Rating", "2"), ("Comment", "Who do I call?")))
        {
        }

        var id = Assert.Single(await app.ItemsAsync()).Id;

        // Another learner cannot see the list nor post a triage, even with a token of their own.
        var other = app.CreateClient();
        await other.LogInSuccessfullyAsync("other@example.org");
        using (var list = await other.GetAsync("/en/editor/feedback"))
        {
            Assert.StartsWith("/en/account/access-denied", list.Headers.Location?.OriginalString);
        }

        var otherPage = await other.GetPageAsync(practice);
        var token = otherPage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using (var forged = await other.PostAsync($"/en/editor/feedback?handler=Triage&id={id}", new FormUrlEncodedContent(
                   [new("NewStatus", "Rejected"), new("Reply", "No."), new("__RequestVerificationToken", token)])))
        {
            Assert.StartsWith("/en/account/access-denied", forged.Headers.Location?.OriginalString);
        }

        var untouched = Assert.Single(await app.ItemsAsync());
        Assert.Equal((FeedbackStatus.New, (string?)null), (untouched.Status, untouched.Reply));

        // The editor sees the practice's title in their language, the learner's name and not their e-mail, the counts.
        var editor = app.CreateClient();
        await editor.LogInSuccessfullyAsync("editor@example.org");
        var triage = await editor.GetPageAsync("/en/editor/feedback");
        Assert.NotNull(triage.QuerySelector(".work-nav a[href='/en/editor/feedback']")); // the editors' navigation entry
        Assert.Null((await learner.GetPageAsync("/en/")).QuerySelector("a[href='/en/editor/feedback']"));
        var row = triage.QuerySelector($"#item-{id}")!;
        Assert.Equal(TestContent.Title("job-desk", "en"), row.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("learner", row.TextContent);
        Assert.DoesNotContain("learner@example.org", triage.DocumentElement.OuterHtml);
        Assert.Contains("Who do I call?", row.TextContent);
        Assert.Contains("New (1)", triage.Text("[data-testid=feedback-counts]"));
        var french = await editor.GetPageAsync("/fr/editor/feedback");
        Assert.Equal(TestContent.Title("job-desk", "fr"), french.QuerySelector($"#item-{id} h2")!.TextContent.Trim());

        var tooLong = await editor.SubmitAndFollowAsync(triage, $"#item-{id} form", ("NewStatus", "Accepted"), ("Reply", new string('r', 2001)));
        Assert.Equal("This is too long: 2000 characters at most.", tooLong.ErrorText());
        var badStatus = await editor.SubmitAndFollowAsync(triage, $"#item-{id} form", ("NewStatus", "Deleted"));
        Assert.Equal("Choose a status.", badStatus.ErrorText());
        Assert.Equal(FeedbackStatus.New, Assert.Single(await app.ItemsAsync()).Status);
        var editorToken = triage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#item-{id} input[name=__RequestVerificationToken]")!.Value;
        using (var unknown = await editor.PostAsync("/en/editor/feedback?handler=Triage&id=987654", new FormUrlEncodedContent(
                   [new("NewStatus", "Done"), new("__RequestVerificationToken", editorToken)])))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var saved = await editor.SubmitAsync(triage, $"#item-{id} form", ("NewStatus", "Accepted"), ("Reply", "Thank you: the sheet will name the desk's phone number.")))
        {
            Assert.Equal($"/en/editor/feedback#item-{id}", saved.Headers.Location?.OriginalString);
        }

        var item = Assert.Single(await app.ItemsAsync());
        Assert.Equal((FeedbackStatus.Accepted, "Thank you: the sheet will name the desk's phone number."), (item.Status, item.Reply));
        Assert.NotNull(item.RepliedUtc);
        Assert.NotNull(item.StatusChangedUtc);
        var filtered = await editor.GetPageAsync("/en/editor/feedback?status=New");
        Assert.Empty(filtered.QuerySelectorAll("[data-testid=feedback-item]"));
        Assert.Contains("Accepted (1)", filtered.Text("[data-testid=feedback-counts]"));

        // The learner sees it beside the practice and in "my feedback".
        var aside = await learner.GetPageAsync(practice);
        Assert.Equal("Accepted: the editors will act on it", aside.Text("[data-testid=feedback-status]"));
        Assert.StartsWith("Thank you: the sheet will name the desk's phone number.", aside.Text("[data-testid=feedback-reply]"));
        var mine = await learner.GetPageAsync("/en/feedback/mine");
        var mineItem = mine.QuerySelector("[data-testid=my-feedback-item]")!;
        Assert.Equal(TestContent.Title("job-desk", "en"), mineItem.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Thank you: the sheet will name the desk's phone number.", mineItem.TextContent);
        Assert.Empty((await other.GetPageAsync("/en/feedback/mine")).QuerySelectorAll("[data-testid=my-feedback-item]"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_average_shows_as_text_and_stars_from_five_ratings_and_not_before(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        var at = new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);
        // 5 + 4 + 4 + 3 = 16 over 4 ratings: too few to show. Ratings of another practice and a comment-only survey do not count.
        await app.AddAsync(
            FeedbackSteps.Item("u1", "practice", "job-desk", 5, at), FeedbackSteps.Item("u2", "practice", "job-desk", 4, at),
            FeedbackSteps.Item("u3", "practice", "job-desk", 4, at, culture: "fr"), FeedbackSteps.Item("u4", "practice", "job-desk", 3, at, FeedbackStatus.Rejected),
            FeedbackSteps.Item("u5", "practice", "digital-check", 1, at), FeedbackSteps.Item("u6", "tutorial", "job-desk", 1, at));

        Assert.Null((await client.GetPageAsync(FeedbackSteps.PracticePath())).QuerySelector("[data-testid=feedback-average]"));

        // A fifth: 16 + 5 = 21 over 5 ratings is 4.2, shown with four filled stars of five, in each reader's way of writing it.
        await app.AddAsync(FeedbackSteps.Item("u7", "practice", "job-desk", 5, at));
        var page = await client.GetPageAsync(FeedbackSteps.PracticePath());
        Assert.Equal("★★★★☆ 4.2 out of 5, 5 ratings", System.Text.RegularExpressions.Regex.Replace(page.Text("[data-testid=feedback-average]"), @"\s+", " "));
        Assert.Equal("true", page.QuerySelector("[data-testid=feedback-average] .stars")!.GetAttribute("aria-hidden"));
        Assert.Contains("4,2 sur 5, 5 notes", (await client.GetPageAsync(FeedbackSteps.PracticePath("fr"))).Text("[data-testid=feedback-average]"));
        Assert.Null((await client.GetPageAsync($"/en/tutorials/{TestContent.TutorialSlug("en")}")).QuerySelector("[data-testid=feedback-average]"));
    }

    [Fact]
    public async Task The_threshold_of_the_average_is_a_setting()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?> { ["Learning:Feedback:RatingsShownFrom"] = "2" }, content: TestContent.Small());
        var at = new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);
        await app.AddAsync(FeedbackSteps.Item("u1", "practice", "job-desk", 2, at));
        var visitor = app.CreateClient();
        Assert.Null((await visitor.GetPageAsync(FeedbackSteps.PracticePath("it"))).QuerySelector("[data-testid=feedback-average]"));

        await app.AddAsync(FeedbackSteps.Item("u2", "practice", "job-desk", 5, at));
        // (2 + 5) / 2 = 3.5, shown as four stars (rounded half up) and the figure; the English page was not cached yet.
        Assert.Contains("★★★★☆", (await visitor.GetPageAsync(FeedbackSteps.PracticePath())).Text("[data-testid=feedback-average]"));
        Assert.Contains("3.5 out of 5, 2 ratings", (await visitor.GetPageAsync(FeedbackSteps.PracticePath())).Text("[data-testid=feedback-average]"));
    }

    [Fact]
    public async Task Visitors_get_a_cached_practice_page_with_the_average_and_a_link_to_sign_in_but_no_form_no_token_and_nothing_personal()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        await app.CreateUserAsync("learner@example.org");
        var at = new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);
        await app.AddAsync(Enumerable.Range(1, 5).Select(n => FeedbackSteps.Item($"u{n}", "practice", "job-desk", n, at)).ToArray());
        var learner = app.CreateClient();
        await learner.LogInSuccessfullyAsync("learner@example.org");
        var practice = FeedbackSteps.PracticePath();
        using (await learner.GiveAsync(practice, ("Rating", "5"), ("Comment", "A personal remark from the learner.")))
        {
        }

        var visitor = app.CreateClient();
        using var first = await visitor.GetAsync(practice);
        // Behind the page's back, every rating goes: the second visitor's page still has the average, so it came from the cache.
        await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().FeedbackItems.ExecuteDeleteAsync());
        using var second = await app.CreateClient().GetAsync(practice);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => !c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
            var page = await Browser.ParseAsync(response);
            var aside = page.QuerySelector("[data-testid=feedback-aside]")!;
            // (1 + 2 + 3 + 4 + 5 + 5) / 6 = 20 / 6 = 3.33…, shown as 3.3.
            Assert.Contains("3.3 out of 5, 6 ratings", aside.TextContent);
            Assert.Equal($"/en/account/login?returnUrl={Uri.EscapeDataString(practice)}", aside.QuerySelector("a")!.GetAttribute("href"));
            Assert.Null(aside.QuerySelector("form"));
            Assert.Null(page.QuerySelector("form[method=post], input[name=__RequestVerificationToken]"));
            Assert.DoesNotContain("A personal remark", page.DocumentElement.OuterHtml);
        }

        // A visitor can neither open the form nor post it.
        using var open = await app.CreateClient().GetAsync("/en/feedback?kind=practice&setId=job-desk");
        Assert.Contains("/account/login", open.Headers.Location?.OriginalString);
        using var post = await app.CreateClient().PostAsync("/en/feedback", new FormUrlEncodedContent(
            [new("Kind", "practice"), new("SetId", "job-desk"), new("Rating", "1"), new("ReturnUrl", practice)]));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/account/login", post.Headers.Location?.OriginalString);
        Assert.Empty(await app.ItemsAsync());
    }

    [Fact]
    public async Task Signed_in_people_answer_the_end_of_course_survey_on_the_course_page_which_visitors_do_not_see()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        await app.CreateUserAsync("learner@example.org");
        Assert.Null((await app.CreateClient().GetPageAsync("/en/mooc")).QuerySelector("[data-testid=feedback-aside]"));
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");

        var course = await client.GetPageAsync("/en/mooc");
        var form = course.QuerySelector(FeedbackSteps.FeedbackForm)!;
        Assert.Equal("End-of-course survey", course.Text("[data-testid=feedback-aside] h2"));
        Assert.Equal(["Yes", "No", "NotSure"], form.QuerySelectorAll("input[name=Recommend]").Select(r => r.GetAttribute("value")!));
        Assert.Equal("Your overall rating (optional)", form.QuerySelectorAll("fieldset legend")[1].TextContent.Trim());
        Assert.NotNull(form.QuerySelector("label[for=feedback-useful] + textarea[name=Useful]"));

        var empty = await client.SubmitAndFollowAsync(course, FeedbackSteps.FeedbackForm);
        Assert.Equal("Answer at least one of the questions.", empty.ErrorText());
        var maybe = await client.SubmitAndFollowAsync(course, FeedbackSteps.FeedbackForm, ("Recommend", "Maybe"), ("Useful", "The cases."));
        Assert.Equal("Choose yes, no or not sure.", maybe.ErrorText());
        Assert.Empty(await app.ItemsAsync());

        using (var answered = await client.SubmitAsync(course, FeedbackSteps.FeedbackForm, ("Useful", "The persona case studies."), ("Improve", "Shorter videos."), ("Recommend", "Yes")))
        {
            Assert.Equal("/en/mooc#opinion-title", answered.Headers.Location?.OriginalString);
        }

        var item = Assert.Single(await app.ItemsAsync());
        Assert.Equal(("mooc-course", "mooc", null, "The persona case studies.", "Shorter videos.", Recommendation.Yes, (string?)null),
            (item.Kind, item.SetId, item.Rating, item.Useful, item.Improve, item.Recommend, item.Comment));
        var thanked = await client.GetPageAsync("/en/mooc");
        Assert.Contains("Shorter videos.", thanked.Text("[data-testid=feedback-own]"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_persons_feedback_is_in_their_data_export_and_is_deleted_with_their_account(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var leaving = await app.CreateUserAsync("leaving@example.org");
        await app.CreateUserAsync("staying@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("leaving@example.org");
        using (await client.GiveAsync(FeedbackSteps.PracticePath(), ("Rating", "3"), ("Comment", "Mine to take away.")))
        {
        }

        var staying = app.CreateClient();
        await staying.LogInSuccessfullyAsync("staying@example.org");
        using (await staying.GiveAsync(FeedbackSteps.PracticePath(), ("Rating", "5")))
        {
        }

        using var json = (await PersonalDataZip.DownloadAsync(client)).Json();
        var exported = Assert.Single(json.RootElement.GetProperty("feedback").EnumerateArray());
        Assert.Equal(("practice", "job-desk", 3, "Mine to take away.", "New"), (exported.GetProperty("kind").GetString(), exported.GetProperty("setId").GetString(),
            exported.GetProperty("rating").GetInt32(), exported.GetProperty("comment").GetString(), exported.GetProperty("status").GetString()));

        var personalData = await client.GetPageAsync("/en/account/personal-data");
        using (var deleted = await client.SubmitAsync(personalData, "main form", ("Password", LearningApp.Password)))
        {
            Assert.Equal("/en/account/deleted", deleted.Headers.Location?.OriginalString);
        }

        var left = Assert.Single(await app.ItemsAsync());
        Assert.NotEqual(leaving.Id, left.UserId);
        Assert.Equal(5, left.Rating);
    }

    [Fact]
    public async Task An_installation_without_feedback_shows_the_pages_without_it()
    {
        await using var app = new LearningApp(extraSettings: new Dictionary<string, string?> { ["Learning:LeaveOutModules:0"] = "Feedback" }, content: TestContent.Small());
        await app.CreateUserAsync("learner@example.org");
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");

        foreach (var path in new[] { FeedbackSteps.PracticePath(), $"/en/tutorials/{TestContent.TutorialSlug("en")}", "/en/mooc/part-1", "/en/mooc" })
        {
            Assert.Null((await client.GetPageAsync(path)).QuerySelector("[data-testid=feedback-aside]"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/en/feedback/mine")).StatusCode);
        Assert.Null(await app.WithTenantAsync(sp => Task.FromResult(sp.GetRequiredService<LearningDbContext>().Model.FindEntityType(typeof(FeedbackItem)))));
    }
}
