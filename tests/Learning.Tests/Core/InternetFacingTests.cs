using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Learning.Modules.Core.Security;
using Learning.Tests.Accounts;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Learning.Tests.Core;

/// <summary>What a stranger can send: forged host names, forged forwarded headers, curious health probes.</summary>
public sealed class InternetFacingTests
{
    private const string BaseUrl = "https://learning.example.org";

    [Fact]
    public async Task A_request_naming_an_unknown_host_is_refused()
    {
        await using var app = new LearningApp(content: TestContent.Only());

        using var forged = await Client(app, "https://attacker.example").GetAsync("/en/account/login");
        using var known = await app.CreateClient().GetAsync("/en/account/login");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
    }

    [Fact]
    public async Task A_password_reset_link_leads_to_the_tenants_base_url_whatever_host_the_request_named()
    {
        await using var app = new LearningApp(content: TestContent.Only(), extraSettings: new Dictionary<string, string?>
        {
            ["Learning:BaseUrl"] = BaseUrl,
            ["Learning:ExtraHosts:0"] = "alias.example",
        });
        await app.CreateUserAsync("forgetful@example.org");
        var client = Client(app, "https://alias.example");

        var forgot = await client.GetPageAsync("/en/account/forgot-password");
        using var _ = await client.SubmitAsync(forgot, "main form", ("Email", "forgetful@example.org"));

        var mail = await app.Mail.WaitForAsync("forgetful@example.org");
        Assert.StartsWith(BaseUrl + "/en/account/reset-password?", mail.Link("/account/reset-password"));
        Assert.DoesNotContain("alias.example", mail.Text);
    }

