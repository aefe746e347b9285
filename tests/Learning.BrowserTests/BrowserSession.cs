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

    public static async Task<BrowserSession> StartAsync()
    {
        var app = new LearningApp();
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
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
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
        });
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

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
