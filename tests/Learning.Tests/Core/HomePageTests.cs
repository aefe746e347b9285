using System.Net;
using Learning.Modules.Core;
using Learning.Modules.Core.Navigation;
using Learning.Modules.Mooc;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Core;

/// <summary>The home page presents what the listed modules register, and Core names none of them.</summary>
public sealed class HomePageTests
{
    [Fact]
    public async Task The_home_page_shows_the_toolbox_the_tutorials_and_the_mooc_each_with_its_link_and_description()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();

        var home = await client.GetPageAsync("/fr/");

        var cards = home.QuerySelectorAll(".cards .card");
        Assert.Equal(["Boîte à outils", "Tutoriels", "MOOC"], cards.Select(c => c.QuerySelector("h2 a")!.TextContent));
        Assert.Equal(["/fr/toolbox", "/fr/tutorials", "/fr/mooc"], cards.Select(c => c.QuerySelector("h2 a")!.GetAttribute("href")));
        Assert.StartsWith("Des fiches projets rédigées par les structures partenaires", cards[0].QuerySelector("p")!.TextContent);
        Assert.StartsWith("Comment chaque projet a été construit", cards[1].QuerySelector("p")!.TextContent);
        Assert.StartsWith("Quatre parties pour définir les publics cibles", cards[2].QuerySelector("p")!.TextContent);
        foreach (var link in cards.Select(c => c.QuerySelector("h2 a")!.GetAttribute("href")!))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        }
    }

    [Fact]
    public async Task A_module_whose_entries_are_not_registered_has_no_card_on_the_home_page()
    {
        await using var app = new LearningApp();
        await using var withoutMooc = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            // What leaving MoocModule out of Modules.cs takes away from the home page: its entries.
            foreach (var entry in services.Where(d => d.ImplementationInstance is NavigationItem { Strings: var strings } && strings == typeof(MoocStrings)).ToList())
            {
                services.Remove(entry);
            }
        }));

        var home = await withoutMooc.CreateClient().GetPageAsync("/en/");

        Assert.Equal(["/en/toolbox", "/en/tutorials"], home.QuerySelectorAll(".cards .card h2 a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Core_registers_no_home_card_and_each_feature_registers_its_own()
    {
        var cards = Learning.Web.Modules.All.ToDictionary(m => m.GetType().Name, m =>
        {
            var services = new ServiceCollection();
            m.AddServices(services, new ConfigurationBuilder().Build());
            return services.Select(d => d.ImplementationInstance).OfType<NavigationItem>().Where(n => n.HomeDescription is not null).Select(n => n.Path).ToList();
        });

        Assert.Empty(cards[nameof(CoreModule)]);
        Assert.Equal(["toolbox"], cards["ToolboxModule"]);
        Assert.Equal(["tutorials"], cards["TutorialsModule"]);
        Assert.Equal(["mooc"], cards[nameof(MoocModule)]);
    }
}
