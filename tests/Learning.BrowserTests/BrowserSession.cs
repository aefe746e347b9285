using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Learning.BrowserTests;

/// <summary>
/// The application on a real Kestrel port and Debian's Chromium driven by Playwright, for one test.
/// Never `playwright install`: the browser is the system's /usr/bin/chromium.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private IPlaywright? playwright;

    private BrowserSession(LearningApp app) => App = app;

    public LearningApp App { get; }

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<BrowserSession> StartAsync(IDictionary<string, string?>? extraSettings = null)
    {
        // Kestrel answers on 127.0.0.1, a host the installation must be told about.
        var settings = new Dictionary<string, string?>(extraSettings ?? new Dictionary<string, string?>()) { ["Learning:ExtraHosts:0"] = "127.0.0.1" };
        var app = new LearningApp(extraSettings: settings);
        app.UseKestrel(0);
        app.StartServer();
        var session = new BrowserSession(app)
        {
            BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"),
        };
        session.playwright = await Playwright.CreateAsync();
        session.Browser = await session.playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required"],
        });
        return session;
    }

    /// <summary>A fresh browser window at a phone's or a desktop's width.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            DeviceScaleFactor = 1,
            BypassCSP = true, // lets the test inject axe-core; the site's own pages never need it
        });
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Runs axe-core's WCAG 2.1 A and AA rules on the page and fails with every violation found.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var violations = await page.EvaluateAsync<string[]>(
            """
            async () => {
              const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
              return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        Assert.True(violations.Length == 0, $"{page.Url} has accessibility violations:\n" + string.Join("\n", violations));
    }

    private static string AxeScript =>
        Path.Combine(Repository.Root, "tests", "Learning.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
