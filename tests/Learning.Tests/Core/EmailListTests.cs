using System.Net;
using Learning.Modules.Core;
using Learning.Modules.Core.Email;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Modules.Mooc.Reminders;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Core;

/// <summary>
/// E-mails of a list (reminders, later notifications): delivered through the real SMTP path (MailKit to a local catcher)
/// or into the pickup folder with <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> (RFC 8058), and the one-click
/// unsubscribe page their link leads to: a GET changes nothing, a POST (the page's form or a mail client's one-click)
/// records the opt-out, a tampered or another tenant's token changes nothing.
/// </summary>
public sealed class EmailListTests
{
    private const string Base = "https://localhost";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_list_message_reaches_the_smtp_server_with_its_unsubscribe_headers_and_its_one_click_post_opts_out(Db database)
    {
        using var smtp = new SmtpCatcher();
        await using var app = new LearningApp(database, smtp.Settings, TestContent.Small());
        var user = await app.CreateUserAsync("reader@example.org");

        Assert.True(await QueueAsync(app, user.Id, user.Email!, "fr"));

        var received = await smtp.WaitForAsync("reader@example.org");
        Assert.Equal(["reader@example.org"], received.Recipients);
        Assert.Equal("Sujet", received.Message.Subject);
        var header = received.Header("List-Unsubscribe")!;
        Assert.StartsWith($"<{Base}/fr/unsubscribe?token=", header);
        Assert.EndsWith(">", header);
        Assert.Equal("List-Unsubscribe=One-Click", received.Header("List-Unsubscribe-Post"));
        var link = header[1..^1];
        // The same link in both bodies, after the message's own text, with the footer in the recipient's language.
        Assert.StartsWith("Le texte.", received.Text);
        Assert.Contains(link, received.Text);
        Assert.Contains("Pour ne plus recevoir ces e-mails, ouvrez ce lien", received.Text);
        Assert.Contains($"href=\"{link}\"", received.Html);
        Assert.Contains("Se désabonner de « Rappels du cours »", received.Html);

        // A mail client's one-click POST (RFC 8058): no cookie, no page, no anti-forgery token.
        using var oneClick = await app.CreateClient().PostAsync(link[Base.Length..], new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal([(user.Id, CourseReminders.List)], await OptOutsAsync(app));

        // Nothing more of that list is queued for that person.
        Assert.False(await QueueAsync(app, user.Id, user.Email!, "fr"));
        Assert.Equal(1, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Without_an_smtp_server_the_pickup_folder_gets_the_message_with_its_list_headers()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var user = await app.CreateUserAsync("folder@example.org");

        await QueueAsync(app, user.Id, user.Email!, "en");

        var mail = await app.Mail.WaitForAsync("folder@example.org", "Sujet");
        Assert.Contains("You receive this e-mail from the list “Course reminders” of", mail.Text);
        var file = Directory.GetFiles(Path.Combine(app.DataPath, "mail-pickup"), "*.eml").Single();
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        var link = mail.Link("/en/unsubscribe?token=");
        Assert.Equal($"<{link}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(link, message.HtmlBody);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_link_shows_one_button_without_changing_anything_and_the_button_opts_out_once(Db database)
    {
        await using var app = new LearningApp(database, content: TestContent.Small());
        var user = await app.CreateUserAsync("clicker@example.org");
        var path = await LinkPathAsync(app, user.Id, "en");
        var client = app.CreateClient();

        // A GET (a mail scanner, a preview, the person) changes nothing, however often.
        var page = await client.GetPageAsync(path);
        await client.GetPageAsync(path);
        Assert.Empty(await OptOutsAsync(app));
        Assert.Contains("Course reminders", page.QuerySelector("main")!.TextContent);
        Assert.Single(page.QuerySelectorAll("main form button"));

        // The button records the opt-out; pressing it again keeps one.
        var done = await client.SubmitAndFollowAsync(page, "main form");
        Assert.Contains("you will no longer receive the e-mails of the list “Course reminders”", done.QuerySelector("[role=status]")!.TextContent);
        await client.SubmitAndFollowAsync(page, "main form");
        Assert.Equal([(user.Id, CourseReminders.List)], await OptOutsAsync(app));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_tampered_token_gets_a_clear_page_and_changes_nothing(Db database)
    {
        await using var app = new LearningApp(database, content: TestContent.Small());
        var user = await app.CreateUserAsync("victim@example.org");
        var token = Uri.UnescapeDataString((await LinkPathAsync(app, user.Id, "en")).Split("token=")[1]);
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        var client = app.CreateClient();

        // Without a token, the page only says where to go: no form, nothing to post.
        var bare = await client.GetPageAsync("/en/unsubscribe");
        Assert.Empty(bare.QuerySelectorAll("main form"));
        Assert.Contains("open the unsubscribe link at the end of one of them", bare.QuerySelector("main")!.TextContent);

        foreach (var bad in new[] { tampered, token[..^4], "not-a-token", "%" })
        {
            var url = $"/en/unsubscribe?token={Uri.EscapeDataString(bad)}";
            var page = await client.GetPageAsync(url, HttpStatusCode.BadRequest);
            Assert.Contains("This unsubscribe link is invalid", page.QuerySelector(".alert--error")!.TextContent);
            Assert.Empty(page.QuerySelectorAll("main form"));
            using var posted = await client.PostAsync(url, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            using var form = await client.PostAsync("/en/unsubscribe", new FormUrlEncodedContent([new("token", bad)]));
            Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        }

        using (var empty = await client.PostAsync("/en/unsubscribe", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }

        // Bodies the form reader refuses, and a NUL in the token, are refused too (no anti-forgery check reads them first).
        foreach (var body in new[] { $"token={token[..10]}%00{token[10..]}", "tok\0en=1&token=" + Uri.EscapeDataString(tampered), new string('n', 100_000) + "=1" })
        {
            using var hostile = await client.PostAsync("/en/unsubscribe", new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
            Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
        }

        Assert.Empty(await OptOutsAsync(app));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_tenants_token_does_not_open_here_and_each_tenant_keeps_its_own_opt_outs(Db database)
    {
        await using var app = new LearningApp(database, content: TestContent.Small());
        var north = new Tenant { Name = "north", DisplayName = "North", UrlPrefix = "north", DatabaseProvider = DatabaseProvider.Sqlite, CreatedUtc = DateTime.UtcNow };
        await app.Services.GetRequiredService<TenantSetup>().SetUpAsync(north, "chief@north.example");
        var northern = await app.CreateUserAsync("same@example.org", "north");
        var local = await app.CreateUserAsync("same@example.org");
        var northPath = await LinkPathAsync(app, northern.Id, "en", "north");
        Assert.StartsWith("/north/en/unsubscribe?token=", northPath);
        var localPath = await LinkPathAsync(app, local.Id, "en");
        var client = app.CreateClient();

        // North's token on the default tenant, and the default tenant's on north: refused, nothing recorded anywhere.
        var foreignHere = "/en/unsubscribe" + northPath[northPath.IndexOf('?')..];
        await client.GetPageAsync(foreignHere, HttpStatusCode.BadRequest);
        using (var posted = await client.PostAsync(foreignHere, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        }

        var foreignThere = "/north/en/unsubscribe" + localPath[localPath.IndexOf('?')..];
        using (var posted = await client.PostAsync(foreignThere, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        }

        Assert.Empty(await OptOutsAsync(app));
        Assert.Empty(await OptOutsAsync(app, "north"));

        // Each link works in its own tenant only.
        using (var posted = await client.PostAsync(northPath, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        Assert.Equal([(northern.Id, CourseReminders.List)], await OptOutsAsync(app, "north"));
        Assert.Empty(await OptOutsAsync(app));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_person_opts_back_in_from_my_account(Db database)
    {
        await using var app = new LearningApp(database, content: TestContent.Small());
        var user = await app.CreateUserAsync("returning@example.org");
        var client = app.CreateClient();
        using (var posted = await client.PostAsync(await LinkPathAsync(app, user.Id, "en"), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        await client.LogInSuccessfullyAsync("returning@example.org");
        var account = await client.GetPageAsync("/en/account");
        Assert.NotNull(account.QuerySelector("a[href='/en/account/emails']"));
        var page = await client.GetPageAsync("/en/account/emails");
        Assert.Contains("You do not receive these e-mails.", page.QuerySelector("main")!.TextContent);

        var after = await client.SubmitAndFollowAsync(page, "main section form");

        Assert.Empty(await OptOutsAsync(app));
        Assert.Contains("Your choice for “Course reminders” is saved.", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("You receive these e-mails.", after.QuerySelector("main")!.TextContent);
        Assert.True(await QueueAsync(app, user.Id, user.Email!, "en"));

        // And out again from the same page.
        await client.SubmitAndFollowAsync(after, "main section form");
        Assert.Equal([(user.Id, CourseReminders.List)], await OptOutsAsync(app));
    }

    private static Task<bool> QueueAsync(LearningApp app, string userId, string email, string culture) => app.WithTenantAsync(async sp =>
    {
        var queued = await sp.GetRequiredService<EmailOutbox>().QueueToListAsync(CourseReminders.List, userId, culture, email, "Sujet", "Le texte.", "<p>Le texte.</p>", default);
        await sp.GetRequiredService<LearningDbContext>().SaveChangesAsync();
        return queued;
    });

    /// <summary>The unsubscribe link's local path (tenant prefix, culture, page and token).</summary>
    private static Task<string> LinkPathAsync(LearningApp app, string userId, string culture, string? tenant = null) => app.WithTenantAsync(sp =>
    {
        var link = sp.GetRequiredService<UnsubscribeLinks>().Link(sp.GetRequiredService<TenantContext>().Tenant, culture, userId, CourseReminders.List);
        Assert.StartsWith(Base, link);
        return Task.FromResult(link[Base.Length..]);
    }, tenant);

    private static Task<List<(string, string)>> OptOutsAsync(LearningApp app, string? tenant = null) => app.WithTenantAsync(async sp =>
        (await sp.GetRequiredService<LearningDbContext>().EmailOptOuts.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.UserId, o.List }).ToListAsync())
        .Select(o => (o.UserId, o.List)).ToList(), tenant);
}
