using System.Net;
using Learning.Modules.Content;
using Learning.Modules.Core;
using Learning.Modules.Core.Tenancy;
using Learning.Modules.Data;
using Learning.Modules.Mooc;
using Learning.Modules.Reporting;
using Learning.Modules.Reporting.Facts;
using Learning.Tests.Content;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Scale;

/// <summary>
/// Two nodes of one installation, in this process: one PostgreSQL database, one Redis server, one key-ring certificate,
/// and nothing else in common (each has its own data folder, memory, output cache). What one node changes, the other
/// serves at once. (Two real processes behind a load balancer: <c>TwoNodesTests</c>.)
/// </summary>
public sealed class SharedStateTests
{
    [Fact]
    public async Task A_person_signed_in_through_one_node_is_signed_in_on_the_other()
    {
        await using var nodes = await TwoNodes.StartAsync();
        await nodes.A.CreateUserAsync("learner@example.org");
        var cookies = new CookieContainer();
        var throughA = nodes.A.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var throughB = nodes.B.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

        await throughA.LogInSuccessfullyAsync("learner@example.org");
        var account = await throughB.GetAsync("/en/account");

        Assert.Equal(HttpStatusCode.OK, account.StatusCode); // not sent to the login page: B reads A's cookie with the shared key ring
        Assert.Contains("learner@example.org", await account.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_practice_published_through_one_node_is_served_fresh_by_the_other_at_once()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var editor = await EditorTests.LogInAsEditor(nodes.A, "writer@example.org");
        var id = await nodes.A.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ContentItems
            .Where(i => i.Type == "practice" && i.SetId == "job-desk" && i.Culture == "en").Select(i => i.Id).SingleAsync());
        var visitorOfB = nodes.B.CreateClient();
        var page = $"/en/toolbox/{await EditorTests.Slug(nodes.A, id)}";
        var before = (await visitorOfB.GetPageAsync(page)).Text("h1");
        Assert.Equal(before, (await visitorOfB.GetPageAsync(page)).Text("h1")); // now in B's output cache

        var edit = await editor.GetPageAsync($"/en/editor/practice/{id}");
        var published = await editor.SubmitAndFollowAsync(edit, "form.editor", ("Input.Title", "Neighbourhood job desk, revised"), ("handler", "Publish"));
        Assert.True(published.QuerySelector(".alert--success") is not null, published.QuerySelector(".validation-summary-errors")?.TextContent);

        Assert.Equal("Neighbourhood job desk, revised", await CrossNode.SoonAsync(async () => (await visitorOfB.GetPageAsync(page)).Text("h1"), "Neighbourhood job desk, revised"));
    }

    [Fact]
    public async Task A_learner_s_state_changed_through_one_node_is_not_served_stale_by_the_other()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var learner = await nodes.A.CreateUserAsync("learner@example.org");
        Assert.Null(await nodes.B.WithTenantAsync(sp => sp.GetRequiredService<CourseProgress>().LearnerAsync(learner.Id, default))); // kept by B for 30 s

        await nodes.A.WithTenantAsync(async sp =>
        {
            await sp.GetRequiredService<CourseProgress>().EnrolAsync(learner.Id, default);
            return true;
        });