    [Fact]
    public async Task The_feed_and_the_sitemap_name_the_base_url_whatever_host_the_request_named()
    {
        await using var app = new LearningApp(content: TestContent.Small(), extraSettings: new Dictionary<string, string?>
        {
            ["Learning:BaseUrl"] = BaseUrl,
            ["Learning:ExtraHosts:0"] = "alias.example",
        });
        var client = Client(app, "https://alias.example");

        var feed = await client.GetStringAsync("/en/toolbox/feed.atom");
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));

        Assert.Contains($"{BaseUrl}/en/toolbox/{TestContent.Slug("job-desk", "en")}", feed);
        Assert.DoesNotContain("alias.example", feed);
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.All(sitemap.Descendants(sm + "loc"), loc => Assert.StartsWith(BaseUrl + "/", loc.Value));
    }

    [Fact]
    public async Task A_tenant_found_by_host_name_links_to_its_own_host_and_its_settings_say_so()
    {
        await using var app = new LearningApp(content: TestContent.Only(), extraSettings: new Dictionary<string, string?>
        {
            ["Learning:BaseUrl"] = BaseUrl,
            ["Learning:ExtraHosts:0"] = "localhost",
        });
        var admin = await AdministrationTests.LogInAsAdministrator(app);
        await TenantTests.CreateTenant(app, admin, "east", Db.Sqlite, ("Input.HostName", "east.example"));
        await TenantTests.CreateTenant(app, admin, "north", Db.Sqlite, ("Input.UrlPrefix", "north"));

        var east = await admin.GetPageAsync("/en/admin/tenants/east");
        var north = await admin.GetPageAsync("/en/admin/tenants/north");

        Assert.Equal("https://east.example/", east.QuerySelector("[data-testid=links-address]")!.TextContent);
        Assert.Equal(BaseUrl + "/north/", north.QuerySelector("[data-testid=links-address]")!.TextContent);
        using var forged = await Client(app, "https://west.example").GetAsync("/north/en/");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Behind_a_known_proxy_a_visitor_on_https_gets_secure_cookies()
    {
        await using var app = new LearningApp(content: TestContent.Only(), extraSettings: new Dictionary<string, string?>
        {
            ["Learning:KnownProxies:0"] = "10.0.0.5",
        });
        await app.CreateUserAsync("learner@example.org");
        var client = Client(app, "http://localhost", Proxied("10.0.0.5", "203.0.113.7"));

        using var response = await client.LogInAsync("learner@example.org");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Learning.Session="));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        await using var app = new LearningApp(content: TestContent.Only(), extraSettings: new Dictionary<string, string?>
        {
            ["Learning:KnownProxies:0"] = "10.0.0.5",
            ["Learning:AccountPostsPerMinute"] = "2",
        });
        await app.CreateUserAsync("learner@example.org");
        var client = Client(app, "http://localhost", Proxied("198.51.100.9", "203.0.113.7"));

        using var response = await client.LogInAsync("learner@example.org");
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Learning.Session="));
        Assert.DoesNotContain("secure", session, StringComparison.OrdinalIgnoreCase);

        // A client claiming a new address on every post is still one client.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var post = await Client(app, "http://localhost", Proxied("198.51.100.9", $"203.0.113.{100 + i}"))
                .PostAsync("/en/account/login", new FormUrlEncodedContent([]));
            statuses.Add(post.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_rate_limit_counts_each_forwarded_client_apart()
    {
        await using var app = new LearningApp(content: TestContent.Only(), extraSettings: new Dictionary<string, string?>
        {
            ["Learning:KnownNetworks:0"] = "10.0.0.0/24", // the proxies of a load balancer
            ["Learning:AccountPostsPerMinute"] = "2",
        });
        var attacker = Client(app, "http://localhost", Proxied("10.0.0.5", "203.0.113.66"));
        var visitor = Client(app, "http://localhost", Proxied("10.0.0.5", "198.51.100.20"));

        for (var i = 0; i < 2; i++)
        {
            using var _ = await attacker.PostAsync("/en/account/login", new FormUrlEncodedContent([]));
        }

        using var attackersThird = await attacker.PostAsync("/en/account/login", new FormUrlEncodedContent([]));
        using var visitorsFirst = await visitor.PostAsync("/en/account/login", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.TooManyRequests, attackersThird.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, visitorsFirst.StatusCode);
    }

    [Fact]
    public async Task Health_tells_the_public_only_a_bare_status()
    {
        await using var app = new LearningApp(content: TestContent.Only());

        using var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.False(json.RootElement.TryGetProperty("checks", out _), body);
        Assert.DoesNotContain("default", body);
    }

    [Fact]
    public async Task Health_details_are_for_the_installations_administrators()
    {
        await using var app = new LearningApp(content: TestContent.Only());
        await app.CreateUserAsync("root@example.org", null, Roles.Administrator);
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("root@example.org");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/health"));

        Assert.Equal("ok", json.RootElement.GetProperty("checks").GetProperty("tenant-databases").GetProperty("data").GetProperty("default").GetString());
    }

    [Fact]
    public async Task Health_details_are_for_callers_from_a_configured_internal_network()
    {
        await using var app = new LearningApp(content: TestContent.Only(), extraSettings: new Dictionary<string, string?>
        {
            ["Learning:HealthDetailsFrom:0"] = "10.1.0.0/16",
        });

        var inside = await Client(app, "https://localhost", (TestPeerAddress.Header, "10.1.2.3")).GetStringAsync("/health");
        var outside = await Client(app, "https://localhost", (TestPeerAddress.Header, "10.2.2.3")).GetStringAsync("/health");

        Assert.Contains("tenant-databases", inside);
        Assert.DoesNotContain("tenant-databases", outside);
    }

    private static (string, string)[] Proxied(string proxy, string client) =>
    [
        (TestPeerAddress.Header, proxy),
        ("X-Forwarded-For", client),
        ("X-Forwarded-Proto", "https"),
    ];

    private static HttpClient Client(LearningApp app, string baseAddress, params (string Name, string Value)[] headers)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        foreach (var (name, value) in headers)
        {
            client.DefaultRequestHeaders.Add(name, value);
        }

        return client;
    }
}
