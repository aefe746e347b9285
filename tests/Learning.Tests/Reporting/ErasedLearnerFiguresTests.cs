using Learning.Modules.Accounts;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Learning.Modules.Reporting;
using Learning.Modules.Reporting.Dashboard;
using Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Reporting;

/// <summary>The impact figures after learners of <see cref="ImpactWorld"/> delete their accounts.</summary>
public sealed class ErasedLearnerFiguresTests
{
    private static readonly DashboardFilter Quarter = new(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc));

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Learners_who_delete_their_account_stay_counted_and_a_certificate_revoked_at_their_request_no_longer_counts(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Small());
        await ImpactWorld.SeedAsync(app);
        var before = await ReportAsync(app);
        Assert.Equal(new Participation(8, 11, 13, 1, 1), before.Participation); // as ImpactDashboardTests works it out

        // a1 (French, 95%, part 1 completed, in S1) leaves; a5 (the certified one) leaves and asks for revocation.
        await EraseAsync(app, "a1@example.org", new ErasureChoices(RevokeCertificates: false));
        await EraseAsync(app, "a5@example.org", new ErasureChoices(RevokeCertificates: true));
        var after = await ReportAsync(app);

        // Registrations, enrolments, activity, completion, structures reached and the tests' figures are unchanged;
        // only a5's certificate, revoked, is no longer counted: 1 - 1 = 0.
        Assert.Equal(new Participation(8, 11, 13, 1, 0), after.Participation);
        Assert.Equal(before.StructuresReached.Achieved, after.StructuresReached.Achieved);
        var (frenchBefore, frenchAfter) = (before.Tests.Single(t => t.Culture == "fr"), after.Tests.Single(t => t.Culture == "fr"));
        Assert.Equal((6, 6, 4, 72.5), (frenchAfter.Attempts, frenchAfter.Learners, frenchAfter.Passed, frenchAfter.AverageScore));
        Assert.Equal((11, 5), (after.Parts.Single(p => p.Part == "part-1").Enrolled, after.Parts.Single(p => p.Part == "part-1").Completed));
        Assert.Equal(before.OverTime.Sum(w => w.Registrations), after.OverTime.Sum(w => w.Registrations));
        // a1 was at risk (enrolled, quiet since January); gone, they are no longer: 10 - 1.
        Assert.Equal((10, 9), (before.AtRisk.Count, after.AtRisk.Count));

        // Nothing in the facts leads to them any more.
        var ids = await app.WithTenantAsync(async sp => await sp.GetRequiredService<LearningDbContext>().Users.Select(u => u.Id).ToListAsync());
        var factIds = await app.WithTenantAsync(async sp => await sp.GetRequiredService<LearningDbContext>().LearnerFacts.Select(l => l.UserId).ToListAsync());
        Assert.Equal(14, factIds.Count);
        Assert.Equal(2, factIds.Count(id => !ids.Contains(id)));
    }

    private static Task<bool> EraseAsync(LearningApp app, string email, ErasureChoices choices) => app.WithTenantAsync(async sp =>
    {
        var user = (await sp.GetRequiredService<UserManager<LearningUser>>().FindByEmailAsync(email))!;
        Assert.True(await sp.GetRequiredService<AccountErasure>().EraseAsync(user, choices, default));
        return true;
    });

    private static Task<DashboardReport> ReportAsync(LearningApp app) =>
        app.WithTenantAsync(sp => sp.GetRequiredService<ImpactDashboard>().ReportAsync(Quarter, "en", listAtRisk: true, default));
}