        Assert.True(await CrossNode.SoonAsync(async () =>
            await nodes.B.WithTenantAsync(sp => sp.GetRequiredService<CourseProgress>().LearnerAsync(learner.Id, default)) is not null, true));
    }

    [Fact]
    public async Task A_tenant_created_through_one_node_is_served_by_the_other_and_its_removal_too()
    {
        await using var nodes = await TwoNodes.StartAsync();
        var visitorOfB = nodes.B.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitorOfB.GetAsync("/north/en/toolbox")).StatusCode);

        var north = new Tenant
        {
            Name = "north", DisplayName = "North network", UrlPrefix = "north", DatabaseProvider = DatabaseProvider.Postgres,
            ConnectionString = nodes.A.PostgresConnection("north"), CreatedUtc = DateTime.UtcNow,
        };
        await nodes.A.Services.GetRequiredService<TenantSetup>().SetUpAsync(north, "chief@north.example");

        Assert.Equal(HttpStatusCode.OK, await CrossNode.SoonAsync(async () => (await visitorOfB.GetAsync("/north/en/toolbox")).StatusCode, HttpStatusCode.OK));
        Assert.Equal("North network", nodes.B.Services.GetRequiredService<TenantRegistry>().Find("north")!.DisplayName);

        await nodes.A.Services.GetRequiredService<TenantRegistry>().RemoveAsync("north");
        Assert.Null(await CrossNode.SoonAsync(() => Task.FromResult(nodes.B.Services.GetRequiredService<TenantRegistry>().Find("north")), null));
    }

    [Fact]
    public async Task Account_posts_are_counted_once_for_all_nodes()
    {
        await using var nodes = await TwoNodes.StartAsync(new() { ["Learning:AccountPostsPerMinute"] = "3" });
        var (a, b) = (nodes.A.CreateClient(), nodes.B.CreateClient());
        var answers = new List<HttpStatusCode>();
        // The shared count's windows are the clock's minutes: four posts across the turn of a minute would be counted
        // in two windows. Posting starts when at least 20 s of the minute are left.
        var left = TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(DateTime.UtcNow.Ticks % TimeSpan.TicksPerMinute);
        if (left < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(100));
        }

        foreach (var client in new[] { a, b, a, b })
        {
            using var response = await client.LogInAsync("nobody@example.org", "wrong password");
            answers.Add(response.StatusCode);
        }

        // Three posts in the minute, wherever they land; the fourth is refused (one node alone would allow 3 + 3).
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task The_impact_facts_refreshed_by_both_nodes_at_once_count_each_learner_once()
    {
        await using var nodes = await TwoNodes.StartAsync();
        for (var i = 0; i < 30; i++)
        {
            var learner = await nodes.A.CreateUserAsync($"learner{i}@example.org");
            await nodes.A.WithTenantAsync(async sp =>
            {
                await sp.GetRequiredService<CourseProgress>().EnrolAsync(learner.Id, default);
                return true;
            });
        }

        // The job on one node and a dashboard opened on the other, at the same moment.
        await Task.WhenAll(
            nodes.A.WithTenantAsync(sp => sp.GetRequiredService<FactsRefresh>().RunAsync(default)),
            nodes.B.WithTenantAsync(sp => sp.GetRequiredService<FactsRefresh>().RunAsync(default)));

        var facts = await nodes.A.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().LearnerFacts.Where(f => f.EnrolledUtc != null).CountAsync());
        Assert.Equal(30, facts);
    }

    /// <summary>Node A sets the installation up (a fresh PostgreSQL database); node B then starts on the same settings
    /// but its own data folder, as another machine would.</summary>
    private sealed class TwoNodes : IAsyncDisposable
    {
        public required LearningApp A { get; init; }

        public required LearningApp B { get; init; }

        public static Task<TwoNodes> StartAsync(Dictionary<string, string?>? extra = null)
        {
            var shared = new Dictionary<string, string?>(extra ?? []) { ["Learning:Redis"] = Databases.RedisServer() };
            var a = new LearningApp(Db.Postgres, shared, TestContent.Small());
            _ = a.Services;
            var b = new LearningApp(Db.Postgres, new Dictionary<string, string?>(shared)
            {
                ["Learning:Database:ConnectionString"] = a.PostgresConnection("default"),
                ["Learning:DataProtection:CertificatePath"] = Path.Combine(a.DataPath, "data-protection.pfx"),
            }, TestContent.Small());
            _ = b.Services;
            return Task.FromResult(new TwoNodes { A = a, B = b });
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync(); // B's own databases only (none): A's are dropped by A
            await A.DisposeAsync();
        }
    }
}
