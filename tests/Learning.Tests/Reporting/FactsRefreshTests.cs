using Learning.Modules.Accounts;
using Learning.Modules.Assessment;
using Learning.Modules.Certificates;
using Learning.Modules.Core.PersonalData;
using Learning.Modules.Data;
using Learning.Modules.Mooc;
using Learning.Modules.Reporting;
using Learning.Modules.Reporting.Facts;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Reporting;

/// <summary>
/// The facts follow what learners do through the features, one refresh after another, reading only what changed
/// since the last run: a clock moved by the test tells the runs apart.
/// </summary>
public sealed class FactsRefreshTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_run_rewrites_the_learners_who_changed_and_only_them(Db db)
    {
        var clock = new MovableClock();
        await using var app = new LearningApp(db, content: TestContent.Small()) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var ann = (await app.CreateUserAsync("ann@example.org")).Id;
        var ben = (await app.CreateUserAsync("ben@example.org")).Id;
        var structure = await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            var lyon = new Structure { Name = "Insertion Lyon", NormalizedName = "insertion lyon", Type = "association", Country = "FR", Status = StructureStatus.Listed };
            data.Structures.Add(lyon);
            await data.SaveChangesAsync();
            await data.Users.Where(u => u.Id == ann).ExecuteUpdateAsync(u => u.SetProperty(x => x.StructureId, lyon.Id).SetProperty(x => x.Profession, "Job counsellor"));
            return lyon.Id;
        });

        // Ann enrols, completes the self-assessment's two activities, and hands in part 1's test blank.
        await app.WithTenantAsync(async sp =>
        {
            var progress = sp.GetRequiredService<CourseProgress>();
            await progress.EnrolAsync(ann, default);
            var selfAssessment = (await sp.GetRequiredService<Course>().PartsAsync("fr", default)).Single(p => p.SetId == "self-assessment");
            foreach (var activity in selfAssessment.Content.Activities)
            {
                await progress.RecordTryAsync(ann, "self-assessment", activity.Id, right: true, default);
            }

            var examiner = sp.GetRequiredService<Examiner>();
            var attempt = (await examiner.StartAsync(ann, "mooc/part-1/validation", default))!;
            return await examiner.SubmitAsync(attempt.Id, default);
        });

        // Ten minutes later, the first run: Ann and Ben; the administrator made by setup is no learner and is not counted.
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, await RefreshAsync(app));
        Assert.Equal(2, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().LearnerFacts.CountAsync()));
        var (annFact, annDays, annParts, annAttempts) = await FactsAsync(app, ann);
        Assert.Equal((structure, "Job counsellor", "en", false, (DateTime?)null), (annFact!.StructureId, annFact.Profession, annFact.Culture, annFact.CourseCompleted, annFact.CertifiedUtc));
        Assert.NotNull(annFact.EnrolledUtc);
        Assert.Equal(["self-assessment"], annParts);
        Assert.Single(annDays); // registered, enrolled, tried and tested on the same day
        var attemptFact = Assert.Single(annAttempts);
        Assert.Equal(("mooc/part-1/validation", 1, 0d, false), (attemptFact.Bank, attemptFact.Number, attemptFact.Percent, attemptFact.Passed));
        var (benFact, _, _, _) = await FactsAsync(app, ben);
        Assert.Null(benFact!.EnrolledUtc);

        // An hour later nothing has changed: nobody is read again (each run reads again only the 5 minutes before the last).
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await RefreshAsync(app));

        // Two days later Ben enrols and fails an activity: only he is rewritten, with a second active day.
        clock.Advance(TimeSpan.FromDays(2));
        var benTried = clock.GetUtcNow().UtcDateTime;
        await app.WithTenantAsync(async sp =>
        {
            var progress = sp.GetRequiredService<CourseProgress>();
            await progress.EnrolAsync(ben, default);
            var part = (await sp.GetRequiredService<Course>().PartsAsync("fr", default)).First();
            await progress.RecordTryAsync(ben, part.SetId, part.Content.Activities[0].Id, right: false, default);
            return true;
        });
        clock.Advance(TimeSpan.FromMinutes(10)); // past the overlap, so that the previous change is not read again
        Assert.Equal(1, await RefreshAsync(app));
        (benFact, var benDays, _, _) = await FactsAsync(app, ben);
        Assert.NotNull(benFact!.EnrolledUtc);
        Assert.Equal(2, benDays.Count);
        Assert.Equal(benTried, benFact.LastActiveUtc, TimeSpan.FromMinutes(1)); // his try, two days after registering

        // Activities are numbered as they are first seen; Ann got both of hers right at once, Ben failed his first try.
        var numbers = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().ActivityNumbers.ToDictionaryAsync(a => a.ActivityId, a => a.Number));
        Assert.Equal(["p1-a01", "s-a01", "s-a02"], numbers.Keys.Order());
        annFact = (await FactsAsync(app, ann)).Learner!;
        Assert.True(ActivityNumber.IsSet(annFact.TriedActivities, numbers["s-a01"]) && ActivityNumber.IsSet(annFact.TriedActivities, numbers["s-a02"]));
        Assert.False(ActivityNumber.IsSet(annFact.TriedActivities, numbers["p1-a01"]));
        Assert.Null(annFact.FailedActivities);
        Assert.Equal((true, true), (ActivityNumber.IsSet(benFact.TriedActivities, numbers["p1-a01"]), ActivityNumber.IsSet(benFact.FailedActivities, numbers["p1-a01"])));

        // A certificate issued to Ann, then revoked.
        clock.Advance(TimeSpan.FromHours(1));
        var issued = clock.GetUtcNow().UtcDateTime;
        await app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            data.Certificates.Add(new Certificate { Code = "CODE1", UserId = ann, RecipientName = "Ann", RecipientHash = "sha256$0", Salt = "s", Culture = "en", IssuedUtc = issued });
            return await data.SaveChangesAsync();
        });
        clock.Advance(TimeSpan.FromMinutes(10)); // past the overlap, so that the previous change is not read again
        Assert.Equal(1, await RefreshAsync(app));
        Assert.Equal(issued, (await FactsAsync(app, ann)).Learner!.CertifiedUtc!.Value, TimeSpan.FromMilliseconds(1));
        clock.Advance(TimeSpan.FromHours(1));
        var revoked = clock.GetUtcNow().UtcDateTime;
        await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Certificates.Where(c => c.UserId == ann)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.RevokedUtc, revoked)));
        clock.Advance(TimeSpan.FromMinutes(10)); // past the overlap, so that the previous change is not read again
        Assert.Equal(1, await RefreshAsync(app));
        Assert.Null((await FactsAsync(app, ann)).Learner!.CertifiedUtc);

        // Ann deletes her account: nothing is kept under her id any more, but the figures keep counting her, under an
        // id that leads to nobody, without her profession; a later run neither drops nor doubles her.
        var before = await FactsAsync(app, ann);
        await app.WithTenantAsync(async sp =>
        {
            await sp.GetServices<IPersonalDataProvider>().Single(p => p.Section == "reports").EraseAsync(ann, default);
            return true;
        });
        var gone = await FactsAsync(app, ann);
        Assert.Equal((null, 0, 0, 0), (gone.Learner, gone.Days.Count, gone.Parts.Count, gone.Attempts.Count));
        clock.Advance(TimeSpan.FromMinutes(10));
        await RefreshAsync(app);
        var alias = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().LearnerFacts.Where(l => l.UserId != ben).Select(l => l.UserId).SingleAsync());
        Assert.StartsWith(FactsRefresh.ErasedLearnerPrefix, alias);
        var kept = await FactsAsync(app, alias);
        Assert.Equal((before.Learner!.RegisteredUtc, before.Learner.StructureId, before.Learner.Culture, before.Learner.EnrolledUtc, before.Learner.CertifiedUtc, (string?)null),
            (kept.Learner!.RegisteredUtc, kept.Learner.StructureId, kept.Learner.Culture, kept.Learner.EnrolledUtc, kept.Learner.CertifiedUtc, kept.Learner.Profession));
        Assert.Equal(before.Days.Order(), kept.Days.Order());
        Assert.Equal(before.Parts.Order(), kept.Parts.Order());
        Assert.Equal(before.Attempts.OrderBy(a => a.AttemptId).Select(a => (a.AttemptId, a.Percent, a.Passed)), kept.Attempts.OrderBy(a => a.AttemptId).Select(a => (a.AttemptId, a.Percent, a.Passed)));
        Assert.Equal(2, await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().LearnerFacts.CountAsync()));
    }

    private static Task<int> RefreshAsync(LearningApp app) => app.WithTenantAsync(sp => sp.GetRequiredService<FactsRefresh>().RunAsync(default));

    private static Task<(LearnerFact? Learner, List<DateTime> Days, List<string> Parts, List<AttemptFact> Attempts)> FactsAsync(LearningApp app, string userId) =>
        app.WithTenantAsync(async sp =>
        {
            var data = sp.GetRequiredService<LearningDbContext>();
            return (await data.LearnerFacts.AsNoTracking().SingleOrDefaultAsync(l => l.UserId == userId),
                await data.ActiveDayFacts.Where(d => d.UserId == userId).Select(d => d.Day).ToListAsync(),
                await data.PartCompletionFacts.Where(p => p.UserId == userId).Select(p => p.Part).ToListAsync(),
                await data.AttemptFacts.AsNoTracking().Where(a => a.UserId == userId).ToListAsync());
        });
}
