using System.Text;
using Learning.Modules.Assessment;
using Learning.Modules.Assessment.Formats;
using Learning.Modules.Assessment.Questions;
using Learning.Modules.Data;
using Learning.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Learning.Tests.Assessment;

/// <summary>A test's draw is balanced across the objectives its bank's questions are tagged with (Moodle's tags,
/// `// [tag:objective-2]` in GIFT, &lt;tags&gt; in Moodle XML), so that a retake meets every objective again.</summary>
public sealed class BalancedDrawTests
{
    private const int Draws = 200;

    /// <summary>A bank written by hand: <paramref name="perObjective"/>[i] questions tagged objective-(i+1), then
    /// <paramref name="untagged"/> questions without a tag, each a single choice.</summary>
    private static string Bank(int[] perObjective, int untagged = 0)
    {
        var gift = new StringBuilder("$CATEGORY: $course$/training/balanced\n\n");
        for (var objective = 1; objective <= perObjective.Length; objective++)
        {
            for (var n = 1; n <= perObjective[objective - 1]; n++)
            {
                gift.Append($"// Objective {objective}, question {n}\n// [id:o{objective}-{n}] [tag:objective-{objective}] [tag:part-1]\n");
                gift.Append($"::o{objective}-q{n}:: Question {n} on objective {objective}? {{=Right#Yes. ~Wrong#No.}}\n\n");
            }
        }

        for (var n = 1; n <= untagged; n++)
        {
            gift.Append($"::free-q{n}:: Question {n} without an objective? {{=Right ~Wrong}}\n\n");
        }

        return gift.ToString();
    }

    private static Dictionary<string, Question> Pool(string gift) => GiftReader.Read(gift).Questions.ToDictionary(q => q.Name);

    /// <summary>How many drawn questions serve each objective ("free" for the untagged), from their names.</summary>
    private static Dictionary<string, int> PerObjective(IEnumerable<string> drawn) =>
        drawn.GroupBy(name => name.Split('-')[0]).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Ten_questions_drawn_from_five_objectives_are_two_from_each_every_time()
    {
        var pool = Pool(Bank([4, 5, 4, 5, 4]));
        Assert.Equal(22, pool.Count);
        var seen = new HashSet<string>();
        for (var i = 0; i < Draws; i++)
        {
            var drawn = Examiner.Draw(pool, 10);
            Assert.Equal(10, drawn.Distinct().Count());
            Assert.Equal(new Dictionary<string, int> { ["o1"] = 2, ["o2"] = 2, ["o3"] = 2, ["o4"] = 2, ["o5"] = 2 }, PerObjective(drawn));
            seen.UnionWith(drawn);
        }

        // Still random inside each objective: over 200 draws every question comes up (a given one of 4 is missed
        // by one draw with probability 1/2, by all 200 with 2^-200).
        Assert.Equal(pool.Keys.Order(), seen.Order());
    }

    [Fact]
    public void With_six_objectives_four_of_them_chosen_at_random_give_a_second_question()
    {
        var pool = Pool(Bank([4, 4, 4, 4, 4, 4]));
        var twice = new HashSet<string>();
        for (var i = 0; i < Draws; i++)
        {
            var counts = PerObjective(Examiner.Draw(pool, 10));
            // A first round takes one from each of the 6, a second round 4 more: 2, 2, 2, 2, 1, 1.
            Assert.Equal(6, counts.Count);
            Assert.Equal([1, 1, 2, 2, 2, 2], counts.Values.Order());
            twice.UnionWith(counts.Where(c => c.Value == 2).Select(c => c.Key));
        }

        // The objectives' order is random too: each of the 6 gets its second question in some draw.
        Assert.Equal(6, twice.Count);
    }

    [Fact]
    public void A_small_objective_gives_what_it_has_and_the_others_share_the_rest()
    {
        var pool = Pool(Bank([1, 6, 6]));
        for (var i = 0; i < Draws; i++)
        {
            var counts = PerObjective(Examiner.Draw(pool, 10));
            // Rounds of 3, then of 2 once objective 1 is empty: 3 + 2 + 2 + 2 = 9, the tenth from one of the two.
            Assert.Equal(1, counts["o1"]);
            Assert.Equal([4, 5], new[] { counts["o2"], counts["o3"] }.Order());
        }
    }

    [Fact]
    public void Untagged_questions_form_one_group_beside_the_objectives()
    {
        var pool = Pool(Bank([4, 4, 4], untagged: 4));
        for (var i = 0; i < Draws; i++)
        {
            var counts = PerObjective(Examiner.Draw(pool, 10));
            // Four groups: two rounds of 4, then 2 more: 3, 3, 2, 2 in some order.
            Assert.Equal(4, counts.Count);
            Assert.Equal([2, 2, 3, 3], counts.Values.Order());
        }
    }

