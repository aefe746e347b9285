using Learning.Modules.Assessment;
using Learning.Modules.Data;
using Learning.Modules.Mooc;
using Learning.Modules.Mooc.Contracts;
using Learning.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Mooc;

/// <summary>What the course tells reports (Reporting's impact figures) through <see cref="CourseFacts"/>, on the test
/// content: parts 1 to 4 of six activities each (p1-a01 … p1-a06), the self-assessment of two (s-a01, s-a02).</summary>
public sealed class CourseFactsTests
{
    private static readonly DateTime Since = new(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Changed_since_names_once_each_learner_who_enrolled_or_tried_an_activity_strictly_after_the_moment(Db database)
    {
        await using var app = new LearningApp(database, content: TestContent.Small());
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            db.Enrolments.AddRange(
                Enrolled("before", Since.AddSeconds(-1)),
                Enrolled("at", Since),                       // the moment itself is not after it
                Enrolled("after", Since.AddSeconds(1)),
                Enrolled("tried-after", Since.AddDays(-1)),
                Enrolled("tried-at", Since.AddDays(-1)),
                Enrolled("tried-twice", Since.AddDays(-2)));
            db.ActivityProgress.AddRange(
                Tried("tried-after", "p1-a01", 1, Since.AddMinutes(1), completed: true),
                Tried("tried-at", "p1-a01", 2, Since, completed: false),
                Tried("tried-twice", "p1-a01", 1, Since.AddMinutes(2), completed: true),
                Tried("tried-twice", "p1-a02", 1, Since.AddMinutes(3), completed: true),
                Tried("before", "p1-a01", 1, Since.AddHours(-1), completed: true));
            return await db.SaveChangesAsync();
        });

        var changed = await app.WithTenantAsync(sp => sp.GetRequiredService<CourseFacts>().ChangedSinceAsync(Since, default));

        Assert.Equal(["after", "tried-after", "tried-twice"], changed.Order(StringComparer.Ordinal));
        var everyone = await app.WithTenantAsync(sp => sp.GetRequiredService<CourseFacts>().ChangedSinceAsync(DateTime.MinValue, default));
        Assert.Equal(6, everyone.Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_states_of_1600_ids_are_read_in_two_batches_of_three_queries_and_leave_out_those_not_enrolled(Db database)
    {
        var counter = new CommandCounter();
        await using var app = new LearningApp(database, content: TestContent.Small()) { TestServices = counter.CountIn };
        var enrolled = Enumerable.Range(0, 1500).Select(i => $"learner-{i:0000}").ToList();
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            db.Enrolments.AddRange(enrolled.Select((id, i) => Enrolled(id, Since.AddMinutes(i))));
            // learner-1234 (in the second batch) did every activity of part 1 and passed its test, and began part 2.
            db.ActivityProgress.AddRange(Enumerable.Range(1, 6).Select(a => Tried("learner-1234", $"p1-a{a:00}", a, Since.AddHours(a), completed: true)));
            db.ActivityProgress.Add(Tried("learner-1234", "p2-a01", 3, Since.AddHours(9), completed: false));
            db.Attempts.Add(Submitted("learner-1234", "mooc/part-1/validation", 1, passed: true, Since.AddHours(8)));
            return await db.SaveChangesAsync();
        });
        var asked = enrolled.Concat(Enumerable.Range(0, 100).Select(i => $"stranger-{i}")).ToList();

        // The course's parts are read once (then kept in memory); each batch of 1,000 ids reads enrolments, activities
        // and tests: 1 + 2 × 3 = 7.
        counter.Reset();
        var states = await app.WithTenantAsync(sp => sp.GetRequiredService<CourseFacts>().StatesAsync(asked, default));
        Assert.InRange(counter.Count, 6, 7);

