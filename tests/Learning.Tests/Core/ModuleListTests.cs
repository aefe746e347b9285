using System.Net;
using Learning.Modules.Certificates;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Core;

/// <summary>A module exists only when it is listed: its pages, endpoints, tables and navigation come with it.</summary>
public sealed class ModuleListTests
{
    [Fact]
    public async Task A_module_left_out_has_no_pages_endpoints_tables_or_navigation_while_the_others_work()
    {
        // One app at a time: the job scheduler is one per process.
        (HttpStatusCode, HttpStatusCode, HttpStatusCode, bool, bool) present, absent;
        await using (var full = new LearningApp())
        {
            present = await Look(full);
        }

        await using var without = new LearningApp(extraSettings: new Dictionary<string, string?> { ["Learning:LeaveOutModules:0"] = "Certificates" });
        absent = await Look(without);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, true, true), present);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, false, false), absent);

        // The modules that stay answer as usual.
        var client = without.CreateClient();
        await client.GetPageAsync("/en/toolbox");
        await client.GetPageAsync("/en/mooc");
    }

    [Fact]
    public async Task Addresses_of_attempts_under_the_course_lead_permanently_to_the_tests_pages()
    {
        await using var app = new LearningApp();
        var client = app.CreateClient();

        using var summary = await client.GetAsync("/fr/mooc/attempts/12");
        using var question = await client.GetAsync("/hu/mooc/attempts/12/3");

        Assert.Equal(HttpStatusCode.MovedPermanently, summary.StatusCode);
        Assert.Equal("/fr/tests/attempts/12", summary.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, question.StatusCode);
        Assert.Equal("/hu/tests/attempts/12/3", question.Headers.Location?.OriginalString);
    }

    /// <summary>The administrator's certificates page, the learner's, the public badge issuer, whether the
    /// navigation offers certificates, and whether the Certificate entity is mapped.</summary>
    private static async Task<(HttpStatusCode, HttpStatusCode, HttpStatusCode, bool, bool)> Look(LearningApp app)
    {
        await app.CreateUserAsync("boss@example.org", null, Roles.Administrator);
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("boss@example.org");
        using var admin = await client.GetAsync("/en/admin/certificates");
        using var mine = await client.GetAsync("/en/certificate");
        using var issuer = await app.CreateClient().GetAsync("/badges/issuer.json");
        var home = await client.GetPageAsync("/en/");
        var mapped = await app.WithTenantAsync(sp => Task.FromResult(sp.GetRequiredService<LearningDbContext>().Model.FindEntityType(typeof(Certificate)) is not null));
        return (admin.StatusCode, mine.StatusCode, issuer.StatusCode, home.QuerySelector("a[href='/en/admin/certificates']") is not null, mapped);
    }
}
