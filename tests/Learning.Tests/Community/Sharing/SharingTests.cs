using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Learning.Modules.Community.Sharing;
using Learning.Modules.Content;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Community.Sharing;

public sealed class SharingTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_shared_practice_goes_from_the_learner_to_a_published_sheet_that_credits_them_until_they_withdraw_it(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        var ada = await app.CreateUserAsync("ada@example.org");
        await app.CreateUserAsync("editor@example.org", null, Roles.Editor);
        var learner = app.CreateClient();
        await learner.LogInSuccessfullyAsync("ada@example.org");

        // The toolbox and the main navigation lead to the form.
        var toolbox = await learner.GetPageAsync("/en/toolbox");
        Assert.Equal("/en/share", toolbox.QuerySelector("[data-testid=share-link]")!.GetAttribute("href"));
        Assert.NotNull(toolbox.QuerySelector(".site-nav a[href='/en/share']"));

        var before = await app.CountsAsync();
        using (var shared = await learner.ShareAsync(SharingSteps.Practice(), ("cafe.png", SharingSteps.Png), credit: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
            Assert.StartsWith("/en/share/mine#submission-", shared.Headers.Location?.OriginalString);
        }

        // One draft practice with its first version, one image, one submission: nothing else.
        Assert.Equal((before.Items + 1, before.Versions + 1, before.Media + 1, 1, 0), await app.CountsAsync());
        var submission = Assert.Single(await app.SubmissionsAsync());
        Assert.Equal((ada.Id, "en", "job-cafe-for-young-people", "Job café for young people", SubmissionStatus.Submitted, true),
            (submission.UserId, submission.Culture, submission.SetId, submission.Title, submission.Status, submission.CreditByName));
        var item = await app.PracticeItemAsync(submission.ContentItemId);
        Assert.Equal(("practice", "job-cafe-for-young-people", "en", "job-cafe-for-young-people", ContentStatus.Draft, (int?)null),
            (item.Type, item.SetId, item.Culture, item.Slug, item.Status, item.PublishedVersionId));
        var version = Assert.Single(item.Versions);
        var media = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().MediaFiles.OrderBy(m => m.Id).LastAsync());
        Assert.Equal(("cafe.png", "image/png", MediaKind.Image, 64L), (media.FileName, media.ContentType, media.Kind, media.Length));
        Assert.Equal(
            "## Description\n\nYoung people and employers meet over coffee.\n\n## Implementation\n\n- Book the café\n- Invite five employers\n\n"
            + "## Results and figures\n\nTwelve young people found a job in a year.\n\n## Transferability tips\n\nStart small: one employer is enough.\n\n"
            + $"![Photo of the practice](/media/{media.StorageName})\n",
            version.Body);
        var fields = ContentFields.Parse(version.Fields);
        Assert.Equal(["Mission locale de Saint-Gilles", "Café du Parvis"], fields.List("organisations"));
        Assert.Equal(("BE", "Saint-Gilles", "Since 2023", "cafe@example.org"), (fields.Text("country"), fields.Text("place"), fields.Text("period"), fields.Text("contact")));
        Assert.Equal("A monthly café where young people meet employers, without a CV.", version.Summary);

        // Readers do not see a draft; the learner sees it submitted.
        using (var hidden = await app.CreateClient().GetAsync("/en/toolbox/job-cafe-for-young-people"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        var mine = await learner.GetPageAsync("/en/share/mine");
        Assert.Equal("Submitted: not yet read by the editors", mine.Text("[data-testid=submission-status]"));
        Assert.Equal("The published sheet credits you by name.", mine.Text("[data-testid=credit-form] p"));

        // The editor finds it, writes; the learner reads it "in review", from "the editors", and answers.
        var editor = app.CreateClient();
        await editor.LogInSuccessfullyAsync("editor@example.org");
        var list = await editor.GetPageAsync("/en/editor/submissions");
        Assert.NotNull(list.QuerySelector(".work-nav a[href='/en/editor/submissions']"));
        var row = Assert.Single(list.QuerySelectorAll("[data-testid=submission-row]"));
        Assert.Contains("ada", row.TextContent);
        Assert.DoesNotContain("ada@example.org", list.DocumentElement.OuterHtml);
        var detailPath = $"/en/editor/submissions/{submission.Id}";
        Assert.Equal(detailPath, row.QuerySelector("a")!.GetAttribute("href"));
        var detail = await editor.GetPageAsync(detailPath);
        Assert.Equal($"/en/editor/practice/{item.Id}", detail.QuerySelector("[data-testid=open-draft]")!.GetAttribute("href"));
        using (var written = await editor.SubmitAsync(detail, "[data-testid=write-form]", ("Text", "Could you say how many employers came?")))
        {
            Assert.Equal(detailPath, written.Headers.Location?.OriginalString);
        }

        mine = await learner.GetPageAsync("/en/share/mine");
        Assert.Equal("In review by the editors", mine.Text("[data-testid=submission-status]"));
        var fromEditors = Assert.Single(mine.QuerySelectorAll("[data-testid=message]"));
        Assert.Equal("editor", fromEditors.GetAttribute("data-from"));
        Assert.Contains("The editors", fromEditors.TextContent);
        Assert.DoesNotContain("editor@example.org", mine.DocumentElement.OuterHtml);
        Assert.Contains("Could you say how many employers came?", fromEditors.TextContent);
        using (await learner.SubmitAsync(mine, "[data-testid=reply-form]", ("Text", "Five employers, every month.")))
        {
        }

        detail = await editor.GetPageAsync(detailPath);
        var thread = detail.QuerySelectorAll("[data-testid=message]");
        Assert.Equal(["editor", "learner"], thread.Select(m => m.GetAttribute("data-from")!));
        Assert.Contains("editor (editor)", thread[0].TextContent);
        Assert.Contains("ada", thread[1].TextContent);
        Assert.Contains("Five employers, every month.", thread[1].TextContent);

        // The editor completes the draft in the practice editor and publishes it, through the usual workflow.
        var draft = await editor.GetPageAsync($"/en/editor/practice/{item.Id}");
        Assert.Equal("Job café for young people", draft.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        var published = await editor.SubmitAndFollowAsync(draft, "form.editor", ("Input.Themes", "employer-engagement"), ("handler", "Publish"));
        Assert.True(published.QuerySelector(".alert--success") is not null, published.QuerySelector(".validation-summary-errors")?.TextContent);

        mine = await learner.GetPageAsync("/en/share/mine");
        Assert.Equal("Published in the toolbox", mine.Text("[data-testid=submission-status]"));
        Assert.Equal("/en/toolbox/job-cafe-for-young-people", mine.QuerySelector("[data-testid=published-link]")!.GetAttribute("href"));
        Assert.Equal("Published in the toolbox", (await editor.GetPageAsync(detailPath)).Text("[data-testid=submission-status]"));
        Assert.Null((await editor.GetPageAsync(detailPath)).QuerySelector("[data-testid=decline-form]"));

        // Visitors (a cached page, asked twice) see the credit; once withdrawn, they no longer do.
        var visitor = app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            var sheet = await visitor.GetPageAsync("/en/toolbox/job-cafe-for-young-people");
            Assert.Equal("Shared by ada", sheet.Text("[data-testid=shared-by]"));
        }

        var french = await editor.GetPageAsync($"/en/editor/practice?set=job-cafe-for-young-people&language=fr");
        Assert.NotNull(french.QuerySelector("form.editor"));

        using (var withdrawn = await learner.SubmitAsync(mine, "[data-testid=credit-form]"))
        {
            Assert.Equal($"/en/share/mine#submission-{submission.Id}", withdrawn.Headers.Location?.OriginalString);
        }

        Assert.False(Assert.Single(await app.SubmissionsAsync()).CreditByName);
        Assert.Null((await visitor.GetPageAsync("/en/toolbox/job-cafe-for-young-people")).QuerySelector("[data-testid=shared-by]"));
        mine = await learner.GetPageAsync("/en/share/mine");
        Assert.Equal("The published sheet does not name you.", mine.Text("[data-testid=credit-form] p"));

        // Given again, it shows again.
        using (await learner.SubmitAsync(mine, "[data-testid=credit-form]"))
        {
        }

        Assert.Equal("Shared by ada", (await visitor.GetPageAsync("/en/toolbox/job-cafe-for-young-people")).Text("[data-testid=shared-by]"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_editor_declines_a_practice_with_a_reason_the_learner_reads_and_its_draft_is_archived(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ada@example.org");
        await app.CreateUserAsync("editor@example.org", null, Roles.Editor);
        var learner = app.CreateClient();
        await learner.LogInSuccessfullyAsync("ada@example.org");
        using (await learner.ShareAsync(SharingSteps.Practice()))
        {
        }

        var submission = Assert.Single(await app.SubmissionsAsync());
        var editor = app.CreateClient();
        await editor.LogInSuccessfullyAsync("editor@example.org");
        var detail = await editor.GetPageAsync($"/en/editor/submissions/{submission.Id}");

        // Without a reason, or with a reason too long, nothing changes.
        var empty = await editor.SubmitAndFollowAsync(detail, "[data-testid=decline-form]", ("Reason", "  "));
        Assert.Equal("Tell the learner why.", empty.Text("#decline-reason-error"));
        var tooLong = await editor.SubmitAndFollowAsync(detail, "[data-testid=decline-form]", ("Reason", new string('r', 2001)));
        Assert.Equal("This is too long: 2000 characters at most.", tooLong.Text("#decline-reason-error"));
        Assert.Equal((SubmissionStatus.Submitted, (string?)null), (Assert.Single(await app.SubmissionsAsync()).Status, Assert.Single(await app.SubmissionsAsync()).DeclineReason));
        Assert.Equal(ContentStatus.Draft, (await app.PracticeItemAsync(submission.ContentItemId)).Status);

        using (var declined = await editor.SubmitAsync(detail, "[data-testid=decline-form]", ("Reason", "The toolbox already has a job café: see job-desk.")))
        {
            Assert.Equal($"/en/editor/submissions/{submission.Id}", declined.Headers.Location?.OriginalString);
        }

        Assert.Equal((SubmissionStatus.Declined, "The toolbox already has a job café: see job-desk."),
            (Assert.Single(await app.SubmissionsAsync()).Status, Assert.Single(await app.SubmissionsAsync()).DeclineReason));
        Assert.Equal(ContentStatus.Archived, (await app.PracticeItemAsync(submission.ContentItemId)).Status);
        var mine = await learner.GetPageAsync("/en/share/mine");
        Assert.Equal("Declined", mine.Text("[data-testid=submission-status]"));
        Assert.Equal("The toolbox already has a job café: see job-desk.", mine.Text("[data-testid=decline-reason]"));
        Assert.Null((await editor.GetPageAsync($"/en/editor/submissions/{submission.Id}")).QuerySelector("[data-testid=decline-form]"));
        Assert.Equal("Declined", (await editor.GetPageAsync("/en/editor/submissions")).Text("[data-testid=submission-row] [data-status]"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_file_is_judged_by_its_content_and_size_and_a_refused_one_or_a_missing_field_saves_nothing(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ada@example.org");
        var learner = app.CreateClient();
        await learner.LogInSuccessfullyAsync("ada@example.org");
        var before = await app.CountsAsync();

        const string NotAFile = "This file is neither a photo (JPEG, PNG or WebP) nor a PDF document. Nothing was saved: choose another file.";
        foreach (var (name, content, error) in new (string, byte[], string)[]
        {
            ("photo.jpg", "this is text, not a photo"u8.ToArray(), NotAFile),
            ("page.html", "<html><script>alert(1)</script></html>"u8.ToArray(), NotAFile),
            ("fake.pdf", [0x50, 0x4B, 0x03, 0x04, .. new byte[20]], NotAFile), // a zip
            ("huge.png", [.. SharingSteps.Png, .. new byte[5 << 20]], "The file must not be empty nor larger than 5 MB."),
            ("empty.png", [], "The file must not be empty nor larger than 5 MB."),
        })
        {
            using var response = await learner.ShareAsync(SharingSteps.Practice(), (name, content));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Browser.ParseAsync(response);
            Assert.Equal(error, page.Text("#Upload-error"));
            Assert.Equal("true", page.QuerySelector("#Upload")!.GetAttribute("aria-invalid"));
            // What was typed is kept.
            Assert.Equal("Job café for young people", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
            Assert.Equal(before, await app.CountsAsync());
        }

        foreach (var (field, value, error) in new[]
        {
            ("Input.Title", "", "This field is required."),
            ("Input.Description", " ", "This field is required."),
            ("Input.Title", new string('t', 301), "This is too long: 300 characters at most."),
            ("Input.Title", "Tab\there", "Write this on a single line, without tabs or invisible control characters."),
            ("Input.Country", "XX", "Choose a country from the list."),
        })
        {
            using var response = await learner.ShareAsync(SharingSteps.Practice((field, value)), ("cafe.png", SharingSteps.Png));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Browser.ParseAsync(response);
            Assert.Equal(error, page.Text($"#{field.Replace('.', '_')}-error"));
            Assert.Equal(before, await app.CountsAsync());
        }

        // A PNG named as text, and a PDF named as an image, are taken for what they are.
        using (await learner.ShareAsync(SharingSteps.Practice(), ("notes.txt", SharingSteps.Png)))
        {
        }

        using (await learner.ShareAsync(SharingSteps.Practice(("Input.Title", "Job café again")), ("scan.jpg", SharingSteps.Pdf)))
        {
        }

        var media = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().MediaFiles.OrderBy(m => m.Id).Skip(before.Media).ToListAsync());
        Assert.Equal([("notes.png", "image/png", MediaKind.Image), ("scan.pdf", "application/pdf", MediaKind.Document)], media.Select(m => (m.FileName, m.ContentType, m.Kind)));
        var submissions = await app.SubmissionsAsync();
        Assert.Equal(["job-cafe-for-young-people", "job-cafe-again"], submissions.Select(s => s.SetId));
        var pdfBody = (await app.PracticeItemAsync(submissions[1].ContentItemId)).Versions.Single().Body;
        Assert.EndsWith($"[The practice's document (PDF)](/media/{media[1].StorageName})\n", pdfBody);

        // The same title again gets its own set and slug; no file at all is fine.
        using (await learner.ShareAsync(SharingSteps.Practice()))
        {
        }

        Assert.Equal("job-cafe-for-young-people-2", (await app.SubmissionsAsync()).Last().SetId);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_learner_neither_sees_nor_acts_on_a_submission_and_a_learner_cannot_reach_the_editors_pages(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ada@example.org");
        await app.CreateUserAsync("bob@example.org");
        var ada = app.CreateClient();
        await ada.LogInSuccessfullyAsync("ada@example.org");
        using (await ada.ShareAsync(SharingSteps.Practice(), credit: true))
        {
        }

        var id = Assert.Single(await app.SubmissionsAsync()).Id;
        var bob = app.CreateClient();
        await bob.LogInSuccessfullyAsync("bob@example.org");
        var bobs = await bob.GetPageAsync("/en/share/mine");
        Assert.Empty(bobs.QuerySelectorAll("[data-testid=submission]"));
        Assert.Equal("You have not shared a practice yet.", bobs.Text("[data-testid=no-submission]"));
        var token = bobs.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? (await bob.GetPageAsync("/en/share")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        foreach (var (path, fields) in new (string, KeyValuePair<string, string>[])[]
        {
            ($"/en/share/mine?handler=Reply&id={id}", [new("Text", "I wrote this one.")]),
            ($"/en/share/mine?handler=Credit&id={id}", [new("Credit", "false")]),
            ("/en/share/mine?handler=Reply&id=987654", [new("Text", "Anyone?")]),
        })
        {
            using var response = await bob.PostAsync(path, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        foreach (var (path, fields) in new (string, KeyValuePair<string, string>[])[]
        {
            ($"/en/editor/submissions/{id}?handler=Write", [new("Text", "Editor here.")]),
            ($"/en/editor/submissions/{id}?handler=Decline", [new("Reason", "No.")]),
        })
        {
            using var response = await bob.PostAsync(path, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
            Assert.StartsWith("/en/account/access-denied", response.Headers.Location?.OriginalString);
        }

        foreach (var path in new[] { "/en/editor/submissions", $"/en/editor/submissions/{id}" })
        {
            using var response = await bob.GetAsync(path);
            Assert.StartsWith("/en/account/access-denied", response.Headers.Location?.OriginalString);
        }

        Assert.Null((await bob.GetPageAsync("/en/")).QuerySelector("a[href='/en/editor/submissions']"));

        // A form without its token is refused too.
        using (var forged = await ada.PostAsync($"/en/share/mine?handler=Reply&id={id}", new FormUrlEncodedContent([new("Text", "No token.")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        // Visitors are sent to the login.
        using (var visitor = await app.CreateClient().GetAsync("/en/share"))
        {
            Assert.StartsWith("/en/account/login", visitor.Headers.Location?.OriginalString);
        }

        var untouched = Assert.Single(await app.SubmissionsAsync());
        Assert.Equal((true, SubmissionStatus.Submitted, 0), (untouched.CreditByName, untouched.Status, untouched.Messages.Count));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task What_learners_and_editors_type_shows_as_text_never_as_markup(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ada@example.org");
        await app.CreateUserAsync("editor@example.org", null, Roles.Editor);
        var learner = app.CreateClient();
        await learner.LogInSuccessfullyAsync("ada@example.org");
        const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        using (await learner.ShareAsync(SharingSteps.Practice(("Input.Title", "Café " + Payload), ("Input.Description", Payload))))
        {
        }

        var mine = await learner.GetPageAsync("/en/share/mine");
        using (await learner.SubmitAsync(mine, "[data-testid=reply-form]", ("Text", Payload)))
        {
        }

        var editor = app.CreateClient();
        await editor.LogInSuccessfullyAsync("editor@example.org");
        var submission = Assert.Single(await app.SubmissionsAsync());
        foreach (var page in new[]
        {
            await learner.GetPageAsync("/en/share/mine"), await editor.GetPageAsync("/en/editor/submissions"),
            await editor.GetPageAsync($"/en/editor/submissions/{submission.Id}"),
        })
        {
            Assert.Empty(page.QuerySelectorAll("main script, main img"));
            Assert.Contains(Payload, page.QuerySelector("main")!.TextContent);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_data_export_holds_the_submissions_and_messages_and_erasure_removes_the_credit_and_the_link_but_keeps_the_practice(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await app.CreateUserAsync("ada@example.org");
        await app.CreateUserAsync("bob@example.org");
        await app.CreateUserAsync("editor@example.org", null, Roles.Editor);
        var ada = app.CreateClient();
        await ada.LogInSuccessfullyAsync("ada@example.org");
        var bob = app.CreateClient();
        await bob.LogInSuccessfullyAsync("bob@example.org");
        using (await ada.ShareAsync(SharingSteps.Practice(), credit: true))
        {
        }

        using (await bob.ShareAsync(SharingSteps.Practice(("Input.Title", "Bob's walk to work")), credit: true))
        {
        }

        var editor = app.CreateClient();
        await editor.LogInSuccessfullyAsync("editor@example.org");
        var (adas, bobs) = (await app.SubmissionsAsync()) is [var first, var second] ? (first, second) : throw new InvalidOperationException();
        foreach (var submission in new[] { adas, bobs })
        {
            var detail = await editor.GetPageAsync($"/en/editor/submissions/{submission.Id}");
            using (await editor.SubmitAsync(detail, "[data-testid=write-form]", ("Text", $"Thanks for #{submission.Id}.")))
            {
            }

            var draft = await editor.GetPageAsync($"/en/editor/practice/{submission.ContentItemId}");
            using (await editor.SubmitAsync(draft, "form.editor", ("handler", "Publish")))
            {
            }
        }

        using (await ada.SubmitAsync(await ada.GetPageAsync("/en/share/mine"), "[data-testid=reply-form]", ("Text", "My pleasure.")))
        {
        }

        using (await bob.SubmitAsync(await bob.GetPageAsync("/en/share/mine"), "[data-testid=reply-form]", ("Text", "Bob's answer.")))
        {
        }

        using var json = (await PersonalDataZip.DownloadAsync(ada)).Json();
        var shared = json.RootElement.GetProperty("shared-practices").GetProperty("submissions");
        var exported = Assert.Single(shared.EnumerateArray());
        Assert.Equal(("Job café for young people", "en", "job-cafe-for-young-people", true),
            (exported.GetProperty("title").GetString(), exported.GetProperty("culture").GetString(), exported.GetProperty("setId").GetString(), exported.GetProperty("creditByName").GetBoolean()));
        Assert.Equal("Published", exported.GetProperty("status").GetString());
        Assert.Equal([("editors", $"Thanks for #{adas.Id}."), ("you", "My pleasure.")],
            exported.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("from").GetString(), m.GetProperty("text").GetString())));
        Assert.DoesNotContain("Bob", json.RootElement.GetProperty("shared-practices").ToString());

        var visitor = app.CreateClient();
        Assert.Equal("Shared by ada", (await visitor.GetPageAsync("/en/toolbox/job-cafe-for-young-people")).Text("[data-testid=shared-by]"));
        var personalData = await ada.GetPageAsync("/en/account/personal-data");
        using (var deleted = await ada.SubmitAsync(personalData, "main form", ("Password", LearningApp.Password)))
        {
            Assert.Equal("/en/account/deleted", deleted.Headers.Location?.OriginalString);
        }

        // Ada's link, credit and own message are gone; the editors' message stays with the practice, which stays published.
        var (adaAfter, bobAfter) = (await app.SubmissionsAsync()) is [var a, var b] ? (a, b) : throw new InvalidOperationException();
        Assert.Equal(((string?)null, false), (adaAfter.UserId, adaAfter.CreditByName));
        Assert.Equal([(true, $"Thanks for #{adas.Id}.")], adaAfter.Messages.Select(m => (m.FromEditor, m.Text)));
        Assert.True((await app.PracticeItemAsync(adaAfter.ContentItemId)).IsVisible);
        Assert.Null((await visitor.GetPageAsync("/en/toolbox/job-cafe-for-young-people")).QuerySelector("[data-testid=shared-by]"));
        Assert.Contains("A deleted account", (await editor.GetPageAsync($"/en/editor/submissions/{adaAfter.Id}")).Text("[data-testid=learner]"));

        // Bob keeps everything.
        Assert.Equal((bobs.UserId, true, 2), (bobAfter.UserId, bobAfter.CreditByName, bobAfter.Messages.Count));
        Assert.Equal("Shared by bob", (await visitor.GetPageAsync("/en/toolbox/bob-s-walk-to-work")).Text("[data-testid=shared-by]"));
    }
}