        Assert.Equal(1500, states.Count);
        Assert.Equal(enrolled, states.Select(s => s.UserId).Order(StringComparer.Ordinal));
        var learner = states.Single(s => s.UserId == "learner-1234");
        Assert.Equal(Since.AddMinutes(1234), learner.EnrolledUtc);
        Assert.Equal(DateTimeKind.Utc, learner.EnrolledUtc.Kind);
        Assert.Equal(Since.AddHours(9), learner.LastTriedUtc);
        Assert.Equal(["part-1"], learner.PartsCompleted);
        Assert.False(learner.CourseCompleted);
        var other = states.Single(s => s.UserId == "learner-0007");
        Assert.Equal((Since.AddMinutes(7), (DateTime?)null, 0, false), (other.EnrolledUtc, other.LastTriedUtc, other.PartsCompleted.Count, other.CourseCompleted));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_part_is_completed_exactly_when_the_course_page_shows_its_bar_full(Db database)
    {
        await using var app = new LearningApp(database, content: TestContent.Small());
        var user = await app.CreateUserAsync("learner@example.org");
        var finisher = await app.CreateUserAsync("finisher@example.org");
        await app.WithTenantAsync(async sp =>
        {
            var progress = sp.GetRequiredService<CourseProgress>();
            var db = sp.GetRequiredService<LearningDbContext>();
            await progress.EnrolAsync(user.Id, default);
            // Part 1: every activity right (one after a wrong try) and the test passed at the second attempt: done.
            await progress.RecordTryAsync(user.Id, "part-1", "p1-a01", right: false, default);
            foreach (var a in Enumerable.Range(1, 6))
            {
                await progress.RecordTryAsync(user.Id, "part-1", $"p1-a{a:00}", right: true, default);
            }

            db.Attempts.Add(Submitted(user.Id, "mooc/part-1/validation", 1, passed: false, Since));
            db.Attempts.Add(Submitted(user.Id, "mooc/part-1/validation", 2, passed: true, Since.AddDays(1)));
            // Part 2: every activity right, the test failed: 6 of 7.
            foreach (var a in Enumerable.Range(1, 6))
            {
                await progress.RecordTryAsync(user.Id, "part-2", $"p2-a{a:00}", right: true, default);
            }

            db.Attempts.Add(Submitted(user.Id, "mooc/part-2/validation", 1, passed: false, Since));
            // Part 3: the test passed, one activity only tried wrong: 6 of 7.
            foreach (var a in Enumerable.Range(1, 5))
            {
                await progress.RecordTryAsync(user.Id, "part-3", $"p3-a{a:00}", right: true, default);
            }

            await progress.RecordTryAsync(user.Id, "part-3", "p3-a06", right: false, default);
            db.Attempts.Add(Submitted(user.Id, "mooc/part-3/validation", 1, passed: true, Since));
            // Part 4: nothing. The self-assessment (no test): both activities right: done.
            await progress.RecordTryAsync(user.Id, "self-assessment", "s-a01", right: true, default);
            await progress.RecordTryAsync(user.Id, "self-assessment", "s-a02", right: true, default);

            // Someone who did everything.
            await progress.EnrolAsync(finisher.Id, default);
            foreach (var part in Enumerable.Range(1, 4))
            {
                foreach (var a in Enumerable.Range(1, 6))
                {
                    await progress.RecordTryAsync(finisher.Id, $"part-{part}", $"p{part}-a{a:00}", right: true, default);
                }

                db.Attempts.Add(Submitted(finisher.Id, $"mooc/part-{part}/validation", 1, passed: true, Since));
            }

            await progress.RecordTryAsync(finisher.Id, "self-assessment", "s-a01", right: true, default);
            await progress.RecordTryAsync(finisher.Id, "self-assessment", "s-a02", right: true, default);
            return await db.SaveChangesAsync();
        });

        var states = await app.WithTenantAsync(sp => sp.GetRequiredService<CourseFacts>().StatesAsync([user.Id, finisher.Id], default));

        var state = states.Single(s => s.UserId == user.Id);
        Assert.Equal(["part-1", "self-assessment"], state.PartsCompleted);
        Assert.False(state.CourseCompleted);
        var finished = states.Single(s => s.UserId == finisher.Id);
        Assert.Equal(["part-1", "part-2", "part-3", "part-4", "self-assessment"], finished.PartsCompleted);
        Assert.True(finished.CourseCompleted);

        // The course page, as the learner sees it: full bars exactly for the parts completed.
        var client = app.CreateClient();
        await client.LogInSuccessfullyAsync("learner@example.org");
        var page = await client.GetPageAsync("/en/mooc");
        var bars = new Dictionary<string, (string? Value, string? Max)>();
        foreach (var part in new[] { "part-1", "part-2", "part-3", "part-4", "self-assessment" })
        {
            var bar = page.QuerySelector($"#progress-{part} + progress")!;
            bars[part] = (bar.GetAttribute("value"), bar.GetAttribute("max"));
        }

        Assert.Equal(("7", "7"), bars["part-1"]);
        Assert.Equal(("6", "7"), bars["part-2"]);
        Assert.Equal(("6", "7"), bars["part-3"]);
        Assert.Equal(("0", "7"), bars["part-4"]);
        Assert.Equal(("2", "2"), bars["self-assessment"]);
        Assert.Equal(bars.Where(b => b.Value.Value == b.Value.Max).Select(b => b.Key), state.PartsCompleted);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task First_tries_tell_for_each_learner_the_activities_tried_and_those_whose_first_try_was_not_all_right(Db database)
    {
        await using var app = new LearningApp(database, content: TestContent.Small());
        await app.WithTenantAsync(async sp =>
        {
            var db = sp.GetRequiredService<LearningDbContext>();
            db.ActivityProgress.AddRange(
                // p1-a01: right at once (one), right at the third try (two), one wrong try (three), two wrong tries (four).
                Tried("one", "p1-a01", 1, Since, completed: true),
                Tried("two", "p1-a01", 3, Since, completed: true),
                Tried("three", "p1-a01", 1, Since, completed: false),
                Tried("four", "p1-a01", 2, Since, completed: false),
                Tried("five", "p1-a01", 0, Since, completed: false),   // never tried: left out
                Tried("one", "p2-a03", 1, Since, completed: true),
                Tried("one", "p9-a99", 2, Since, completed: true),     // an activity since removed from the course: left out
                Tried("six", "p1-a01", 2, Since, completed: false));   // not asked for
            return await db.SaveChangesAsync();
        });

        var tries = await app.WithTenantAsync(sp => sp.GetRequiredService<CourseFacts>().FirstTriesAsync(["one", "two", "three", "four", "five"], default));

        Assert.Equal(
            [
                new LearnerFirstTry("four", "p1-a01", true),
                new LearnerFirstTry("one", "p1-a01", false),
                new LearnerFirstTry("one", "p2-a03", false),
                new LearnerFirstTry("three", "p1-a01", true),
                new LearnerFirstTry("two", "p1-a01", true),
            ],
            tries.OrderBy(t => t.UserId, StringComparer.Ordinal).ThenBy(t => t.ActivityId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_activities_come_in_course_order_titled_in_the_culture_with_their_part()
    {
        await using var app = new LearningApp(content: TestContent.Small());

        var activities = await app.WithTenantAsync(sp => sp.GetRequiredService<CourseFacts>().ActivitiesAsync("en", default));

        Assert.Equal(4 * 6 + 2, activities.Count);
        Assert.Equal(new CourseActivityInfo("part-1", "p1-a01", "Activity p1-a01 (en)"), activities[0]);
        Assert.Equal(new CourseActivityInfo("part-1", "p1-a02", "Activity p1-a02 (en)"), activities[1]);
        Assert.Equal(new CourseActivityInfo("part-2", "p2-a03", "Activity p2-a03 (en)"), activities[8]);
        Assert.Equal(("self-assessment", "s-a02"), (activities[^1].Part, activities[^1].ActivityId));
    }

    [Fact]
    public async Task The_parts_come_in_course_order_titled_in_the_culture_with_their_test_banks()
    {
        await using var app = new LearningApp(content: TestContent.Small());

        var parts = await app.WithTenantAsync(sp => sp.GetRequiredService<CourseFacts>().PartsAsync("hu", default));

        Assert.Equal(
            [
                new CoursePartInfo("part-1", 1, TestContent.PartTitle(1, "hu"), "mooc/part-1/validation"),
                new CoursePartInfo("part-2", 2, TestContent.PartTitle(2, "hu"), "mooc/part-2/validation"),
                new CoursePartInfo("part-3", 3, TestContent.PartTitle(3, "hu"), "mooc/part-3/validation"),
                new CoursePartInfo("part-4", 4, TestContent.PartTitle(4, "hu"), "mooc/part-4/validation"),
                new CoursePartInfo("self-assessment", 0, "Assess your learning (hu)", null),
            ],
            parts);
    }

    private static Enrolment Enrolled(string userId, DateTime at) => new() { UserId = userId, EnrolledUtc = at };

    private static ActivityProgress Tried(string userId, string activityId, int tries, DateTime last, bool completed) => new()
    {
        UserId = userId,
        ActivityId = activityId,
        Part = activityId.StartsWith("s-", StringComparison.Ordinal) ? "self-assessment" : $"part-{activityId[1]}",
        Tries = tries,
        LastTriedUtc = last,
        CompletedUtc = completed ? last : null,
    };

    internal static Attempt Submitted(string userId, string bank, int number, bool passed, DateTime at) => new()
    {
        UserId = userId,
        Bank = bank,
        Number = number,
        Questions = "[\"q1\",\"q2\"]",
        ChoiceOrders = "[[],[]]",
        PassPercent = 70,
        StartedUtc = at.AddMinutes(-10),
        SubmittedUtc = at,
        Score = passed ? 2 : 1,
        MaxScore = 2,
        Passed = passed,
    };
}