    [Fact]
    public void A_bank_without_tags_is_drawn_at_random_as_before()
    {
        var pool = Pool(Bank([], untagged: 12));
        var times = pool.Keys.ToDictionary(k => k, _ => 0);
        for (var i = 0; i < Draws; i++)
        {
            var drawn = Examiner.Draw(pool, 10);
            Assert.Equal(10, drawn.Distinct().Count());
            foreach (var name in drawn)
            {
                times[name]++;
            }
        }

        // Each question is in a draw with probability 10/12: about 167 of 200 draws, never all or few of them
        // (below 130 or at 200 has a probability far under one in a million for a fair draw).
        Assert.All(times.Values, n => Assert.InRange(n, 130, 199));
        // Fewer questions than the test asks for: all of them.
        Assert.Equal(3, Examiner.Draw(Pool(Bank([2], untagged: 1)), 10).Count);
    }

    [Fact]
    public void The_drawn_order_does_not_follow_the_objectives()
    {
        var pool = Pool(Bank([4, 4, 4, 4, 4]));
        // Taken round-robin, the first five would be one of each objective; shuffled afterwards, they often are not.
        var notOneOfEach = Enumerable.Range(0, Draws).Count(_ => Examiner.Draw(pool, 10).Take(5).Select(n => n.Split('-')[0]).Distinct().Count() < 5);
        Assert.True(notOneOfEach > Draws / 2, $"{notOneOfEach} of {Draws}");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Attempts_started_on_a_tagged_bank_ask_two_questions_of_each_objective(Db db)
    {
        await using var app = new LearningApp(db, content: TestContent.Only());
        await app.WithTenantAsync(async sp =>
        {
            var imports = sp.GetRequiredService<BankImport>();
            await imports.ImportAsync("training/balanced", "fr", GiftReader.Read(Bank([4, 5, 4, 5, 4])), "editor", default);
            return await imports.ImportAsync("training/untagged", "fr", GiftReader.Read(Bank([], untagged: 12)), "editor", default);
        });

        // One attempt per learner (attempts are stored by user id): 30 draws from each bank.
        var learners = Enumerable.Range(1, 30).Select(n => $"learner-{n}").ToList();
        await app.WithTenantAsync(async sp =>
        {
            var examiner = sp.GetRequiredService<Examiner>();
            foreach (var learner in learners)
            {
                Assert.NotNull(await examiner.StartAsync(learner, "training/balanced", default));
                Assert.NotNull(await examiner.StartAsync(learner, "training/untagged", default));
            }

            return 0;
        });

        var attempts = await app.WithTenantAsync(sp => sp.GetRequiredService<LearningDbContext>().Attempts.AsNoTracking()
            .Select(a => new { a.Bank, a.Questions }).ToListAsync());
        var balanced = attempts.Where(a => a.Bank == "training/balanced").Select(a => Examiner.QuestionNames(a.Questions)).ToList();
        Assert.Equal(30, balanced.Count);
        Assert.All(balanced, drawn => Assert.Equal(new Dictionary<string, int> { ["o1"] = 2, ["o2"] = 2, ["o3"] = 2, ["o4"] = 2, ["o5"] = 2 }, PerObjective(drawn)));

        var untagged = attempts.Where(a => a.Bank == "training/untagged").Select(a => Examiner.QuestionNames(a.Questions)).ToList();
        Assert.Equal(30, untagged.Count);
        Assert.All(untagged, drawn => Assert.Equal(10, drawn.Distinct().Count()));
        // Every question of the untagged bank is drawn at some point (each is left out of a draw with probability 1/6).
        Assert.Equal(12, untagged.SelectMany(d => d).Distinct().Count());
    }

    [Fact]
    public void Gift_tags_are_read_from_the_comment_lines_before_a_question_as_moodle_reads_them()
    {
        // As Moodle's documentation writes them: comment lines in the question's block, several tags, an ID number.
        var file = GiftReader.Read("""
            // [id:p1-q01]
            // [tag:objective-2] [tag: personas ]
            // [tag:a \] in a tag] [tag:not<a>tag]
            // [tag:open on one line
            // and not closed] [tag:next]
            ::q1:: Why start from the people? {=To meet their needs ~To fill a service}

            // [tag:objective-3]

            ::q2:: A comment a blank line above is no question's. {T}
            """);

        Assert.Equal(["objective-2", "personas", "a ] in a tag", "next"], file.Questions[0].Tags);
        Assert.Equal("p1-q01", file.Questions[0].IdNumber);
        Assert.Empty(file.Questions[1].Tags);
    }

    [Fact]
    public void Moodle_xml_tags_are_read_and_both_writers_give_them_back()
    {
        var file = MoodleXml.Read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="truefalse">
                <name><text>q1</text></name>
                <questiontext format="html"><text>Personas are fictional portraits.</text></questiontext>
                <answer fraction="100"><text>true</text></answer>
                <answer fraction="0"><text>false</text></answer>
                <tags>
                  <tag><text>objective-1</text></tag>
                  <tag><text>personas</text></tag>
                </tags>
              </question>
            </quiz>
            """);
        var question = Assert.Single(file.Questions);
        Assert.Equal(["objective-1", "personas"], question.Tags);

        Assert.Equal(["objective-1", "personas"], Assert.Single(MoodleXml.Read(MoodleXml.Write([question])).Questions).Tags);
        var gift = GiftWriter.Write([question]);
        Assert.Contains("// [tag:objective-1] [tag:personas]\n::q1::", gift);
        Assert.Equal(["objective-1", "personas"], Assert.Single(GiftReader.Read(gift).Questions).Tags);
    }
}
