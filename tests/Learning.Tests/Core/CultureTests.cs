using System.Net;
using Learning.Modules.Core;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Learning.Tests.Core;

public sealed class CultureTests
{
    [Theory]
    [InlineData(null, null, "/fr/")]
    [InlineData("hu-HU,hu;q=0.9,en;q=0.8", null, "/hu/")]
    [InlineData("de-DE,de;q=0.9,ca;q=0.5", null, "/ca/")]
    [InlineData("en", "c=it|uic=it", "/it/")]
    public async Task The_bare_address_sends_to_the_cookie_then_browser_then_default_language(string? acceptLanguage, string? cookie, string expected)
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString(cookie)}");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_signed_in_persons_profile_language_wins_over_the_browser()
    {
        await using var app = new LearningApp();
        var user = await app.CreateUserAsync("learner@example.org"); // preferred culture: en
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org", basePath: "/es");
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept-Language", "hu");

        using var response = await client.SendAsync(request);

        Assert.Equal($"/{user.PreferredCulture}/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Visiting_a_page_in_a_language_remembers_it_for_the_bare_address()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();

        await client.GetPageAsync("/ca/account/login");
        using var response = await client.GetAsync("/");

        Assert.Equal("/ca/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(EveryCulture))]
    public async Task Every_page_exists_in_every_culture_with_its_language_alternates_and_a_picker_to_the_same_page(string culture)
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();

        foreach (var path in new[] { "", "account/login", "account/register", "account/forgot-password", "privacy", "toolbox", "tutorials", "mooc" })
        {
            var page = await client.GetPageAsync($"/{culture}/{path}");

            Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
            var alternates = page.QuerySelectorAll("link[rel='alternate'][hreflang]").Select(l => l.GetAttribute("hreflang")).ToList();
            Assert.Equal([.. Cultures.All, "x-default"], alternates);
            foreach (var other in Cultures.All)
            {
                var link = page.QuerySelector($".language-picker a[hreflang='{other}']")!;
                Assert.Equal($"/{other}/{path}", link.GetAttribute("href"));
            }
        }
    }

    public static TheoryData<string> EveryCulture => [.. Cultures.All];

    [Fact]
    public async Task The_interface_is_translated_in_each_culture()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();

        var titles = new Dictionary<string, string>();
        foreach (var culture in Cultures.All)
        {
            titles[culture] = (await client.GetPageAsync($"/{culture}/account/login")).Text("h1");
        }

        Assert.Equal(Cultures.All.Count, titles.Values.Distinct().Count());
        Assert.Equal("Log in", titles["en"]);
    }

    [Fact]
    public async Task A_culture_the_platform_does_not_offer_is_not_found_with_a_localized_error_page()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/de/account/login")).StatusCode);
        var missing = await client.GetPageAsync("/hu/no-such-page", HttpStatusCode.NotFound);
        Assert.Equal("hu", missing.DocumentElement.GetAttribute("lang"));
        Assert.NotEqual("Page not found", missing.Text("h1"));
    }

    [Fact]
    public async Task Requests_share_read_only_cultures_so_that_their_number_formats_are_built_once()
    {
        await using var app = new LearningApp();
        var options = app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;

        // Request localization gives each request CultureInfo.ReadOnly(culture): a writable culture is cloned for
        // every request, and the clone builds its number formats from ICU again (half of the course page's time).
        var cultures = options.SupportedCultures!.Concat(options.SupportedUICultures!).Append(options.DefaultRequestCulture.Culture).ToList();
        Assert.Equal(Cultures.All.Count * 2 + 1, cultures.Count);
        Assert.All(cultures, c => Assert.True(c.IsReadOnly, $"{c.Name} is writable"));
    }
}
