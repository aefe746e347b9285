using Microsoft.Playwright;

namespace Learning.BrowserTests;

public sealed class TutorialVideoTests
{
    [Fact]
    public async Task The_sample_video_plays_and_its_catalan_subtitles_show_the_catalan_cue()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/en/toolbox");
        await page.GetByRole(AriaRole.Link, new() { Name = "SPOC desk and support towards skills validation" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See how it was built (tutorial)" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=video-1] track")).ToHaveCountAsync(6); // the first of its three videos

        // As a person would with the player's subtitles menu: Catalan on, the others off; then play.
        await page.EvaluateAsync(
            """
            () => {
              const video = document.querySelector('video');
              video.muted = true;
              for (const track of video.textTracks) track.mode = track.language === 'ca' ? 'showing' : 'disabled';
              video.play();
            }
            """);
        // Playing: time runs and the Catalan track has a cue on screen (play again if the browser paused it).
        await page.WaitForFunctionAsync(
            """
            () => {
              const video = document.querySelector('video');
              if (video.paused && !video.ended) video.play();
              const t = [...video.textTracks].find(t => t.language === 'ca');
              return video.currentTime > 0.2 && t.activeCues && t.activeCues.length > 0;
            }
            """,
            null, new() { Timeout = 20000, PollingInterval = 250 });
        var cue = await page.EvaluateAsync<string>("() => [...document.querySelector('video').textTracks].find(t => t.language === 'ca').activeCues[0].text");
        var time = await page.EvaluateAsync<double>("() => document.querySelector('video').currentTime");

        var catalan = File.ReadAllText(Path.Combine(Learning.Tests.Infrastructure.Repository.Root, "content", "toolbox", "spoc-skills-validation", "tutorial.ca.md"));
        Assert.Contains(cue, catalan);
        Assert.True(time > 0);
        await BrowserSession.ScreenshotAsync(page, "tutorial-video-ca");
    }
}
