using System.Net;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Content;

/// <summary>Readers' views of practices and tutorials, counted through real requests (cached pages included), written
/// by the counter's flush into ContentReads, and read back as the most read items.</summary>
public sealed class ReadCountTests
{
    private static readonly string JobDesk = "/en/toolbox/" + TestContent.Slug("job-desk", "en");

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_anonymous_views_of_a_cached_practice_count_two_and_a_head_a_bot_a_prefetch_and_a_404_count_nothing(Db database)
    {
        var counter = new CommandCounter();
        await using var app = new LearningApp(database, content: TestContent.Small()) { TestServices = counter.CountIn };
        var client = app.CreateClient();
        var today = DateTime.UtcNow.Date;

        await client.GetPageAsync(JobDesk);
        var (commands, _) = await counter.CountPageAsync(client, JobDesk);
        Assert.Equal(0, commands); // the second view came from the output cache: no handler ran
        await client.GetPageAsync("/fr/tutorials/" + TestContent.TutorialSlug("fr"));

        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, JobDesk)))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }

        using (var bot = new HttpRequestMessage(HttpMethod.Get, JobDesk))
        {
            bot.Headers.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(bot)).StatusCode);
        }

        using (var prefetch = new HttpRequestMessage(HttpMethod.Get, JobDesk))
        {
            prefetch.Headers.Add("Sec-Purpose", "prefetch");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(prefetch)).StatusCode);
        }

        using (var purpose = new HttpRequestMessage(HttpMethod.Get, JobDesk))
        {
            purpose.Headers.Add("Purpose", "prefetch");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(purpose)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/en/toolbox/no-such-practice")).StatusCode);

        var reads = app.Services.GetRequiredService<ReadCounter>();
        await reads.FlushAsync();
        Assert.Equal(0, reads.Pending);

        var rows = await ReadRowsAsync(app);
        Assert.Equal(
            [("practice", "job-desk", "en", today, 2L), ("tutorial", "job-desk", "fr", today, 1L)],
            rows.Select(r => (r.Type, r.SetId, r.Culture, r.Day, r.Count)));

        // A later view is added to the day's row.
        await client.GetPageAsync(JobDesk);
        await reads.FlushAsync();
        Assert.Equal(3L, (await ReadRowsAsync(app)).Single(r => r.Type == "practice").Count);
        var mostRead = await app.WithTenantAsync(sp => sp.GetRequiredService<ReadCounts>().MostReadAsync("practice", today, today, "en", 10, default));
        Assert.Equal([new ReadCount("job-desk", TestContent.Title("job-desk", "en"), 3)], mostRead);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_counter_holds_at_most_its_bound_of_pages_and_made_up_slugs_take_no_room(Db database)
    {
        await using var app = new LearningApp(database, new Dictionary<string, string?>
        {
            ["Learning:Content:MaxCountedPages"] = "2",
            ["Learning:Content:ReadsFlushSeconds"] = "3600", // only the test flushes
        }, TestContent.Small());
        var client = app.CreateClient();
        var reads = app.Services.GetRequiredService<ReadCounter>();

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/en/toolbox/made-up-{i}")).StatusCode);
        }

        Assert.Equal(0, reads.Pending);

        foreach (var set in TestContent.Practices)
        {
            await client.GetPageAsync("/en/toolbox/" + TestContent.Slug(set, "en"));
        }

        await client.GetPageAsync("/en/toolbox/" + TestContent.Slug(TestContent.Practices[0], "en")); // a page already held still counts
        Assert.Equal(2, reads.Pending);

        await reads.FlushAsync();
        Assert.Equal(
            [(TestContent.Practices[1], 1L), (TestContent.Practices[0], 2L)],
            (await ReadRowsAsync(app)).Select(r => (r.SetId, r.Count)).OrderBy(r => r.Count));

        // After a flush there is room again.
        await client.GetPageAsync("/en/toolbox/" + TestContent.Slug(TestContent.Practices[2], "en"));
        Assert.Equal(1, reads.Pending);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reads_still_in_memory_are_written_when_the_site_stops(Db database)
    {
        var app = new LearningApp(database, new Dictionary<string, string?> { ["Learning:Content:ReadsFlushSeconds"] = "3600" }, TestContent.Small());
        try
        {
            await app.CreateClient().GetPageAsync(JobDesk);
            Assert.Equal(1, app.Services.GetRequiredService<ReadCounter>().Pending);

            app = await app.RestartAsync();

            Assert.Equal([("job-desk", 1L)], (await ReadRowsAsync(app)).Select(r => (r.SetId, r.Count)));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Each_tenant_counts_its_own_readers_in_its_own_database()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var north = new Tenant { Name = "north", DisplayName = "North network", UrlPrefix = "north", DatabaseProvider = DatabaseProvider.Sqlite, CreatedUtc = DateTime.UtcNow };
        await app.Services.GetRequiredService<TenantSetup>().SetUpAsync(north, "chief@north.example");
        var client = app.CreateClient();

        await client.GetPageAsync(JobDesk);
        await client.GetPageAsync(JobDesk);
        await client.GetPageAsync("/north" + JobDesk);
        await app.Services.GetRequiredService<ReadCounter>().FlushAsync();

        Assert.Equal([("job-desk", 2L)], (await ReadRowsAsync(app)).Select(r => (r.SetId, r.Count)));
        Assert.Equal([("job-desk", 1L)], (await ReadRowsAsync(app, "north")).Select(r => (r.SetId, r.Count)));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_most_read_are_summed_over_the_days_asked_in_one_culture_or_all(Db database)
    {
        var day = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        await using var app = new LearningApp(database, content: TestContent.Small());
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            db.ContentReads.AddRange(
                Read("job-desk", "en", day, 5),
                Read("job-desk", "fr", day.AddDays(1), 4),
                Read("digital-check", "en", day, 7),
                Read("partners-day", "en", day.AddDays(2), 100),   // after the period
                Read("partners-day", "en", day.AddDays(-1), 50));  // before it
            db.ContentReads.Add(new ContentRead { Type = "tutorial", SetId = "job-desk", Culture = "en", Day = day, Count = 90 });
            return await db.SaveChangesAsync();
        });

        Task<IReadOnlyList<ReadCount>> MostRead(string? culture, int top) =>
            app.WithTenantAsync(sp => sp.GetRequiredService<ReadCounts>().MostReadAsync("practice", day, day.AddDays(1), culture, top, default));

        // Every culture: job-desk 5 + 4 = 9, digital-check 7 (titles then in the current culture).
        Assert.Equal([("job-desk", 9L), ("digital-check", 7L)], (await MostRead(null, 10)).Select(r => (r.SetId, r.Reads)));
        Assert.Equal([new ReadCount("digital-check", TestContent.Title("digital-check", "en"), 7), new ReadCount("job-desk", TestContent.Title("job-desk", "en"), 5)], await MostRead("en", 10));
        Assert.Equal([new ReadCount("job-desk", TestContent.Title("job-desk", "fr"), 4)], await MostRead("fr", 10));
        Assert.Equal(["job-desk"], (await MostRead(null, 1)).Select(r => r.SetId));
        Assert.Empty(await MostRead("hu", 10));
    }

    private static ContentRead Read(string set, string culture, DateTime day, long count) =>
        new() { Type = "practice", SetId = set, Culture = culture, Day = day, Count = count };

    private static Task<List<ContentRead>> ReadRowsAsync(LearningApp app, string? tenant = null) => app.WithTenantAsync(sp =>
        sp.GetRequiredService<LearningDbContext>().ContentReads.AsNoTracking().OrderBy(r => r.Type).ThenBy(r => r.SetId).ThenBy(r => r.Culture).ToListAsync(), tenant);
}
