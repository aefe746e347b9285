using Learning.Modules.Accounts;
using Learning.Modules.Content;
using Learning.Modules.Data;
using Learning.Modules.Feedback;
using Learning.Modules.Mooc;
using Learning.Modules.Reporting;
using Learning.Modules.Reporting.Facts;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Reporting;

/// <summary>The small world of facts the impact figures are worked out by hand over (<see cref="ImpactDashboardTests"/>),
/// written straight into Reporting's tables; the browser's journey uses it too.</summary>
public static class ImpactWorld
{
    public const string Bank = "mooc/part-1/validation";

    private static DateTime On(int month, int day) => new(2026, month, day, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// S1, an association in Lyon (FR): a1–a6, French, registered 5 January, enrolled 6 January, test on 20 January.
    /// S2, an employment service in Girona (ES): b1–b5, Spanish, registered 20 December 2025, enrolled 10 February.
    /// S3, a training organisation in Lille (FR): c1, registered 10 April. d1, d2: no structure, Italy, registered 1 March.
    /// </summary>
    public static async Task<(int, int, int)> SeedAsync(LearningApp app)
    {
        // Real accounts, named a1, b1…, so that the list of learners at risk can name them.
        var ids = new Dictionary<string, string>();
        foreach (var name in new[] { "a1", "a2", "a3", "a4", "a5", "a6", "b1", "b2", "b3", "b4", "b5", "c1", "d1", "d2" })
        {
            ids[name] = (await app.CreateUserAsync($"{name}@example.org")).Id;
        }

        return await app.WithTenantAsync(sp => SeedFactsAsync(sp.GetRequiredService<LearningDbContext>(), ids));
    }

    private static async Task<(int, int, int)> SeedFactsAsync(LearningDbContext db, Dictionary<string, string> ids)
    {
        var structures = new[]
        {
            new Structure { Name = "Insertion Lyon", NormalizedName = "insertion lyon", Type = "association", Municipality = "Lyon", Country = "FR", Status = StructureStatus.Listed },
            new Structure { Name = "Servei d'ocupació", NormalizedName = "servei d ocupacio", Type = "employment-service", Municipality = "Girona", Country = "ES", Status = StructureStatus.Listed },
            new Structure { Name = "Formation Nord", NormalizedName = "formation nord", Type = "training", Municipality = "Lille", Country = "FR", Status = StructureStatus.Listed },
        };
        db.Structures.AddRange(structures);
        await db.SaveChangesAsync();
        var (s1, s2, s3) = (structures[0].Id, structures[1].Id, structures[2].Id);

        void Learner(string name, string culture, int? structure, string? country, string? profession, DateTime registered, DateTime? enrolled, DateTime lastActive, params DateTime[] activeOn)
        {
            var id = ids[name];
            db.LearnerFacts.Add(new LearnerFact
            {
                UserId = id, Culture = culture, StructureId = structure, Country = country, Profession = profession,
                RegisteredUtc = registered, EnrolledUtc = enrolled, LastActiveUtc = lastActive,
            });
            db.ActiveDayFacts.AddRange(activeOn.Append(registered).Concat(enrolled is { } e ? [e] : []).Select(d => ActiveDayFact.On(id, d)).DistinctBy(d => d.Day));
        }

        int[] scores = [95, 80, 70, 60, 100, 30];
        for (var i = 1; i <= 6; i++)
        {
            Learner($"a{i}", "fr", s1, null, i <= 2 ? "Job counsellor" : "Social worker", On(1, 5), On(1, 6), On(1, 20), On(1, 20));
            db.AttemptFacts.Add(new AttemptFact { AttemptId = i, UserId = ids[$"a{i}"], Bank = Bank, Number = 1, SubmittedUtc = On(1, 20), Percent = scores[i - 1], Passed = scores[i - 1] >= 70 });
            if (i <= 5)
            {
                db.PartCompletionFacts.Add(new PartCompletionFact { UserId = ids[$"a{i}"], Part = "part-1" });
            }
        }

        var a5 = db.LearnerFacts.Local.Single(l => l.UserId == ids["a5"]);
        a5.CourseCompleted = true;
        a5.CertifiedUtc = On(3, 12);
        db.PartCompletionFacts.AddRange(new[] { "part-2", "part-3", "part-4", "self-assessment" }.Select(p => new PartCompletionFact { UserId = ids["a5"], Part = p }));

        int[] spanishScores = [50, 50, 90];
        for (var i = 1; i <= 5; i++)
        {
            var retook = i == 1;
            Learner($"b{i}", "es", s2, "ES", null, new DateTime(2025, 12, 20, 9, 0, 0, DateTimeKind.Utc), On(2, 10), retook ? On(4, 2) : On(2, 12), retook ? [On(2, 12), On(4, 2)] : [On(2, 12)]);
            if (i <= 3)
            {
                db.AttemptFacts.Add(new AttemptFact { AttemptId = 10 + i, UserId = ids[$"b{i}"], Bank = Bank, Number = 1, SubmittedUtc = On(2, 12), Percent = spanishScores[i - 1], Passed = spanishScores[i - 1] >= 70 });
            }
        }

        db.AttemptFacts.Add(new AttemptFact { AttemptId = 20, UserId = ids["b1"], Bank = Bank, Number = 2, SubmittedUtc = On(4, 2), Percent = 75, Passed = true });
        Learner("c1", "fr", s3, null, null, On(4, 10), null, On(4, 10));
        Learner("d1", "it", null, "IT", "Job counsellor", On(3, 1), null, On(3, 1));
        Learner("d2", "it", null, "IT", null, On(3, 1), null, On(3, 1));
        // Activities, a bit each: a1–a6 tried p1-a01 and a1–a4 failed their first try; b1–b5 tried p1-a02 and b1, b2
        // failed it; everyone tried p9-a99, since removed from the course.
        db.ActivityNumbers.AddRange(
            new ActivityNumber { Number = 0, ActivityId = "p1-a01" },
            new ActivityNumber { Number = 1, ActivityId = "p9-a99" },
            new ActivityNumber { Number = 9, ActivityId = "p1-a02" });
        foreach (var fact in db.LearnerFacts.Local)
        {
            var name = ids.Single(i => i.Value == fact.UserId).Key;
            var (activity, failed) = name[0] switch { 'a' => (0, name[1] <= '4'), 'b' => (9, name[1] <= '2'), _ => (-1, false) };
            fact.TriedActivities = ActivityNumber.Set(null, 1);
            fact.FailedActivities = ActivityNumber.Set(null, 1);
            if (activity >= 0)
            {
                fact.TriedActivities = ActivityNumber.Set(fact.TriedActivities, activity);
                fact.FailedActivities = failed ? ActivityNumber.Set(fact.FailedActivities, activity) : fact.FailedActivities;
            }
        }

        // Reminders e-mailed: two in the quarter (one to a learner filtered out by a language, which does not matter:
        // the figure is the tenant's), one in April.
        db.RemindersSent.AddRange(
            new Learning.Modules.Mooc.Reminders.ReminderSent { UserId = ids["a1"], SentUtc = On(2, 20) },
            new Learning.Modules.Mooc.Reminders.ReminderSent { UserId = ids["b2"], SentUtc = On(3, 30) },
            new Learning.Modules.Mooc.Reminders.ReminderSent { UserId = ids["b3"], SentUtc = On(4, 1) });

        // Feedback in the quarter: six opinions on a practice (3 done, 1 accepted, 1 rejected, 1 new) and four on part 1
        // (2 accepted, 2 new); one more in April.
        FeedbackStatus[] onPractice = [FeedbackStatus.Done, FeedbackStatus.Done, FeedbackStatus.Done, FeedbackStatus.Accepted, FeedbackStatus.Rejected, FeedbackStatus.New];
        for (var i = 1; i <= 6; i++)
        {
            db.FeedbackItems.Add(new FeedbackItem { UserId = ids[$"a{i}"], Kind = "practice", SetId = "job-desk", Culture = "fr", Rating = 4, Status = onPractice[i - 1], CreatedUtc = On(2, i), UpdatedUtc = On(2, i) });
        }

        FeedbackStatus[] onPart = [FeedbackStatus.Accepted, FeedbackStatus.Accepted, FeedbackStatus.New, FeedbackStatus.New];
        for (var i = 1; i <= 4; i++)
        {
            db.FeedbackItems.Add(new FeedbackItem { UserId = ids[$"b{i}"], Kind = "mooc-part", SetId = "part-1", Culture = "es", Rating = 3, Status = onPart[i - 1], CreatedUtc = On(3, i), UpdatedUtc = On(3, i) });
        }

        db.FeedbackItems.Add(new FeedbackItem { UserId = ids["c1"], Kind = "practice", SetId = "job-desk", Culture = "fr", Rating = 5, CreatedUtc = On(4, 11), UpdatedUtc = On(4, 11) });

        // Reads: the job desk 7 times in English and 3 in French in the quarter, 100 times in April; the partners' day 4 times.
        db.ContentReads.AddRange(
            new ContentRead { Type = "practice", SetId = "job-desk", Culture = "en", Day = On(1, 10).Date, Count = 7 },
            new ContentRead { Type = "practice", SetId = "job-desk", Culture = "fr", Day = On(2, 1).Date, Count = 3 },
            new ContentRead { Type = "practice", SetId = "job-desk", Culture = "fr", Day = On(4, 1).Date, Count = 100 },
            new ContentRead { Type = "practice", SetId = "partners-day", Culture = "en", Day = On(3, 31).Date, Count = 4 });

        // Up to date: the dashboard page does not refresh these facts from the (empty) features.
        db.FactsState.Add(new FactsState { Id = 1, WatermarkUtc = DateTime.UtcNow, RefreshedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return (s1, s2, s3);
    }
}
