using System.Globalization;
using Learning.Modules.Core;
using Learning.Modules.Core.Localization;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Learning.Tests.Localization;

/// <summary>The site's localizers keep what they read per culture: each culture still gets its own text.</summary>
public sealed class KeptStringLocalizerTests
{
    [Fact]
    public async Task A_string_kept_in_one_culture_is_never_served_to_another()
    {
        await using var app = new LearningApp(content: TestContent.Small());
        var factory = app.Services.GetRequiredService<IStringLocalizerFactory>();
        Assert.IsType<KeptStringLocalizerFactory>(factory);
        var strings = factory.Create(typeof(CoreStrings));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            string Read(string culture, string name, params object[] arguments)
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                return arguments.Length == 0 ? strings[name] : strings[name, arguments];
            }

            // Twice each, in turn: the second read comes from what was kept.
            for (var round = 0; round < 2; round++)
            {
                Assert.Equal("Accès refusé", Read("fr", "Access denied"));
                Assert.Equal("Hozzáférés megtagadva", Read("hu", "Access denied"));
                Assert.Equal("Access denied", Read("en", "Access denied"));
                Assert.Equal("L'espace partenaire ouest est prêt", Read("fr", "Tenant {0} is ready", "ouest"));
            }

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            var unknown = strings["No such string, typed by a visitor"];
            Assert.True(unknown.ResourceNotFound);
            Assert.Equal("No such string, typed by a visitor", unknown.Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = before;
        }
    }
}
